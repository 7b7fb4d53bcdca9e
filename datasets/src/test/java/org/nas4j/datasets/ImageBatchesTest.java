package org.nas4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImageBatchesTest {

    private static ImageDataset ramp(int n) {
        byte[] px = new byte[n * 4 * 4];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i % 16 * 10);
        }
        return new ImageDataset("ramp", px, new int[n], 1, 4, 4, List.of("a"));
    }

    @Test
    void normalizesAndAugmentsDeterministically() {
        ImageBatches b = new ImageBatches(ramp(3), new Normalization(new float[] {0.5f}, new float[] {0.25f}));
        try (NDManager m = NDManager.newBaseManager()) {
            float[] plain = b.images(m, new int[] {0}, Augmentation.NONE, null).toFloatArray();
            assertEquals((0 / 255f - 0.5f) / 0.25f, plain[0], 1e-6);
            assertEquals((150 / 255f - 0.5f) / 0.25f, plain[15], 1e-6);
            Augmentation aug = new Augmentation(1, true);
            float[] a1 = b.images(m, new int[] {0, 1, 2}, aug, new SplittableRandom(5)).toFloatArray();
            float[] a2 = b.images(m, new int[] {0, 1, 2}, aug, new SplittableRandom(5)).toFloatArray();
            assertArrayEquals(a1, a2, "same seed, same batch");
            float[] a3 = b.images(m, new int[] {0, 1, 2}, aug, new SplittableRandom(6)).toFloatArray();
            assertNotEquals(Arrays.toString(a1), Arrays.toString(a3));
        }
    }

    @Test
    void validationSplitIsDisjointAndSeeded() {
        ImageDataset full = ramp(100);
        Splits.TrainValidation s = Splits.carve(full, 20, 9);
        assertEquals(80, s.train().size());
        assertEquals(20, s.validation().size());
        int[] perm = ImageBatches.shuffled(100, 9);
        assertArrayEquals(IntStream.range(0, 100).toArray(), Arrays.stream(perm).sorted().toArray());
        assertArrayEquals(perm, ImageBatches.shuffled(100, 9));
    }
}
