package org.nas4j.runs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nas4j.algorithms.sampling.FixedSampler;
import org.nas4j.algorithms.sampling.Samplers;
import org.nas4j.algorithms.train.NesterovSgd;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingStep;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.BatchNormRecalibration;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.spaces.SpaceRegistry;

/**
 * Times a space's training steps and child evaluation on random data, apart from any data loading:
 * one median per round, after untimed warm-up steps.
 */
public final class StepTiming {

    private StepTiming() {}

    /**
     * What to time.
     *
     * @param space the registered space
     * @param sampler uniform, sandwich, ... (see {@link Samplers}); ignored with {@code arch}
     * @param arch train only this child ({@code max}, {@code min} or an arch string), or null
     * @param batchSize images per step
     * @param steps timed steps per round
     * @param warmup untimed steps first
     * @param rounds rounds
     */
    public record Plan(String space, String sampler, String arch, int batchSize, int steps, int warmup, int rounds) {}

    /**
     * What was timed.
     *
     * @param medians one median per round (ms per step, or ms per evaluated child)
     * @param children the children of every timed step, one line per step (empty for evaluation)
     */
    public record Result(double[] medians, List<String> children) {}

    /** @return the median step time of each round, and the children each step trained */
    public static Result trainingSteps(Plan plan, Progress progress) {
        SpaceRegistry.Entry entry = SpaceRegistry.get(plan.space());
        try (NDManager manager = NDManager.newBaseManager()) {
            Supernet net = initialized(entry, manager);
            Shape shape = inputShape(entry, plan.batchSize());
            NDArray x = manager.randomNormal(shape);
            NDArray y = manager.randomInteger(0, 10, new Shape(plan.batchSize()), DataType.INT64);
            ParameterStore ps = new ParameterStore(manager, false);
            TrainConfig config = TrainConfig.defaults(plan.sampler(), 1);
            ArchSampler plans = plan.arch() == null ? Samplers.byName(plan.sampler(), config.randomChildren(), net, 0)
                    : new FixedSampler(plan.arch().equals("max") ? net.space().largest()
                            : plan.arch().equals("min") ? net.space().smallest() : net.space().parse(plan.arch()));
            TrainingStep step = new TrainingStep(net, ps, new NesterovSgd(net.getParameters(), manager.newSubManager(), config), 0.1f);
            SplittableRandom rng = new SplittableRandom(42);
            List<String> children = new ArrayList<>();
            double[] medians = new double[plan.rounds()];
            for (int r = 0; r < plan.rounds(); r++) {
                double[] times = new double[plan.steps()];
                for (int s = -plan.warmup(); s < plan.steps(); s++) {
                    StepPlan p = plans.plan(net.space(), rng);
                    if (s >= 0) {
                        children.add(String.join(" ", p.children().stream().map(Arch::id).toList()));
                    }
                    try (NDManager sm = manager.newSubManager()) {
                        NDArray xs = x.duplicate();
                        xs.attach(sm);
                        long t0 = System.nanoTime();
                        step.run(new NDList(xs), y, p, 0.01);
                        if (s >= 0) {
                            times[s] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
                Arrays.sort(times);
                medians[r] = times[plan.steps() / 2];
                progress.update("rounds", r + 1, plan.rounds(), String.format(Locale.ROOT, "median %.1f ms/step",
                        medians[r]));
            }
            return new Result(medians, children);
        }
    }

    /** @return per round, the time to recalibrate a random child on 2,000 images and score 5,000 (batch 200) */
    public static Result evaluation(Plan plan, Progress progress) {
        SpaceRegistry.Entry entry = SpaceRegistry.get(plan.space());
        try (NDManager manager = NDManager.newBaseManager()) {
            Supernet net = initialized(entry, manager);
            Shape batch = inputShape(entry, 200);
            ParameterStore ps = new ParameterStore(manager, false);
            double[] times = new double[plan.rounds()];
            for (int r = 0; r < plan.rounds(); r++) {
                Arch arch = net.space().sample(new SplittableRandom(1));
                long t0 = System.nanoTime();
                BatchNormRecalibration.recalibrate(net, arch, ps, manager, 10, (m, i) -> new NDList(m.randomNormal(batch)));
                for (int b = 0; b < 25; b++) {
                    try (NDManager sm = manager.newSubManager()) {
                        net.forward(ps, new NDList(sm.randomNormal(batch)), false).singletonOrThrow().argMax(1).sum().getLong();
                    }
                }
                times[r] = (System.nanoTime() - t0) / 1e6;
                progress.update("rounds", r + 1, plan.rounds(), "");
            }
            return new Result(times, List.of());
        }
    }

    /** @return a supernet of 10 classes, initialized with seed 0 */
    private static Supernet initialized(SpaceRegistry.Entry entry, NDManager manager) {
        manager.getEngine().setRandomSeed(0);
        Supernet net = entry.newSupernet(10);
        net.initialize(manager);
        return net;
    }

    private static Shape inputShape(SpaceRegistry.Entry entry, int batch) {
        long[] in = entry.inputShape();
        return new Shape(batch, in[0], in[1], in[2]);
    }
}
