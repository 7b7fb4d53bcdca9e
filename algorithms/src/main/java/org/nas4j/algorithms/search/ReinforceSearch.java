package org.nas4j.algorithms.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nas4j.algorithms.train.Adam;
import org.nas4j.core.space.Arch;

/**
 * NASNet's search at a small budget: an {@link LstmController} samples a batch of archs, each is
 * evaluated, and the controller takes a REINFORCE step, {@code -(R - b) log p(arch)} minus an
 * entropy bonus, with {@code b} a moving average of past rewards. The reward is the validation
 * accuracy as a fraction (a graph run's error, negated, over 100), less the constraints' relative
 * violation (single objective, like evolution). A repeated arch is answered without spending budget and still teaches the controller.
 */
public final class ReinforceSearch implements SearchStrategy {

    private final int batch;
    private final int hidden;
    private final float learningRate;
    private final double baselineDecay;
    private final float entropyWeight;

    /**
     * @param batch archs per controller update
     * @param hidden the LSTM's state size
     * @param learningRate Adam's rate
     * @param baselineDecay the moving average's weight on the past (NASNet: 0.95)
     * @param entropyWeight the entropy bonus
     */
    public ReinforceSearch(int batch, int hidden, float learningRate, double baselineDecay, float entropyWeight) {
        this.batch = batch;
        this.hidden = hidden;
        this.learningRate = learningRate;
        this.baselineDecay = baselineDecay;
        this.entropyWeight = entropyWeight;
    }

    @Override
    public void search(SearchContext context, SplittableRandom rng) {
        try (LstmController controller = new LstmController(context.space(), hidden, rng)) {
            Policy policy = new Policy(controller, learningRate, baselineDecay, entropyWeight);
            int idle = 0;
            while (context.remaining() > 0 && idle < 100) {
                List<Arch> archs;
                try (NDManager step = controller.manager().newSubManager()) {
                    // the controller draws dimension by dimension; archs outside the space's rules are not asked for
                    archs = controller.sample(batch, rng, step).stream().filter(context.space()::admits).toList();
                }
                int before = context.remaining();
                List<Arch> asked = new ArrayList<>();
                List<Double> rewards = new ArrayList<>();
                for (Arch a : archs) {
                    Optional<Evaluation> e = context.evaluate(a);
                    if (e.isPresent()) {
                        asked.add(a);
                        rewards.add(e.get().goodness(context.objectives()) / 100 - context.violation(e.get()));
                    }
                }
                idle = context.remaining() < before ? 0 : idle + 1;
                if (!asked.isEmpty()) {
                    policy.update(asked, rewards);
                }
            }
        }
    }

    /** The controller's trainer: Adam on every weight, a moving-average baseline. */
    static final class Policy {

        private final LstmController controller;
        private final Adam optimizer;
        private final float learningRate;
        private final double baselineDecay;
        private final float entropyWeight;
        private double baseline = Double.NaN;

        Policy(LstmController controller, float learningRate, double baselineDecay, float entropyWeight) {
            this.controller = controller;
            this.baselineDecay = baselineDecay;
            this.entropyWeight = entropyWeight;
            Map<String, NDArray> weights = new LinkedHashMap<>();
            for (NDArray w : controller.parameters()) {
                weights.put("w" + weights.size(), w);
            }
            this.optimizer = new Adam(weights, controller.manager(), 0.9f, 0f);
            this.learningRate = learningRate;
        }

        /** One REINFORCE step on these archs and their rewards. */
        void update(List<Arch> archs, List<Double> rewards) {
            double mean = rewards.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            baseline = Double.isNaN(baseline) ? mean : baseline;
            float[] advantage = new float[rewards.size()];
            for (int i = 0; i < advantage.length; i++) {
                advantage[i] = (float) (rewards.get(i) - baseline);
            }
            baseline = baselineDecay * baseline + (1 - baselineDecay) * mean;
            try (NDManager step = controller.manager().newSubManager()) {
                try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                    NDArray both = controller.logProbabilityAndEntropy(archs, step);
                    NDArray logProb = both.get(":, 0");
                    NDArray entropy = both.get(":, 1");
                    NDArray a = step.create(advantage);
                    NDArray objective = logProb.mul(a).add(entropy.mul(step.full(entropy.getShape(), entropyWeight)));
                    // gradient ascent on the objective: descend its negative mean
                    gc.backward(objective.mean().neg());
                }
                optimizer.step(learningRate, step);
            }
        }

        double baseline() {
            return baseline;
        }
    }
}
