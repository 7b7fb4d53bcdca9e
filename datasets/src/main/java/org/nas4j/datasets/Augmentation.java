package org.nas4j.datasets;

/**
 * Standard training augmentation: a random crop of the image padded by {@code pad} zero pixels on
 * each side, and a horizontal flip with probability 1/2 when {@code flip}.
 *
 * @param pad padding of the random crop, 0 for none
 * @param flip whether to flip horizontally at random
 */
public record Augmentation(int pad, boolean flip) {

    /** No augmentation (evaluation). */
    public static final Augmentation NONE = new Augmentation(0, false);
}
