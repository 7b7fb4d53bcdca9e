package org.nas4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nas4j.algorithms.sampling.Samplers;
import org.nas4j.algorithms.train.NesterovSgd;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingStep;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.BatchNormRecalibration;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
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
        SpaceRegistry.Entry entry = SpaceRegistry.get(space);
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(0);
            Supernet net = entry.newSupernet(10);
            net.initialize(manager);
            long[] in = entry.inputShape();
            Shape shape = new Shape(batchSize, in[0], in[1], in[2]);
            NDArray x = manager.randomNormal(shape);
            NDArray y = manager.randomInteger(0, 10, new Shape(batchSize), DataType.INT64);
            ParameterStore ps = new ParameterStore(manager, false);
            double[] medians = new double[rounds];
            if (sampler.equals("eval")) {
                for (int r = 0; r < rounds; r++) {
                    medians[r] = timeEval(net, ps, manager, shape);
                }
                report("eval_child_ms", medians, "ms (recalibrate 2000 + score 5000 images, batch 200)");
                return 0;
            }
            TrainConfig config = TrainConfig.defaults(sampler, 1);
            ArchSampler plans = arch == null
                    ? Samplers.byName(sampler, config.randomChildren())
                    : fixed(arch.equals("max") ? net.space().largest()
                            : arch.equals("min") ? net.space().smallest() : net.space().parse(arch));
            TrainingStep step = new TrainingStep(net, ps, new NesterovSgd(net.getParameters(), manager.newSubManager(), config), 0.1f);
            SplittableRandom rng = new SplittableRandom(42);
            List<String> archLines = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double[] times = new double[steps];
                for (int s = -warmup; s < steps; s++) {
                    StepPlan plan = plans.plan(net.space(), rng);
                    if (s >= 0) {
                        archLines.add(String.join(" ", plan.children().stream().map(Arch::id).toList()));
                    }
                    try (NDManager sm = manager.newSubManager()) {
                        NDArray xs = x.duplicate();
                        xs.attach(sm);
                        long t0 = System.nanoTime();
                        step.run(new NDList(xs), y, plan, 0.01);
                        if (s >= 0) {
                            times[s] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
                Arrays.sort(times);
                medians[r] = times[steps / 2];
                System.out.printf(Locale.ROOT, "round %d: median %.1f ms/step%n", r, medians[r]);
            }
            report((arch == null ? sampler : "child_" + arch) + "_step_ms", medians, "ms/step, batch " + batchSize);
            if (archsOut != null) {
                Files.write(archsOut, archLines);
            }
        }
        return 0;
    }

    private static ArchSampler fixed(Arch child) {
        return (space, rng) -> new StepPlan(List.of(child), false);
    }

    private double timeEval(Supernet net, ParameterStore ps, NDManager manager, Shape shape) {
        Arch arch = net.space().sample(new SplittableRandom(1));
        long t0 = System.nanoTime();
        BatchNormRecalibration.recalibrate(net, arch, ps, manager, 10,
                (m, i) -> m.randomNormal(new Shape(200, shape.get(1), shape.get(2), shape.get(3))));
        for (int b = 0; b < 25; b++) {
            try (NDManager sm = manager.newSubManager()) {
                NDArray xb = sm.randomNormal(new Shape(200, shape.get(1), shape.get(2), shape.get(3)));
                net.forward(ps, new NDList(xb), false).singletonOrThrow().argMax(1).sum().getLong();
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void report(String name, double[] values, String unit) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "RESULT %s min=%.1f median=%.1f max=%.1f %s (n=%d)%n", name, v[0],
                v[v.length / 2], v[v.length - 1], unit, v.length);
    }
}
