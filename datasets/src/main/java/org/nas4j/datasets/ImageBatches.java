package org.nas4j.datasets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nas4j.core.supernet.BatchSupplier;

/**
 * Turns items of an {@link ImageDataset} into normalized {@code (N, C, H, W)} float batches, with
 * optional augmentation; every random choice comes from the generator the caller passes, so a batch
 * is a pure function of (items, seed).
 */
public final class ImageBatches {

    private final ImageDataset data;
    private final Normalization norm;

    /**
     * @param data the images
     * @param norm the normalization to apply
     */
    public ImageBatches(ImageDataset data, Normalization norm) {
        if (norm.mean().length != data.channels()) {
            throw new IllegalArgumentException(
                    "normalization has " + norm.mean().length + " channels, data " + data.channels());
        }
        this.data = data;
        this.norm = norm;
    }

    public ImageDataset data() {
        return data;
    }

    /**
     * @param n how many positions
     * @param seed the seed of the permutation
     * @return a permutation of {@code 0..n-1}
     */
    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * @param manager where the batch lives
     * @param positions the items, by position in the dataset
     * @param augmentation what to apply
     * @param rng random source for the augmentation
     * @return the images {@code (N, C, H, W)}, normalized
     */
    public NDArray images(NDManager manager, int[] positions, Augmentation augmentation, RandomGenerator rng) {
        int c = data.channels();
        int h = data.height();
        int w = data.width();
        float[] out = new float[positions.length * c * h * w];
        float[] zero = new float[c];
        for (int ch = 0; ch < c; ch++) {
            zero[ch] = -norm.mean()[ch] / norm.std()[ch];
        }
        int o = 0;
        for (int item : positions) {
            int dy = 0;
            int dx = 0;
            boolean flip = false;
            if (augmentation.pad() > 0) {
                dy = rng.nextInt(2 * augmentation.pad() + 1) - augmentation.pad();
                dx = rng.nextInt(2 * augmentation.pad() + 1) - augmentation.pad();
            }
            if (augmentation.flip()) {
                flip = rng.nextBoolean();
            }
            for (int ch = 0; ch < c; ch++) {
                float mean = norm.mean()[ch];
                float scale = 1f / (255f * norm.std()[ch]);
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < w; x++) {
                        int sx = (flip ? w - 1 - x : x) + dx;
                        out[o++] =
                                sy < 0 || sy >= h || sx < 0 || sx >= w
                                        ? zero[ch]
                                        : data.pixel(item, ch, sy, sx) * scale - mean / norm.std()[ch];
                    }
                }
            }
        }
        return manager.create(out, new Shape(positions.length, c, h, w));
    }

    /**
     * @param manager where the labels live
     * @param positions the items
     * @return their labels as int64 {@code (N)}
     */
    public NDArray labels(NDManager manager, int[] positions) {
        long[] y = new long[positions.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.label(positions[i]);
        }
        return manager.create(y);
    }

    /**
     * @param from first position
     * @param to one past the last position
     * @return {@code from, from+1, ..., to-1}
     */
    public static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /**
     * Un-augmented batches of consecutive items in a fixed shuffled order, as BN recalibration uses.
     *
     * @param batchSize items per batch
     * @param seed seed of the order
     * @return batch {@code i} on demand
     */
    public BatchSupplier recalibrationBatches(int batchSize, long seed) {
        int[] order = shuffled(data.size(), seed);
        return (manager, i) -> {
            int from = (i * batchSize) % Math.max(1, order.length - batchSize + 1);
            int[] pos = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            return new NDList(images(manager, pos, Augmentation.NONE, null));
        };
    }
}
