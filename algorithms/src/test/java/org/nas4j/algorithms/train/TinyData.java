package org.nas4j.algorithms.train;

import java.util.List;
import java.util.SplittableRandom;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.ImageDataset;
import org.nas4j.datasets.Normalization;

/** Random 2×6×6 images with 3 classes, for the toy supernet. */
final class TinyData {

    private TinyData() {}

    static ImageBatches batches(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * 2 * 36];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
            for (int j = 0; j < 72; j++) {
                // the label shifts the brightness, so there is something to learn
                px[i * 72 + j] = (byte) Math.min(255, rng.nextInt(120) + 60 * labels[i]);
            }
        }
        ImageDataset data = new ImageDataset("tiny", px, labels, 2, 6, 6, List.of("a", "b", "c"));
        return new ImageBatches(data, new Normalization(new float[] {0.5f, 0.5f}, new float[] {0.25f, 0.25f}));
    }

    static TrainConfig config(int epochs, int batch, int checkpointEvery) {
        return TrainConfig.defaults("sandwich", epochs).toBuilder().randomChildren(1).batchSize(batch).learningRate(0.05f)
                .schedule("cosine").warmupEpochs(0.5f).weightDecay(1e-4f).augmentPad(1).validationSize(10)
                .checkpointEvery(checkpointEvery).seed(11).build();
    }
}
