package org.nas4j.core.supernet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** Produces input batch {@code index} in the given manager, which the caller closes. */
@FunctionalInterface
public interface BatchSupplier {

    /**
     * @param manager the manager the batch must live in
     * @param index the batch's position, from 0
     * @return the network's inputs: images {@code (N, C, H, W)}, or the arrays of a graph batch
     */
    NDList get(NDManager manager, int index);
}
