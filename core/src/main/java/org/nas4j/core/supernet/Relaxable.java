package org.nas4j.core.supernet;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A supernet whose categorical choices can be relaxed (DARTS): instead of one operation per choice,
 * every operation runs and their outputs are mixed with given weights.
 */
public interface Relaxable {

    /** @return the dimensions that are relaxed, in the row order of the weights */
    List<String> relaxedDimensions();

    /**
     * @param weights {@code (dimensions, choices)} mixing weights (rows sum to 1), differentiable; null
     *     returns to running the active arch alone
     */
    void relax(NDArray weights);

    /**
     * @param choice a choice of a relaxed dimension
     * @return whether the derived arch may take it (DARTS leaves out the zero operation when it
     *     derives the final cell)
     */
    default boolean derivable(String choice) {
        return true;
    }
}
