package org.nas4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResizeTest {

    @Test
    void rowsSumToOneAndIdentityIsExact() {
        float[] r = Resize.matrix(28, 20);
        for (int i = 0; i < 20; i++) {
            float s = 0;
            for (int j = 0; j < 28; j++) {
                s += r[i * 28 + j];
            }
            assertEquals(1f, s, 1e-6);
        }
        float[] id = Resize.matrix(3, 3);
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, id);
    }

    @Test
    void halvingAveragesNeighbours() {
        // PyTorch bilinear, align_corners=False: output i samples source 2i + 0.5
        float[] r = Resize.matrix(4, 2);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0, 0, 0, 0, 0.5f, 0.5f}, r);
    }
}
