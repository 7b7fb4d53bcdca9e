package org.nas4j.cli;

import org.nas4j.runs.TruthTraining;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.converters.IParameterSplitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.util.UserException;

/** Flags of {@link TruthTraining}: archs trained alone with several seeds, the truth 'nas4j rank' ranks against. */
@Parameters(commandDescription = "Train archs drawn uniformly (one per isomorphism class) alone with several seeds:"
        + " the ground truth that 'nas4j rank' ranks estimates against (resumable)")
final class TruthCommand extends TrainCommand {

    @Parameter(names = "--archs", description = "how many archs (distinct up to isomorphism)")
    int archs = 60;

    @Parameter(names = "--arch", splitter = WholeValue.class,
            description = "also train this arch (repeatable), e.g. a search's pick; with --archs 0, only these")
    List<String> given = new ArrayList<>();

    @Parameter(names = "--seeds", description = "training seeds, comma-separated (two give the noise ceiling)")
    List<Long> seeds = List.of(0L, 1L);

    @Parameter(names = "--sample-seed", description = "seed of the draw of archs")
    long sampleSeed = 0;

    TruthCommand() {
        useAloneDefaults();
    }

    @Override
    public int run() throws IOException {
        if (space == null) {
            throw new UserException("--space is required (see 'nas4j spaces')");
        }
        if (archs < 0 || archs + given.size() < 2 || seeds.isEmpty()) {
            throw new UserException("--archs and --arch must give at least 2 archs together, and --seeds at least one seed");
        }
        Path file = TruthTraining.train(out, new TruthTraining.Plan(space, data, archs, given, seeds, sampleSeed,
                this::config), new ConsoleProgress());
        System.out.printf(Locale.ROOT, "truth: %d archs x %d seeds in %s%n", archs + given.size(), seeds.size(), file);
        return 0;
    }

    /** Genotype strings hold no commas to split on, but a value is one arch whatever it holds. */
    public static final class WholeValue implements IParameterSplitter {
        @Override
        public List<String> split(String value) {
            return List.of(value);
        }
    }
}
