package org.nas4j.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;

/**
 * Measured inference latency of a static network on the running engine: warm-up calls, then the
 * median and 90th percentile of timed calls, each on fresh random input in its own manager.
 *
 * @param medianMs median milliseconds per call
 * @param p90Ms 90th-percentile milliseconds per call
 * @param batchSize images per call
 * @param calls timed calls
 */
public record Latency(double medianMs, double p90Ms, int batchSize, int calls) {

    /**
     * @param block an initialized static network
     * @param input its input shape, batch dimension included
     * @param manager parent of the per-call managers
     * @param warmup untimed calls first
     * @param calls timed calls
     * @return the figures
     */
    public static Latency measure(Block block, Shape input, NDManager manager, int warmup, int calls) {
        ParameterStore ps = new ParameterStore(manager, false);
        double[] ms = new double[calls];
        for (int i = 0; i < warmup + calls; i++) {
            try (NDManager call = manager.newSubManager()) {
                NDArray x = call.randomUniform(0, 1, input);
                long t = System.nanoTime();
                // reading the result waits for the computation
                block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
                if (i >= warmup) {
                    ms[i - warmup] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        return new Latency(ms[calls / 2], ms[(int) Math.min(calls - 1, Math.floor(calls * 0.9))], (int) input.get(0), calls);
    }
}
