package org.nas4j.spaces.transformer;

import java.util.List;

/**
 * The shape of an elastic encoder-decoder Transformer supernet (HAT-style, at a 2-core size).
 *
 * @param name the registered space's name
 * @param embeds embedding widths, ascending (one per model, shared by encoder and decoder)
 * @param depths encoder and decoder depths, ascending
 * @param ffns feed-forward hidden widths per layer, ascending
 * @param heads attention heads per layer, ascending
 * @param headWidth the width of one head (fixed, as in HAT)
 * @param maxLength the longest token sequence, start and end tokens included
 */
public record TransformerConfig(
        String name, List<Integer> embeds, List<Integer> depths, List<Integer> ffns, List<Integer> heads,
        int headWidth, int maxLength) {

    /** Character-level English → German word translation (FreeDict). */
    public static final TransformerConfig FREEDICT = new TransformerConfig("transformer-freedict",
            List.of(64, 96, 128), List.of(1, 2, 3), List.of(128, 256, 512), List.of(2, 4), 32, 20);

    /** @return the widest embedding */
    public int maxEmbed() {
        return embeds.get(embeds.size() - 1);
    }

    /** @return the deepest encoder or decoder */
    public int maxDepth() {
        return depths.get(depths.size() - 1);
    }

    /** @return the widest feed-forward layer */
    public int maxFfn() {
        return ffns.get(ffns.size() - 1);
    }

    /** @return the most heads */
    public int maxHeads() {
        return heads.get(heads.size() - 1);
    }
}
