package org.nas4j.spaces.nasnet;

import java.util.List;

/**
 * The shape of a NASNet network: a 3×3 stem to F channels, then three stages of N normal cells with
 * a reduction cell (stride 2, twice the filters) between stages, then ReLU, pooling and a classifier.
 * A cell searched at a small N and F transfers by stacking: the same genotype, larger numbers.
 *
 * @param name the registry name of the space
 * @param channels input image channels
 * @param inputSize input height and width
 * @param filters F, the width of the first stage's cells
 * @param cellsPerStage N, normal cells per stage
 * @param dropPath ScheduledDropPath's final drop probability of the last cell (0: off)
 * @param ops the operations a block may choose, a subset of {@link NasnetSpace#OPS} (a search proxy
 *     may search fewer)
 */
public record NasnetConfig(String name, int channels, int inputSize, int filters, int cellsPerStage, float dropPath,
        List<String> ops) {

    /** Search proxy for 28×28 grayscale (Fashion-MNIST). */
    public static final NasnetConfig FMNIST = new NasnetConfig("nasnet-fmnist", 1, 28, 12, 1, 0f, NasnetSpace.OPS);

    /** Search proxy for 32×32 RGB (CIFAR-10). */
    public static final NasnetConfig CIFAR10 = new NasnetConfig("nasnet-cifar10", 3, 32, 12, 1, 0f, NasnetSpace.OPS);

    public NasnetConfig {
        if (filters < 1 || cellsPerStage < 1 || dropPath < 0 || dropPath >= 1) {
            throw new IllegalArgumentException("NASNet needs F >= 1, N >= 1 and a drop probability in [0, 1)");
        }
        ops = List.copyOf(ops);
        if (!NasnetSpace.isOperationSet(ops)) {
            throw new IllegalArgumentException("NASNet operations must be distinct ones of " + NasnetSpace.OPS + ", got " + ops);
        }
    }

    /** @return the total number of cells, reductions included */
    public int cells() {
        return 3 * cellsPerStage + 2;
    }

    /** @return whether cell {@code i} (from 0) is a reduction cell */
    public boolean isReduction(int i) {
        return i % (cellsPerStage + 1) == cellsPerStage;
    }
}
