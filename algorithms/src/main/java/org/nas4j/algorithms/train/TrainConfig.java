package org.nas4j.algorithms.train;

import java.util.List;
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
        String optimizer) {

    /**
     * @param n epochs
     * @return this configuration for {@code n} epochs (the warm-up shortened to at most half of them)
     */
    public TrainConfig withEpochs(int n) {
        return new TrainConfig(sampler, randomChildren, n, batchSize, learningRate, schedule, Math.min(warmupEpochs, n / 2f),
                lrFloor, momentum, nesterov, weightDecay, labelSmoothing, clipNorm, augmentPad, flip, validationSize,
                checkpointEvery, seed, mixture, experts, optimizer);
    }

    /** @return whether the run trains with Adam rather than SGD */
    public boolean adam() {
        return "adam".equals(optimizer);
    }

    /** @return the weight mixture of the run's supernet */
    public Mixture weightMixture() {
        return mixture == null ? Mixture.NONE : Mixture.parse(mixture, experts);
    }

    /** @return the defaults, for the given sampler and epochs */
    public static TrainConfig defaults(String sampler, int epochs) {
        return new TrainConfig(sampler, 2, epochs, 64, 0.1f, "bignas", 0.3f, 0.05f, 0.9f, true, 3e-5f, 0.1f, 5f, 2,
                true, 5000, 500, 0, "none", 1, "sgd");
    }

    /** @throws UserException naming the first bad value */
    public void validate() {
        check(List.of("uniform", "fair", "sandwich", "sandwich-labels").contains(sampler),
                "unknown sampler '" + sampler + "'; choose uniform, fair, sandwich or sandwich-labels");
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
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UserException(message);
        }
    }
}
