package org.nas4j.datasets;

/**
 * A dataset's training and test sets with what a model needs to know about its images.
 *
 * @param name the dataset's name
 * @param train the training set (the validation split is carved from it)
 * @param test the test set, for final figures only
 * @param normalization per-channel normalization
 * @param flip whether horizontal flips are label-preserving augmentations
 */
public record LabelledData(String name, ImageDataset train, ImageDataset test, Normalization normalization, boolean flip) {}
