package org.nas4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class AvgPoolTest {

    @Test
    void paddingIsNotCountedInTheAverage() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 3x3 averages over a 3x3 map of [1..9] with one cell of padding: corners see 4 cells
            float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            float[] expected = {
                (1 + 2 + 4 + 5) / 4f, (1 + 2 + 3 + 4 + 5 + 6) / 6f, (2 + 3 + 5 + 6) / 4f,
                (1 + 2 + 4 + 5 + 7 + 8) / 6f, 45 / 9f, (2 + 3 + 5 + 6 + 8 + 9) / 6f,
                (4 + 5 + 7 + 8) / 4f, (4 + 5 + 6 + 7 + 8 + 9) / 6f, (5 + 6 + 8 + 9) / 4f};
            float[] out = AvgPool.apply(m.create(in, new Shape(1, 1, 3, 3)), 3, 1, 1).toFloatArray();
            assertArrayEquals(expected, out, 1e-6f);
        }
    }
}
