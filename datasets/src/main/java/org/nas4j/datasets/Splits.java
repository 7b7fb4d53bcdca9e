package org.nas4j.datasets;

import java.util.Arrays;

/** Carves a validation split from a training set. */
public final class Splits {

    /**
     * @param train what is left for training
     * @param validation the held-out part, for BN recalibration checks and search
     */
    public record TrainValidation(ImageDataset train, ImageDataset validation) {}

    private Splits() {}

    /**
     * @param full the full training set
     * @param validationSize how many items to hold out
     * @param seed seed of the split
     * @return the two disjoint parts
     */
    public static TrainValidation carve(ImageDataset full, int validationSize, long seed) {
        if (validationSize <= 0 || validationSize >= full.size()) {
            throw new IllegalArgumentException(
                    "validation size " + validationSize + " must be in 1.." + (full.size() - 1));
        }
        int[] order = ImageBatches.shuffled(full.size(), seed);
        int[] val = Arrays.copyOfRange(order, 0, validationSize);
        int[] train = Arrays.copyOfRange(order, validationSize, order.length);
        Arrays.sort(val);
        Arrays.sort(train);
        return new TrainValidation(
                full.subset(full.name() + " (train part)", train),
                full.subset(full.name() + " (validation part)", val));
    }

}
