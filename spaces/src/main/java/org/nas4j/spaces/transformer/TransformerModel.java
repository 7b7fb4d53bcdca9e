package org.nas4j.spaces.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.ElasticEmbedding;
import org.nas4j.core.nn.ElasticLayerNorm;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.nn.Scale;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.core.nn.WeightCopier;

/**
 * An encoder-decoder Transformer over token ids (token {@value #PAD} pads): as the supernet's body
 * at maximal sizes with choices switched by {@link #setActive}, and as a child's static model at
 * exactly its sizes. Forward: source {@code (N, S)} and shifted target {@code (N, T)} ids (int64) to
 * next-token logits {@code (N, T, vocabulary)}. {@link #encode} and {@link #decode} split it for
 * generation: the encoder runs once per word.
 */
public final class TransformerModel extends AbstractElasticBlock implements SequenceToSequence {

    /** The padding token. */
    public static final int PAD = 0;
    private static final byte VERSION = 1;
    private static final float MASKED = -1e9f;

    private final int maxLength;
    private final ElasticEmbedding sourceEmbedding;
    private final ElasticEmbedding targetEmbedding;
    private final List<TransformerLayer> encoder = new ArrayList<>();
    private final List<TransformerLayer> decoder = new ArrayList<>();
    private final ElasticLayerNorm encoderNorm;
    private final ElasticLayerNorm decoderNorm;
    private final ElasticLinear output;
    private TransformerArch active;

    /**
     * @param max the largest sizes (a static child's own sizes)
     * @param vocabulary token ids are below this
     * @param headWidth width of one attention head
     * @param maxLength the longest sequence
     * @param mixture how the linear layers make their weights
     */
    public TransformerModel(TransformerArch max, int vocabulary, int headWidth, int maxLength, Mixture mixture) {
        super(VERSION);
        this.maxLength = maxLength;
        sourceEmbedding = addChildBlock("source_embedding", new ElasticEmbedding(vocabulary, max.embed(), maxLength));
        targetEmbedding = addChildBlock("target_embedding", new ElasticEmbedding(vocabulary, max.embed(), maxLength));
        for (int l = 0; l < max.encoder().size(); l++) {
            encoder.add(addChildBlock("encoder" + l, new TransformerLayer(max.embed(), max.encoder().get(l), headWidth, false, mixture)));
        }
        for (int l = 0; l < max.decoder().size(); l++) {
            decoder.add(addChildBlock("decoder" + l, new TransformerLayer(max.embed(), max.decoder().get(l), headWidth, true, mixture)));
        }
        encoderNorm = addChildBlock("encoder_norm", new ElasticLayerNorm(max.embed()));
        decoderNorm = addChildBlock("decoder_norm", new ElasticLayerNorm(max.embed()));
        output = addChildBlock("output", new ElasticLinear(max.embed(), vocabulary, Mixture.NONE));
        setActive(max);
    }

    /** @param arch the sizes the next forward runs, within the maximal ones */
    public void setActive(TransformerArch arch) {
        sourceEmbedding.setActiveWidth(arch.embed());
        targetEmbedding.setActiveWidth(arch.embed());
        for (int l = 0; l < arch.encoder().size(); l++) {
            encoder.get(l).setActive(arch.embed(), arch.encoder().get(l));
        }
        for (int l = 0; l < arch.decoder().size(); l++) {
            decoder.get(l).setActive(arch.embed(), arch.decoder().get(l));
        }
        active = arch;
    }

    /** @return the longest sequence the embeddings cover */
    public int maxLength() {
        return maxLength;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray source = inputs.get(0);
        return new NDList(decode(ps, encode(ps, source, training), source, inputs.get(1), training));
    }

    @Override
    public NDArray encode(ParameterStore ps, NDArray source, boolean training) {
        NDArray x = sourceEmbedding.forward(ps, new NDList(source), training).singletonOrThrow();
        NDArray bias = paddingBias(source);
        for (int l = 0; l < active.encoder().size(); l++) {
            x = encoder.get(l).forward(ps, new NDList(x, bias), training).singletonOrThrow();
        }
        return encoderNorm.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public NDArray decode(ParameterStore ps, NDArray memory, NDArray source, NDArray target, boolean training) {
        NDArray y = targetEmbedding.forward(ps, new NDList(target), training).singletonOrThrow();
        NDArray selfBias = causalBias(target.getManager(), target.getShape().get(1));
        NDArray crossBias = paddingBias(source);
        for (int l = 0; l < active.decoder().size(); l++) {
            y = decoder.get(l).forward(ps, new NDList(y, selfBias, memory, crossBias), training).singletonOrThrow();
        }
        y = decoderNorm.forward(ps, new NDList(y), training).singletonOrThrow();
        return output.forward(ps, new NDList(y), training).singletonOrThrow();
    }

    /** {@code (N, 1, 1, S)}: masks padded source positions. */
    private static NDArray paddingBias(NDArray source) {
        Shape s = source.getShape();
        return Scale.by(source.eq(PAD).toType(DataType.FLOAT32, false), MASKED).reshape(s.get(0), 1, 1, s.get(1));
    }

    /** {@code (1, 1, T, T)}: position t attends to positions up to t. */
    private static NDArray causalBias(NDManager manager, long length) {
        int t = (int) length;
        float[] bias = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                bias[i * t + j] = MASKED;
            }
        }
        return manager.create(bias, new Shape(1, 1, t, t));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape target = inputShapes[1];
        return new Shape[] {new Shape(target.get(0), target.get(1), output.getOutputShapes(new Shape[] {new Shape(1, 1)})[0].get(1))};
    }

    /**
     * Queues copying the active child's weights (generated ones included) into a model of exactly
     * its sizes.
     *
     * @param target a model built with the active sizes, without mixture
     * @param copier collects the copies
     */
    public void copyInto(TransformerModel target, WeightCopier copier) {
        sourceEmbedding.copyInto(target.sourceEmbedding, copier);
        targetEmbedding.copyInto(target.targetEmbedding, copier);
        for (int l = 0; l < target.encoder.size(); l++) {
            encoder.get(l).copyInto(target.encoder.get(l), copier);
        }
        for (int l = 0; l < target.decoder.size(); l++) {
            decoder.get(l).copyInto(target.decoder.get(l), copier);
        }
        encoderNorm.copyInto(target.encoderNorm, copier);
        decoderNorm.copyInto(target.decoderNorm, copier);
        output.copyInto(target.output, copier);
    }
}
