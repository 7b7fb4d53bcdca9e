package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;

/**
 * Leading-slice views of max-size parameters. Views keep autograd (gradients land only in the
 * slice) and in-place updates (BN running stats). The slice is attached to the given manager: the
 * parameter's own manager would keep one more array per step for the life of the model.
 */
public final class Slices {

    private Slices() {}

    /**
     * @param w a parameter array
     * @param manager the step's manager (the input's)
     * @param n how many leading entries of dimension 0 to keep
     * @return {@code w[:n]}, or {@code w} itself when that is all of it
     */
    public static NDArray leading(NDArray w, NDManager manager, long n) {
        return n == w.getShape().get(0) ? w : w.get(manager, new NDIndex(":{}", n));
    }

    /**
     * @param w a parameter array of rank 2
     * @param manager the step's manager
     * @param rows leading rows to keep
     * @param cols leading columns to keep
     * @return {@code w[:rows, :cols]}
     */
    public static NDArray leading2(NDArray w, NDManager manager, long rows, long cols) {
        if (rows == w.getShape().get(0) && cols == w.getShape().get(1)) {
            return w;
        }
        return w.get(manager, new NDIndex(":{}, :{}", rows, cols));
    }

    /**
     * @param w a conv weight {@code [out, in, k, k]}
     * @param manager the step's manager
     * @param out leading output channels to keep
     * @param in leading input channels to keep
     * @param kernel the centred kernel size to keep
     * @return the slice
     */
    public static NDArray convWeight(NDArray w, NDManager manager, long out, long in, int kernel) {
        long maxK = w.getShape().get(2);
        if (out == w.getShape().get(0) && in == w.getShape().get(1) && kernel == maxK) {
            return w;
        }
        long s = (maxK - kernel) / 2;
        return w.get(manager, new NDIndex(":{}, :{}, {}:{}, {}:{}", out, in, s, s + kernel, s, s + kernel));
    }

    /**
     * Column groups of a weight whose input is a concatenation of equally wide parts, of which the
     * child passes only some: part {@code g} always meets the same columns, whichever parts come
     * before it (a NASNet cell concatenates only its unused blocks).
     *
     * @param w a weight {@code [out, in, ...]}, its trailing axes kept whole
     * @param manager the step's manager
     * @param rows leading output rows to keep
     * @param groupWidth the width of one part
     * @param groups the parts the input holds, in its order
     * @return the columns of those parts, concatenated in that order
     */
    public static NDArray columnGroups(NDArray w, NDManager manager, long rows, long groupWidth, List<Integer> groups) {
        NDList parts = new NDList();
        for (int g : groups) {
            parts.add(w.get(manager, new NDIndex(":{}, {}:{}", rows, g * groupWidth, (g + 1) * groupWidth)));
        }
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 1);
    }
}
