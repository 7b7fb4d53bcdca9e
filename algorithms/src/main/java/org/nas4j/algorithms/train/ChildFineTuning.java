package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.util.Seeds;
import org.nas4j.datasets.ImageBatches;

/**
 * A few optimizer steps of one child from the supernet's shared weights before it is scored: the
 * shared weights fit the average of the children that use them, and a short adaptation lets a child
 * show what its own operations can do. A fresh optimizer per child, a rate decayed by cosine to zero
 * over the steps; batches and augmentation derive from (seed, arch), so a child's estimate
 * does not depend on which children were tuned before it. The caller reloads the shared weights
 * before the next child.
 */
public final class ChildFineTuning {

    private final Supernet net;
    private final NDManager manager;
    private final TrainingData data;
    private final TrainConfig config;
    private final int steps;
    private final float learningRate;

    /**
     * @param net the supernet, holding the shared weights
     * @param manager its manager
     * @param data the training split
     * @param config the supernet's configuration (rate, batch, weight decay, momentum, seed)
     * @param steps optimizer steps per child
     * @param learningRate the first step's rate
     */
    public ChildFineTuning(Supernet net, NDManager manager, TrainingData data, TrainConfig config, int steps,
            float learningRate) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.net = net;
        this.manager = manager;
        this.data = data;
        this.config = config;
        this.steps = steps;
        this.learningRate = learningRate;
    }

    /** @return forward/backward passes per child */
    public int steps() {
        return steps;
    }

    /**
     * Trains the child in place; it stays active.
     *
     * @param arch the child
     * @return its mean training loss over the steps
     */
    public double tune(Arch arch) {
        long seed = Seeds.derive(config.seed(), "fine-tune " + arch, 0);
        TrainConfig own = config.toBuilder().epochs(1).learningRate(learningRate).warmupEpochs(0).schedule("cosine").lrFloor(0).build();
        LearningRateSchedule schedule = new LearningRateSchedule(own, steps);
        ParameterStore ps = new ParameterStore(manager, false);
        double lossSum = 0;
        try (NDManager state = manager.newSubManager()) {
            SupernetOptimizer optimizer = SupernetOptimizer.of(net.getParameters(), state, own);
            TrainingStep step = new TrainingStep(net, ps, optimizer, own.labelSmoothing());
            StepPlan plan = new StepPlan(List.of(arch), false);
            int[] order = ImageBatches.shuffled(data.size(), seed);
            int batch = Math.min(config.batchSize(), data.size());
            for (int s = 0; s < steps; s++) {
                int from = (s * batch) % (data.size() - batch + 1);
                int[] positions = Arrays.copyOfRange(order, from, from + batch);
                manager.getEngine().setRandomSeed((int) Seeds.derive(seed, "engine", s));
                try (NDManager sm = manager.newSubManager()) {
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "step", s));
                    NDList x = data.inputs(sm, positions, rng);
                    NDArray y = data.labels(sm, positions);
                    lossSum += step.run(x, y, plan, schedule.at(s)).loss();
                }
            }
        }
        net.activate(arch);
        return lossSum / steps;
    }
}
