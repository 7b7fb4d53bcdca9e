package org.nas4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ChannelsLastTest {

    @Test
    void keepsValuesAndShapeAndPassesGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
            NDArray weights = m.randomNormal(new Shape(2, 3, 4, 5));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                y = ChannelsLast.of(x);
                gc.backward(y.mul(weights).sum());
            }
            assertEquals(x.getShape(), y.getShape());
            assertArrayEquals(x.toFloatArray(), y.toFloatArray());
            assertArrayEquals(weights.toFloatArray(), x.getGradient().toFloatArray());
        }
    }
}
