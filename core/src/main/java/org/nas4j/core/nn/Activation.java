package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;

/** The nonlinearities of MobileNetV3-style networks, usable inline and as static blocks. */
public enum Activation {
    /** max(x, 0). */
    RELU,
    /** MobileNetV3's hard swish: {@code x * relu6(x + 3) / 6}. */
    HSWISH,
    /** Hard sigmoid: {@code relu6(x + 3) / 6} (squeeze-excite gate). */
    HSIGMOID;

    /**
     * @param x the input
     * @return the activation of {@code x}
     */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case RELU -> {
                ActivationRecorder.record(x);
                yield x.getNDArrayInternal().relu();
            }
            case HSWISH -> x.mul(hardSigmoid(x));
            case HSIGMOID -> hardSigmoid(x);
        };
    }

    private static NDArray hardSigmoid(NDArray x) {
        // one clamp kernel: DJL's relu6 is minimum(relu(x), 6), three kernels and a slow backward;
        // the add's backward does not read its constant, the scaling's does (see Scale)
        return Scale.by(x.add(3f).clip(0f, 6f), 1f / 6f);
    }

    /** @return a parameter-free block applying this activation (for static networks) */
    public Block block() {
        return new ActivationBlock(this);
    }
}
