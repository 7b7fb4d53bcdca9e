package org.nas4j.spaces.nb201;

/**
 * The shape of a NAS-Bench-201-style network: a 3×3 stem, three stages of identical cells with a
 * residual reduction block between stages (doubling the width, halving the map), then batch norm,
 * ReLU, pooling and a classifier.
 *
 * @param name the registry name of the space
 * @param channels input image channels
 * @param inputSize input height and width
 * @param width channels of the first stage (NAS-Bench-201: 16)
 * @param cellsPerStage cells in each stage (NAS-Bench-201: 5; fewer here, for 2-core CPUs)
 * @param affine whether batch norms learn a scale and shift (NAS-Bench-201's RSPS supernet: no)
 */
public record Nb201Config(String name, int channels, int inputSize, int width, int cellsPerStage, boolean affine) {

    /** 28×28 grayscale (Fashion-MNIST). */
    public static final Nb201Config FMNIST = new Nb201Config("nb201-fmnist", 1, 28, 16, 1, true);

    /** 32×32 RGB (CIFAR-10). */
    public static final Nb201Config CIFAR10 = new Nb201Config("nb201-cifar10", 3, 32, 16, 1, true);

    public Nb201Config {
        if (width < 1 || cellsPerStage < 1) {
            throw new IllegalArgumentException("NAS-Bench-201 needs width >= 1 and cells >= 1");
        }
    }
}
