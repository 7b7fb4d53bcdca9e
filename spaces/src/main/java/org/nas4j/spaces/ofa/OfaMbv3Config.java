package org.nas4j.spaces.ofa;

import java.util.List;
import org.nas4j.core.nn.Activation;

/**
 * The shape of an OFA-MobileNetV3 supernet and its search space: the macro skeleton (stem, stages,
 * head) is fixed, and each arch picks the input resolution, every stage's depth and every block's
 * kernel and expand ratio.
 *
 * @param name the registry name of the space
 * @param channels input image channels
 * @param inputSize the largest input side (images are square)
 * @param resolutions the resolution choices, ascending, the last equal to {@code inputSize}
 * @param stemWidth output channels of the 3×3 stride-2 stem
 * @param stages the stages
 * @param headWidth channels of the final 1×1 conv before pooling
 * @param depths depth choices per stage, ascending
 * @param kernels depthwise kernel choices, ascending
 * @param expands expand-ratio choices, ascending
 */
public record OfaMbv3Config(
        String name,
        int channels,
        int inputSize,
        List<Integer> resolutions,
        int stemWidth,
        List<StageSpec> stages,
        int headWidth,
        List<Integer> depths,
        List<Integer> kernels,
        List<Integer> expands) {

    /**
     * Stages for 28×28 inputs, sized so a sandwich step fits a 2-core CPU (depthwise-convolution
     * backward dominates training time there): stride 2 in the stem and the first two stages, as
     * MobileNetV3-Small, ReLU throughout and no squeeze-excite, which on Fashion-MNIST cost 40% more
     * time per step and gained nothing in a two-epoch run (BENCHMARKS.md).
     */
    private static final List<StageSpec> FMNIST_STAGES =
            List.of(
                    new StageSpec(12, 2, false, Activation.RELU),
                    new StageSpec(20, 2, false, Activation.RELU),
                    new StageSpec(32, 1, false, Activation.RELU));

    /** MobileNetV3-style stages for 32×32 RGB: ReLU early, h-swish and squeeze-excite later. */
    private static final List<StageSpec> CIFAR_STAGES =
            List.of(
                    new StageSpec(16, 2, false, Activation.RELU),
                    new StageSpec(24, 2, true, Activation.HSWISH),
                    new StageSpec(40, 1, true, Activation.HSWISH));

    /** 28×28 grayscale (Fashion-MNIST). */
    public static final OfaMbv3Config FMNIST =
            new OfaMbv3Config(
                    "ofa-mbv3-fmnist",
                    1,
                    28,
                    List.of(20, 24, 28),
                    12,
                    FMNIST_STAGES,
                    128,
                    List.of(2, 3, 4),
                    List.of(3, 5, 7),
                    List.of(3, 4, 6));

    /** 32×32 RGB (CIFAR-10). */
    public static final OfaMbv3Config CIFAR10 =
            new OfaMbv3Config(
                    "ofa-mbv3-cifar10",
                    3,
                    32,
                    List.of(24, 28, 32),
                    16,
                    CIFAR_STAGES,
                    192,
                    List.of(2, 3, 4),
                    List.of(3, 5, 7),
                    List.of(3, 4, 6));

    /**
     * @param newName the variant's registry name
     * @param newChannels input channels
     * @param side the largest input side
     * @return the same network for other images: the resolution choices scaled to the new side,
     *     each a multiple of 4 (at least 8), the last equal to it
     */
    public OfaMbv3Config forInput(String newName, int newChannels, int side) {
        java.util.TreeSet<Integer> scaled = new java.util.TreeSet<>();
        for (int r : resolutions) {
            scaled.add(Math.max(8, Math.min(side, (int) Math.round(r * (double) side / inputSize / 4) * 4)));
        }
        scaled.add(side);
        return new OfaMbv3Config(newName, newChannels, side, List.copyOf(scaled.headSet(side, true)), stemWidth, stages,
                headWidth, depths, kernels, expands);
    }

    /** @return the head's nonlinearity: the last stage's */
    public Activation headActivation() {
        return stages.get(stages.size() - 1).activation();
    }

    /** @return the largest stage depth */
    public int maxDepth() {
        return depths.get(depths.size() - 1);
    }

    /** @return the largest kernel */
    public int maxKernel() {
        return kernels.get(kernels.size() - 1);
    }

    /** @return the largest expand ratio */
    public int maxExpand() {
        return expands.get(expands.size() - 1);
    }
}
