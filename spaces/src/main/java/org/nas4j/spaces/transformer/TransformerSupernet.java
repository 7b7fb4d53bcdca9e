package org.nas4j.spaces.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;

/**
 * The weight-sharing elastic Transformer (HAT-style): one {@link TransformerModel} at maximal sizes;
 * a child uses the leading embedding columns, its first layers, their leading feed-forward units
 * and heads. With a routed {@link Mixture} every projection and feed-forward layer generates its
 * weight from the arch (Mixture-of-Supernets); a child's static model has the generated weights
 * baked in.
 */
public final class TransformerSupernet extends Supernet implements SequenceToSequence {

    /** Tokens per side of the word that {@link #cost} counts MACs for (a typical word plus its end). */
    public static final int COST_LENGTH = 10;
    private static final byte VERSION = 1;

    private final TransformerConfig config;
    private final SearchSpace space;
    private final int vocabulary;
    private final TransformerModel model;

    /**
     * @param config the supernet's shape
     * @param vocabulary token ids are below this
     * @param mixture how the linear layers make their weights
     */
    public TransformerSupernet(TransformerConfig config, int vocabulary, Mixture mixture) {
        super(VERSION);
        this.config = config;
        this.space = TransformerSpace.of(config);
        this.vocabulary = vocabulary;
        model = addChildBlock("model", new TransformerModel(TransformerArch.largest(config), vocabulary,
                config.headWidth(), config.maxLength(), mixture.over(space)));
        activate(space.largest());
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    /** @return token ids {@code (1, maxLength)} */
    @Override
    public Shape inputShape() {
        return new Shape(1, config.maxLength());
    }

    @Override
    public NDArray encode(ParameterStore ps, NDArray source, boolean training) {
        return model.encode(ps, source, training);
    }

    @Override
    public NDArray decode(ParameterStore ps, NDArray memory, NDArray source, NDArray target, boolean training) {
        return model.decode(ps, memory, source, target, training);
    }

    @Override
    protected void applyChoices(Arch arch) {
        model.setActive(TransformerArch.of(arch));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return model.forward(ps, inputs, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return model.getOutputShapes(inputShapes);
    }

    @Override
    protected Block buildStatic(WeightCopier copier) {
        TransformerModel child = new TransformerModel(TransformerArch.of(active()), vocabulary, config.headWidth(),
                config.maxLength(), Mixture.NONE);
        model.copyInto(child, copier);
        return child;
    }

    /** @return parameters of the child's static model, and MACs of one teacher-forced pass over {@value #COST_LENGTH} tokens in and out */
    @Override
    public Cost cost(Arch arch) {
        TransformerArch a = TransformerArch.of(arch);
        long e = a.embed();
        long n = COST_LENGTH;
        long params = 2 * (vocabulary + config.maxLength()) * e + 4 * e + e * vocabulary + vocabulary;
        long macs = n * e * vocabulary;
        for (TransformerArch.Layer l : a.encoder()) {
            long inner = (long) l.heads() * config.headWidth();
            params += 4 * e + attentionParams(e, inner) + feedForwardParams(e, l.ffn());
            macs += n * (4 * e * inner + 2 * e * l.ffn()) + 2 * n * n * inner;
        }
        for (TransformerArch.Layer l : a.decoder()) {
            long inner = (long) l.heads() * config.headWidth();
            params += 6 * e + 2 * attentionParams(e, inner) + feedForwardParams(e, l.ffn());
            // self-attention, cross-attention (keys and values over the source), feed-forward
            macs += n * (4 * e * inner) + 2 * n * n * inner + n * 4 * e * inner + 2 * n * n * inner + n * 2 * e * l.ffn();
        }
        return new Cost(macs, params);
    }

    private static long attentionParams(long e, long inner) {
        return 3 * (e * inner + inner) + inner * e + e;
    }

    private static long feedForwardParams(long e, long ffn) {
        return e * ffn + ffn + ffn * e + e;
    }
}
