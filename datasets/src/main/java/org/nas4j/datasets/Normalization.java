package org.nas4j.datasets;

/**
 * Per-channel normalization applied to pixels scaled to [0, 1]: {@code (p - mean) / std}.
 *
 * @param mean per-channel mean
 * @param std per-channel standard deviation
 */
public record Normalization(float[] mean, float[] std) {

    /** Fashion-MNIST's training-set statistics. */
    public static final Normalization FASHION_MNIST = new Normalization(new float[] {0.2860f}, new float[] {0.3530f});

    /** CIFAR-10's training-set statistics. */
    public static final Normalization CIFAR10 =
            new Normalization(new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f});
}
