package org.nas4j.core.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Produces input batch {@code index} in the given manager, which the caller closes. */
@FunctionalInterface
public interface BatchSupplier {

    /**
     * @param manager the manager the batch must live in
     * @param index the batch's position, from 0
     * @return the batch {@code (N, C, H, W)}
     */
    NDArray get(NDManager manager, int index);
}
