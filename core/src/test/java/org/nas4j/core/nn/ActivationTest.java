package org.nas4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationTest {

    /**
     * The backward pass runs after the garbage collector has freed every Java buffer it could and the
     * freed memory was refilled with NaN: a constant that autograd kept but Java owned would show.
     */
    @Test
    void hardSwishGradientSurvivesGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        float[] in = {-4f, -3.5f, -2f, -0.5f, 0f, 0.5f, 1f, 2.5f, 3.5f, 5f};
        float[] expected = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            expected[i] = v <= -3 ? 0 : v >= 3 ? 1 : (2 * v + 3) / 6;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(in);
            x.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray y = Activation.HSWISH.apply(x);
                System.gc();
                Thread.sleep(200);
                List<ByteBuffer> poison = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    poison.add(ByteBuffer.allocateDirect(4).putFloat(0, Float.NaN));
                }
                gc.backward(y.sum());
                poison.clear();
            }
            assertArrayEquals(expected, x.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
