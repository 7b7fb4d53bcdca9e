package org.nas4j.runs;

import org.nas4j.algorithms.train.TrainConfig;

/**
 * What a run directory was made from: enough to rebuild its supernet and data.
 *
 * @param space the registered space
 * @param data the {@code --data} value
 * @param numClasses classifier outputs
 * @param train the resolved training configuration
 * @param arch the one child the run trains alone ({@code nas4j train-arch}), or null for the whole
 *     supernet
 */
public record RunSpec(String space, String data, int numClasses, TrainConfig train, String arch) {}
