package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * Channels-last memory layout for {@code (N, C, H, W)} batches, which DJL has no call for. LibTorch's
 * CPU convolutions keep an input's layout in their output, so one conversion near the input carries
 * through a whole network; in that layout depthwise convolution's backward takes oneDNN's path, about
 * twice as fast here as the NCHW one (BENCHMARKS.md).
 */
public final class ChannelsLast {

    private ChannelsLast() {}

    /**
     * @param x a batch {@code (N, C, H, W)}
     * @return the same values and shape, stored as {@code (N, H, W, C)}; differentiable
     */
    public static NDArray of(NDArray x) {
        long[] s = x.getShape().getShape();
        // the reshape of the permuted view cannot be a view, so it makes the NHWC copy
        return x.transpose(0, 2, 3, 1)
                .reshape(s[0] * s[2] * s[3], s[1])
                .reshape(s[0], s[2], s[3], s[1])
                .transpose(0, 3, 1, 2);
    }
}
