package org.nas4j.cli;

import org.nas4j.runs.Profiling;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.nio.file.Path;
import java.util.Locale;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

@Parameters(commandDescription = "Time every distinct layer of a space's served children once on this machine and save "
        + "the latency lookup table; its error against whole children timed alone is measured and printed")
final class ProfileCommand implements Command {

    @Parameter(names = "--space", description = "registered space (see 'nas4j spaces')", required = true)
    String space;

    @Parameter(names = "--archs", description = "random children whose layers are collected (plus the smallest and largest)")
    int archs = 200;

    @Parameter(names = "--check", description = "further random children timed whole: half fit the table's correction, half test it")
    int check = 40;

    @Parameter(names = "--batch", description = "images per call")
    int batch = 1;

    @Parameter(names = "--calls", description = "timed calls per layer and per checked child (median taken, after 5 warm-up)")
    int calls = 100;

    @Parameter(names = "--seed", description = "seed of the sampled children")
    long seed = 0;

    @Parameter(names = "--out", description = "table file (default profiles/SPACE-bBATCH-THREADSt.json)",
            validateValueWith = OutputPaths.File.class)
    Path out;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws Exception {
        if (archs < 0 || check < 4 || batch < 1 || calls < 1) {
            throw new UserException("--archs >= 0, --check >= 4, --batch >= 1 and --calls >= 1, please");
        }
        SpaceRegistry.get(space);
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        Path file = out != null ? out : Path.of("profiles", String.format(Locale.ROOT, "%s-b%d-%dt.json", space, batch, threads));
        LatencyTable table = Profiling.profile(new Profiling.Plan(space, archs, check, batch, calls, seed, threads),
                new ConsoleProgress());
        table.save(file);
        System.out.printf(Locale.ROOT, "%d distinct layers timed; table: %s%n", table.size(), file);
        table.check().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s: %.4f%n", k, v));
        return 0;
    }
}
