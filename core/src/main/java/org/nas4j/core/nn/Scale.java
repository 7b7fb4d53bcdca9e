package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication by a constant that autograd can differentiate safely. DJL's {@code mul(Number)}
 * wraps the number in a tensor over a Java direct buffer and closes it at once; autograd keeps that
 * tensor for the backward pass, which then reads the buffer after the garbage collector freed it
 * (non-finite gradients now and then, or on every step). {@code full} gives a tensor whose storage
 * LibTorch owns.
 */
public final class Scale {

    private Scale() {}

    /**
     * @param x any array
     * @param factor the constant
     * @return {@code x * factor}, differentiable in {@code x}
     */
    public static NDArray by(NDArray x, float factor) {
        return x.mul(x.getManager().full(new Shape(), factor, x.getDataType()));
    }
}
