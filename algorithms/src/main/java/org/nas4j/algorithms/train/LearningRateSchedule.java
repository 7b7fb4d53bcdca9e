package org.nas4j.algorithms.train;

/**
 * The learning rate at each step: linear warm-up from 0, then either BigNAS's exponential decay that
 * stops at a floor (reached at 80% of the run, constant after: "constant ending") or cosine decay to
 * the floor.
 */
public final class LearningRateSchedule {

    private static final double DECAY_END = 0.8;

    private final double peak;
    private final double floor;
    private final long warmupSteps;
    private final long totalSteps;
    private final boolean cosine;

    /**
     * @param config the run's configuration
     * @param stepsPerEpoch optimizer steps per epoch
     */
    public LearningRateSchedule(TrainConfig config, int stepsPerEpoch) {
        peak = config.learningRate();
        floor = config.learningRate() * config.lrFloor();
        warmupSteps = Math.round(config.warmupEpochs() * stepsPerEpoch);
        totalSteps = (long) config.epochs() * stepsPerEpoch;
        cosine = config.schedule().equals("cosine");
    }

    /**
     * @param step the optimizer step, from 0
     * @return its learning rate
     */
    public double at(long step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        double t = (step - warmupSteps) / (double) Math.max(1, totalSteps - warmupSteps);
        if (cosine) {
            return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, t)));
        }
        if (floor == 0) {
            return peak * Math.max(0, 1 - t);
        }
        return Math.max(floor, peak * Math.pow(floor / peak, t / DECAY_END));
    }
}
