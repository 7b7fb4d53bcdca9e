package org.nas4j.spaces.sgnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import org.nas4j.core.nn.ElasticLinear;

/**
 * Runs a network's linear layers and, when on, adds up their multiply-accumulates (rows × in × out):
 * the count that a space's analytic cost is checked against, since a graph network's work depends on
 * the graph.
 */
final class MacCounter {

    private boolean on;
    private long total;

    /** Starts counting from zero. */
    void start() {
        on = true;
        total = 0;
    }

    /** @return the count since {@link #start}, and stops counting */
    long stop() {
        on = false;
        return total;
    }

    NDArray linear(ElasticLinear layer, ParameterStore ps, NDArray x, boolean training) {
        NDArray y = layer.forward(ps, new NDList(x), training).singletonOrThrow();
        if (on) {
            total += x.getShape().get(0) * x.getShape().get(1) * y.getShape().get(1);
        }
        return y;
    }
}
