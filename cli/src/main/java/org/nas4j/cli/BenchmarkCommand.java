package org.nas4j.cli;

import org.nas4j.runs.StepTiming;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

@Parameters(commandDescription = "Time training steps and child evaluation on random data (see BENCHMARKS.md)")
final class BenchmarkCommand implements Command {

    @Parameter(names = "--space", description = "registered space")
    String space = "ofa-mbv3-fmnist";

    @Parameter(names = "--sampler", description = "uniform, sandwich or eval (recalibrate 2000 + score 5000 images)")
    String sampler = "sandwich";

    @Parameter(names = "--batch-size", description = "images per step")
    int batchSize = 64;

    @Parameter(names = "--steps", description = "timed steps per round")
    int steps = 20;

    @Parameter(names = "--warmup", description = "untimed steps first")
    int warmup = 5;

    @Parameter(names = "--rounds", description = "rounds; one median per round is reported")
    int rounds = 3;

    @Parameter(names = "--arch", description = "train only this child each step: max, min or an arch string")
    String arch;

    @Parameter(names = "--archs-out", description = "write the children of every step here (one step per line)",
            validateValueWith = OutputPaths.File.class)
    Path archsOut;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        if (steps < 1 || rounds < 1 || warmup < 0) {
            throw new UserException("--steps and --rounds must be >= 1, --warmup >= 0");
        }
        SpaceRegistry.get(space);
        StepTiming.Plan plan = new StepTiming.Plan(space, sampler, arch, batchSize, steps, warmup, rounds);
        if (sampler.equals("eval")) {
            report("eval_child_ms", StepTiming.evaluation(plan, new ConsoleProgress()).medians(),
                    "ms (recalibrate 2000 + score 5000 images, batch 200)");
            return 0;
        }
        StepTiming.Result r = StepTiming.trainingSteps(plan, new ConsoleProgress());
        report((arch == null ? sampler : "child_" + arch) + "_step_ms", r.medians(), "ms/step, batch " + batchSize);
        if (archsOut != null) {
            Files.write(archsOut, r.children());
        }
        return 0;
    }

    private static void report(String name, double[] values, String unit) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "RESULT %s min=%.1f median=%.1f max=%.1f %s (n=%d)%n", name, v[0],
                v[v.length / 2], v[v.length - 1], unit, v.length);
    }
}
