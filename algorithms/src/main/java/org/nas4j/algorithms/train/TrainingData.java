package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.nas4j.datasets.Augmentation;
import org.nas4j.datasets.ImageBatches;

/**
 * A training split as the trainer sees it: examples by position, made into a batch of network
 * inputs and labels. Labels are class ids {@code (N)} for a classifier, token ids {@code (N, T)}
 * for a sequence model, where {@code -1} marks a position without a label (padding), or float values
 * {@code (N, K)} for a regression.
 */
public interface TrainingData {

    /** @return the number of examples */
    int size();

    /**
     * @param manager where the batch lives
     * @param positions the examples
     * @param rng the step's randomness (augmentation)
     * @return the network's inputs
     */
    NDList inputs(NDManager manager, int[] positions, SplittableRandom rng);

    /**
     * @param manager where the labels live
     * @param positions the examples
     * @return their labels (int64 ids, or float32 values)
     */
    NDArray labels(NDManager manager, int[] positions);

    /**
     * @param images the training images
     * @param config the run's augmentation settings
     * @param flip whether horizontal flips suit the data (used when the config asks for them too)
     * @return the images with the run's augmentation
     */
    static TrainingData images(ImageBatches images, TrainConfig config, boolean flip) {
        return images(images, new Augmentation(config.augmentPad(), flip && config.flip()));
    }

    /**
     * @param images held-out images
     * @return them as they are, without augmentation
     */
    static TrainingData heldOut(ImageBatches images) {
        return images(images, new Augmentation(0, false));
    }

    private static TrainingData images(ImageBatches images, Augmentation augmentation) {
        return new TrainingData() {
            @Override
            public int size() {
                return images.data().size();
            }

            @Override
            public NDList inputs(NDManager manager, int[] positions, SplittableRandom rng) {
                return new NDList(images.images(manager, positions, augmentation, rng));
            }

            @Override
            public NDArray labels(NDManager manager, int[] positions) {
                return images.labels(manager, positions);
            }
        };
    }
}
