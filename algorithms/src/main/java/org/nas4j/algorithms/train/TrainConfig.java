package org.nas4j.algorithms.train;

import java.util.List;
import org.nas4j.algorithms.sampling.Samplers;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.util.UserException;

/**
 * Everything that decides a supernet training run, resolved (no defaults left implicit); written to
 * {@code run.json}. Defaults follow BigNAS where they apply.
 *
 * @param sampler {@code uniform}, {@code fair} (FairNAS: every choice once per step), {@code sandwich} or {@code
 *     sandwich-labels} (no inplace distillation)
 * @param randomChildren random children per sandwich step (BigNAS: 2)
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param learningRate peak learning rate
 * @param schedule {@code bignas} (exponential decay to a floor, then constant) or {@code cosine}
 * @param warmupEpochs linear warm-up from 0, in epochs (may be fractional)
 * @param lrFloor the final learning rate as a fraction of the peak
 * @param momentum SGD momentum
 * @param nesterov Nesterov momentum
 * @param weightDecay L2 on conv and linear weights (not BN or biases); applied once per step,
 *     i.e. to the largest child only under the sandwich rule
 * @param labelSmoothing label smoothing of the label-trained child
 * @param clipNorm maximum global gradient norm, 0 for none
 * @param augmentPad random-crop padding, 0 for none
 * @param flip random horizontal flips (where the data allows them)
 * @param validationSize images held out of the training set
 * @param checkpointEvery steps between checkpoints (one is also written at each epoch's end)
 * @param seed the one seed of the run
 * @param mixture how elastic layers make their weights: {@code none} (plain weight sharing), {@code
 *     layer} or {@code neuron} (Mixture-of-Supernets); null in runs written before it existed
 * @param experts experts per layer of a routed mixture
 * @param optimizer {@code sgd} (Nesterov momentum) or {@code adam} (β1 = momentum); null in runs
 *     written before it existed (SGD)
 * @param averageLast the final share of the epochs whose end-of-epoch weights are averaged into the
 *     weights the run ends with ({@link WeightAverage}); 0: the last weights, as in runs written before it
 * @param landmarkWeight the weight of landmark regularization ({@link LandmarkRanking}; the landmarks
 *     are kept in the run's directory); 0: none, as in runs written before it
 */
public record TrainConfig(
        String sampler,
        int randomChildren,
        int epochs,
        int batchSize,
        float learningRate,
        String schedule,
        float warmupEpochs,
        float lrFloor,
        float momentum,
        boolean nesterov,
        float weightDecay,
        float labelSmoothing,
        float clipNorm,
        int augmentPad,
        boolean flip,
        int validationSize,
        int checkpointEvery,
        long seed,
        String mixture,
        int experts,
        String optimizer,
        float averageLast,
        float landmarkWeight) {

    /**
     * @param n epochs
     * @return this configuration for {@code n} epochs (the warm-up shortened to at most half of them)
     */
    public TrainConfig withEpochs(int n) {
        return toBuilder().epochs(n).warmupEpochs(Math.min(warmupEpochs, n / 2f)).build();
    }

    /** @return whether the run trains with Adam rather than SGD */
    public boolean adam() {
        return "adam".equals(optimizer);
    }

    /** @return the weight mixture of the run's supernet */
    public Mixture weightMixture() {
        return mixture == null ? Mixture.NONE : Mixture.parse(mixture, experts);
    }

    /**
     * The recipe for spaces of unordered choices (cell spaces), where the sandwich rule has no
     * largest or smallest child: one uniformly drawn child per step with NAS-Bench-201's RSPS
     * hyperparameters (SGD-Nesterov, lr 0.025 cosine to 0.001, weight decay 5e-4, batch 64), ending
     * with the mean of the weights at the end of every epoch, which ranks children better than the
     * last weights (BENCHMARKS.md, "Ranking quality").
     *
     * @param epochs passes over the training split
     * @return the recipe
     */
    public static TrainConfig cellDefaults(int epochs) {
        return defaults("uniform", epochs).toBuilder().learningRate(0.025f).schedule("cosine").lrFloor(0.04f)
                .weightDecay(5e-4f).averageLast(1f).build();
    }

    /** @return the defaults, for the given sampler and epochs */
    public static TrainConfig defaults(String sampler, int epochs) {
        return new Builder().sampler(sampler).epochs(epochs).build();
    }

    /** @return a builder holding this configuration, to change some of its values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sampler = sampler;
        b.randomChildren = randomChildren;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.schedule = schedule;
        b.warmupEpochs = warmupEpochs;
        b.lrFloor = lrFloor;
        b.momentum = momentum;
        b.nesterov = nesterov;
        b.weightDecay = weightDecay;
        b.labelSmoothing = labelSmoothing;
        b.clipNorm = clipNorm;
        b.augmentPad = augmentPad;
        b.flip = flip;
        b.validationSize = validationSize;
        b.checkpointEvery = checkpointEvery;
        b.seed = seed;
        b.mixture = mixture;
        b.experts = experts;
        b.optimizer = optimizer;
        b.averageLast = averageLast;
        b.landmarkWeight = landmarkWeight;
        return b;
    }

    /** Builds a configuration by name; it starts from the defaults of a sandwich run of 1 epoch. */
    public static final class Builder {
        private String sampler = "sandwich";
        private int randomChildren = 2;
        private int epochs = 1;
        private int batchSize = 64;
        private float learningRate = 0.1f;
        private String schedule = "bignas";
        private float warmupEpochs = 0.3f;
        private float lrFloor = 0.05f;
        private float momentum = 0.9f;
        private boolean nesterov = true;
        private float weightDecay = 3e-5f;
        private float labelSmoothing = 0.1f;
        private float clipNorm = 5f;
        private int augmentPad = 2;
        private boolean flip = true;
        private int validationSize = 5000;
        private int checkpointEvery = 500;
        private long seed = 0;
        private String mixture = "none";
        private int experts = 1;
        private String optimizer = "sgd";
        private float averageLast = 0;
        private float landmarkWeight = 0;

        /** @param value the record component of this name @return this builder */
        public Builder sampler(String value) {
            sampler = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder randomChildren(int value) {
            randomChildren = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder schedule(String value) {
            schedule = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder warmupEpochs(float value) {
            warmupEpochs = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder lrFloor(float value) {
            lrFloor = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder momentum(float value) {
            momentum = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder nesterov(boolean value) {
            nesterov = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder weightDecay(float value) {
            weightDecay = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder labelSmoothing(float value) {
            labelSmoothing = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder clipNorm(float value) {
            clipNorm = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder augmentPad(int value) {
            augmentPad = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder flip(boolean value) {
            flip = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder validationSize(int value) {
            validationSize = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder checkpointEvery(int value) {
            checkpointEvery = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder mixture(String value) {
            mixture = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder experts(int value) {
            experts = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder optimizer(String value) {
            optimizer = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder averageLast(float value) {
            averageLast = value;
            return this;
        }

        /** @param value the record component of this name @return this builder */
        public Builder landmarkWeight(float value) {
            landmarkWeight = value;
            return this;
        }

        /** @return the configuration (not validated: see {@link TrainConfig#validate()}) */
        public TrainConfig build() {
            return new TrainConfig(sampler, randomChildren, epochs, batchSize, learningRate, schedule, warmupEpochs,
                    lrFloor, momentum, nesterov, weightDecay, labelSmoothing, clipNorm, augmentPad, flip, validationSize,
                    checkpointEvery, seed, mixture, experts, optimizer, averageLast, landmarkWeight);
        }
    }

    /** @throws UserException naming the first bad value */
    public void validate() {
        check(Samplers.NAMES.contains(sampler), Samplers.unknown(sampler));
        check(epochs >= 1, "--epochs must be >= 1");
        check(batchSize >= 1, "--batch-size must be >= 1");
        check(learningRate > 0, "--lr must be > 0");
        check(schedule.equals("bignas") || schedule.equals("cosine"), "--schedule must be bignas or cosine");
        check(warmupEpochs >= 0 && warmupEpochs < epochs, "warm-up must be shorter than the run");
        check(lrFloor >= 0 && lrFloor <= 1, "--lr-floor must be in [0, 1]");
        check(weightDecay >= 0, "--weight-decay must be >= 0");
        check(randomChildren >= 0, "--random-children must be >= 0");
        check(augmentPad >= 0, "--augment-pad must be >= 0");
        check(validationSize >= 1, "--validation-size must be >= 1");
        check(checkpointEvery >= 1, "--checkpoint-every must be >= 1");
        check(mixture == null || List.of("none", "layer", "neuron").contains(mixture),
                "unknown --mixture '" + mixture + "'; choose none, layer or neuron");
        check(optimizer == null || optimizer.equals("sgd") || optimizer.equals("adam"),
                "unknown --optimizer '" + optimizer + "'; choose sgd or adam");
        check(experts >= 1 && (experts == 1 || !"none".equals(mixture)), "--experts must be >= 1, and 1 without --mixture");
        check(landmarkWeight >= 0, "--landmark-weight must be >= 0");
        check(averageLast >= 0 && averageLast <= 1, "--average-last must be in [0, 1], e.g. 0.8 for the last 80% of the epochs");
    }

    /** @return the first epoch (from 1) whose end-of-epoch weights are averaged, or 0 when none are */
    public int firstAveragedEpoch() {
        return averageLast <= 0 ? 0 : Math.max(1, epochs - Math.round(averageLast * epochs) + 1);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UserException(message);
        }
    }
}
