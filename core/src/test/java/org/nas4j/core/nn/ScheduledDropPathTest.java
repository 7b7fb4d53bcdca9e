package org.nas4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ScheduledDropPathTest {

    @Test
    void probabilityRisesLinearlyWithTrainingAndScalesWithDepth() {
        ScheduledDropPath last = new ScheduledDropPath(0.4f, 1.0);
        ScheduledDropPath first = new ScheduledDropPath(0.4f, 0.2);
        double[][] expected = {{0, 0, 0}, {0.25, 0.1, 0.02}, {0.5, 0.2, 0.04}, {1.0, 0.4, 0.08}, {1.5, 0.4, 0.08}};
        for (double[] e : expected) {
            last.setProgress(e[0]);
            first.setProgress(e[0]);
            assertEquals(e[1], last.probability(), 1e-6, "last cell at progress " + e[0]);
            assertEquals(e[2], first.probability(), 1e-6, "first cell at progress " + e[0]);
        }
    }

    @Test
    void isExactlyTheIdentityAtInference() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ScheduledDropPath drop = new ScheduledDropPath(0.5f, 1.0);
            drop.setProgress(1);
            NDArray x = manager.randomNormal(new Shape(16, 3, 4, 4));
            assertSame(x, drop.apply(x, false));
        }
    }

    /** Dropped examples get no gradient, kept ones 1 / keep; about p of them are dropped. */
    @Test
    void gradientFlowsThroughKeptPathsOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            ScheduledDropPath drop = new ScheduledDropPath(0.5f, 1.0);
            drop.setProgress(1);
            int n = 2000;
            NDArray x = manager.ones(new Shape(n, 2, 3, 3));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = drop.apply(x, true);
                gc.backward(y.sum());
            }
            float[] out = y.reshape(n, 18).toFloatArray();
            float[] grad = x.getGradient().reshape(n, 18).toFloatArray();
            int dropped = 0;
            for (int i = 0; i < n; i++) {
                float first = out[i * 18];
                assertTrue(first == 0f || Math.abs(first - 2f) < 1e-6, "kept paths are scaled by 1 / keep: " + first);
                for (int j = 0; j < 18; j++) {
                    assertEquals(first, out[i * 18 + j], "a whole example is kept or dropped");
                    assertEquals(first, grad[i * 18 + j], 1e-6, "gradient equals the path's scale");
                }
                dropped += first == 0f ? 1 : 0;
            }
            assertEquals(0.5, dropped / (double) n, 0.05, "share dropped");
        }
    }
}
