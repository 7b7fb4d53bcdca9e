package org.nas4j.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Measured inference latency of a network: warm-up calls, then the median and 90th percentile of
 * timed calls, each on fresh random input in its own manager (whatever a call creates there is freed
 * with it).
 *
 * @param medianMs median milliseconds per call
 * @param p90Ms 90th-percentile milliseconds per call
 * @param batchSize images per call
 * @param calls timed calls
 */
public record Latency(double medianMs, double p90Ms, int batchSize, int calls) {

    /** One inference: a static block's forward pass or a DJL predictor's {@code predict}. */
    @FunctionalInterface
    public interface Inference {
        /**
         * @param input the network's input
         * @return its output
         * @throws Exception if the runtime fails
         */
        NDList run(NDList input) throws Exception;
    }

    /**
     * @param inference what to time
     * @param input its input shape, batch dimension included
     * @param manager parent of the per-call managers
     * @param warmup untimed calls first
     * @param calls timed calls
     * @return the figures
     * @throws Exception if an inference fails
     */
    public static Latency measure(Inference inference, Shape input, NDManager manager, int warmup, int calls)
            throws Exception {
        double[] ms = new double[calls];
        for (int i = 0; i < warmup + calls; i++) {
            try (NDManager call = manager.newSubManager()) {
                NDArray x = call.randomUniform(0, 1, input);
                long t = System.nanoTime();
                // reading the result waits for the computation
                inference.run(new NDList(x)).singletonOrThrow().toFloatArray();
                if (i >= warmup) {
                    ms[i - warmup] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        return new Latency(ms[calls / 2], ms[(int) Math.min(calls - 1, Math.floor(calls * 0.9))], (int) input.get(0), calls);
    }
}
