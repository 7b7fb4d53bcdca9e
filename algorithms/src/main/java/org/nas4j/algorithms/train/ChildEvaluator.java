package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.BatchNormRecalibration;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.datasets.Augmentation;
import org.nas4j.datasets.ImageBatches;

/** Scores a child: BN recalibration on training images, then top-1 accuracy on a labelled set. */
public final class ChildEvaluator {

    private final Supernet net;
    private final ParameterStore ps;
    private final ImageBatches recalibration;
    private final int recalibrationImages;
    private final int batchSize;
    private final long seed;

    /**
     * @param net the trained supernet
     * @param manager its manager
     * @param recalibration training images for BN statistics
     * @param recalibrationImages how many to use (OFA: 2000)
     * @param batchSize batch size of recalibration and evaluation
     * @param seed which training images
     */
    public ChildEvaluator(
            Supernet net, NDManager manager, ImageBatches recalibration, int recalibrationImages, int batchSize, long seed) {
        this.net = net;
        this.ps = new ParameterStore(manager, false);
        this.recalibration = recalibration;
        this.recalibrationImages = recalibrationImages;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /**
     * Recalibrates the child's BN statistics; the child stays active.
     *
     * @param arch the child
     * @param manager parent of the per-batch managers
     */
    public void recalibrate(Arch arch, NDManager manager) {
        int batches = Math.max(1, (recalibrationImages + batchSize - 1) / batchSize);
        BatchNormRecalibration.recalibrate(
                net, arch, ps, manager, batches, recalibration.recalibrationBatches(batchSize, seed));
    }

    /**
     * @param arch the child
     * @param data the images to score on
     * @param manager parent of the per-batch managers
     * @return top-1 accuracy in [0, 1] after recalibration
     */
    public double accuracy(Arch arch, ImageBatches data, NDManager manager) {
        recalibrate(arch, manager);
        return score(data, manager);
    }

    /**
     * @param data the images to score on
     * @param manager parent of the per-batch managers
     * @return top-1 accuracy in [0, 1] of the active child as it is (recalibrate it first)
     */
    public double score(ImageBatches data, NDManager manager) {
        return measure(data, manager).accuracy();
    }

    /**
     * A child's accuracy and loss on a labelled set.
     *
     * @param accuracy top-1 accuracy in [0, 1]
     * @param loss mean cross-entropy (nats)
     */
    public record Score(double accuracy, double loss) {}

    /**
     * @param data the images to score on
     * @param manager parent of the per-batch managers
     * @return accuracy and mean cross-entropy of the active child as it is (recalibrate it first)
     */
    public Score measure(ImageBatches data, NDManager manager) {
        long correct = 0;
        double loss = 0;
        int n = data.data().size();
        for (int from = 0; from < n; from += batchSize) {
            int[] positions = ImageBatches.range(from, Math.min(n, from + batchSize));
            try (NDManager sm = manager.newSubManager()) {
                NDArray x = data.images(sm, positions, Augmentation.NONE, null);
                NDArray y = data.labels(sm, positions);
                NDArray logits = net.forward(ps, new NDList(x), false).singletonOrThrow();
                correct += logits.argMax(1).eq(y).sum().getLong();
                loss += Losses.smoothedCrossEntropy(logits, y, 0f).getFloat() * positions.length;
            }
        }
        return new Score(correct / (double) n, loss / n);
    }
}
