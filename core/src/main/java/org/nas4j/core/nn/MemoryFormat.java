package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Channels-last layout for NCHW activations. LibTorch's depthwise-convolution weight gradient is
 * 2-3x faster on channels-last inputs (measured here: 7×7, 144 channels, 7×7 maps, batch 64: 30 → 12
 * ms forward+backward), and convolutions, batch norm and element-wise ops keep the layout, so one
 * conversion near the input speeds up the whole network. DJL has no memory-format API: a permuted
 * copy reshaped back gives the same strides as PyTorch's {@code contiguous(channels_last)}.
 */
public final class MemoryFormat {

    private MemoryFormat() {}

    /**
     * @param x an NCHW array
     * @return the same values, logically NCHW, stored NHWC (differentiable)
     */
    public static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1)
                .reshape(s.get(0), -1)
                .reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);
    }
}
