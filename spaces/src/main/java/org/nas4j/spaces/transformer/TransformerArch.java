package org.nas4j.spaces.transformer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nas4j.core.space.Arch;

/**
 * The sizes of one Transformer: what an arch of {@link TransformerSpace} means, and the exact shape
 * of the static model a child becomes.
 *
 * @param embed embedding width
 * @param encoder the encoder's layers, bottom first
 * @param decoder the decoder's layers, bottom first
 */
public record TransformerArch(int embed, List<Layer> encoder, List<Layer> decoder) {

    /**
     * One layer's sizes.
     *
     * @param ffn feed-forward hidden width
     * @param heads attention heads
     */
    public record Layer(int ffn, int heads) {}

    /** @return the sizes an arch of the space chooses */
    public static TransformerArch of(Arch arch) {
        return new TransformerArch(arch.getInt("embed"), layers(arch, "enc"), layers(arch, "dec"));
    }

    private static List<Layer> layers(Arch arch, String stack) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l <= arch.getInt(TransformerSpace.depth(stack)); l++) {
            layers.add(new Layer(arch.getInt(TransformerSpace.ffn(stack, l)), arch.getInt(TransformerSpace.heads(stack, l))));
        }
        return layers;
    }

    /** @return the supernet's maximal sizes: every layer at its widest */
    public static TransformerArch largest(TransformerConfig c) {
        List<Layer> layers = Collections.nCopies(c.maxDepth(), new Layer(c.maxFfn(), c.maxHeads()));
        return new TransformerArch(c.maxEmbed(), layers, layers);
    }
}
