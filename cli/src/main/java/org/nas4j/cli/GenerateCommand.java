package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.nas4j.algorithms.search.Constraint;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.UserException;
import org.nas4j.runs.Generation;
import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;

@Parameters(commandDescription = "The child that ShiftNAS's architecture generator (a run trained with --sampler"
        + " shiftnas or shiftnas-smallest) emits for a target MACs or latency, ready for eval and export: its most likely"
        + " child when that is within 5% of the target, else the nearest of 64 children it samples for the target, changed"
        + " one choice at a time toward the target when that too misses by more than 5%")
final class GenerateCommand implements Command {

    @Parameter(names = "--run", description = "run directory trained with --sampler shiftnas or shiftnas-smallest",
            required = true)
    Path run;

    @Parameter(names = "--macs", description = "target MACs, e.g. 1.5M")
    String macs;

    @Parameter(names = "--latency", description = "target latency, e.g. 1ms (mapped to MACs through the run's measured"
            + " children)")
    String latency;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        if ((macs == null) == (latency == null)) {
            throw new UserException("give one target: --macs (e.g. 1.5M) or --latency (e.g. 1ms)");
        }
        Constraint target = Constraint.parse(macs != null ? "macs<=" + macs : "latency<=" + latency);
        RunDirectory dir = new RunDirectory(run);
        try (Run wb = Run.open(dir.read())) {
            double wanted = target.objective() == Objective.MACS ? target.limit()
                    : Generation.macsForLatency(dir, wb, target.limit());
            Arch a = Generation.child(Generation.load(dir, wb), wb, wanted);
            if (target.objective() == Objective.LATENCY) {
                System.out.printf(Locale.ROOT, "target %.3f ms is %.3f MMACs on the line through this run's measured children%n",
                        target.limit(), wanted / 1e6);
            }
            Cost cost = wb.net().cost(a);
            System.out.printf(Locale.ROOT, "generated for %.3f MMACs: %.3f MMACs (%+.1f%%), %,d params%n%s%n", wanted / 1e6,
                    cost.mmacs(), 100 * (cost.macs() / wanted - 1), cost.params(), a.id());
            System.out.println("score it: ./nas4j eval --run " + run + " --arch '" + a.id() + "'");
        }
        return 0;
    }
}
