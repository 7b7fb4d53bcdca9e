package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear resizing of NCHW batches as two matrix products, {@code R_h · x · R_wᵀ}, with PyTorch's
 * {@code align_corners=False} sampling and no antialiasing. Expressed as matmul it needs no
 * engine-specific image op and exports as plain MatMul.
 */
public final class Resize {

    private Resize() {}

    /**
     * @param x a batch {@code (N, C, H, W)}
     * @param size the output height and width
     * @return the resized batch, in {@code x}'s manager; {@code x} itself when already that size
     */
    public static NDArray bilinear(NDArray x, int size) {
        Shape s = x.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        if (h == size && w == size) {
            return x;
        }
        NDManager m = x.getManager();
        NDArray rh = m.create(matrix(h, size), new Shape(size, h));
        NDArray rwT = m.create(matrix(w, size), new Shape(size, w)).transpose();
        return rh.matMul(x).matMul(rwT);
    }

    /**
     * @param in the input length
     * @param out the output length
     * @return the row-major {@code out × in} interpolation matrix
     */
    static float[] matrix(int in, int out) {
        float[] r = new float[out * in];
        double scale = in / (double) out;
        for (int i = 0; i < out; i++) {
            double src = Math.max((i + 0.5) * scale - 0.5, 0);
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double frac = src - i0;
            r[i * in + i0] += (float) (1 - frac);
            r[i * in + i1] += (float) frac;
        }
        return r;
    }
}
