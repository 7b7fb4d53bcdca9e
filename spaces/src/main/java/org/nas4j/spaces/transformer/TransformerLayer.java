package org.nas4j.spaces.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.ElasticAttention;
import org.nas4j.core.nn.ElasticLayerNorm;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.nn.WeightCopier;

/**
 * A pre-norm Transformer layer of elastic width: self-attention, (in the decoder) attention over the
 * encoder's output, and a feed-forward block, each added to its input. Inputs: {@code x} and its
 * self-attention bias, then (decoder) the encoder output and its bias.
 */
final class TransformerLayer extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final ElasticLayerNorm selfNorm;
    private final ElasticAttention self;
    private final ElasticLayerNorm crossNorm;
    private final ElasticAttention cross;
    private final ElasticLayerNorm ffnNorm;
    private final ElasticLinear expand;
    private final ElasticLinear contract;

    TransformerLayer(int maxEmbed, TransformerArch.Layer max, int headWidth, boolean decoder, Mixture mixture) {
        super(VERSION);
        selfNorm = addChildBlock("self_norm", new ElasticLayerNorm(maxEmbed));
        self = addChildBlock("self", new ElasticAttention(maxEmbed, max.heads(), headWidth, mixture));
        crossNorm = decoder ? addChildBlock("cross_norm", new ElasticLayerNorm(maxEmbed)) : null;
        cross = decoder ? addChildBlock("cross", new ElasticAttention(maxEmbed, max.heads(), headWidth, mixture)) : null;
        ffnNorm = addChildBlock("ffn_norm", new ElasticLayerNorm(maxEmbed));
        expand = addChildBlock("expand", new ElasticLinear(maxEmbed, max.ffn(), mixture));
        contract = addChildBlock("contract", new ElasticLinear(max.ffn(), maxEmbed, mixture));
    }

    void setActive(int embed, TransformerArch.Layer layer) {
        self.setActive(embed, layer.heads());
        if (cross != null) {
            cross.setActive(embed, layer.heads());
        }
        expand.setActiveOut(layer.ffn());
        contract.setActiveOut(embed);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray h = selfNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        x = x.add(self.forward(ps, new NDList(h, h, inputs.get(1)), training).singletonOrThrow());
        if (cross != null) {
            h = crossNorm.forward(ps, new NDList(x), training).singletonOrThrow();
            x = x.add(cross.forward(ps, new NDList(h, inputs.get(2), inputs.get(3)), training).singletonOrThrow());
        }
        h = ffnNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        h = ai.djl.nn.Activation.relu(expand.forward(ps, new NDList(h), training).singletonOrThrow());
        return new NDList(x.add(contract.forward(ps, new NDList(h), training).singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    void copyInto(TransformerLayer target, WeightCopier copier) {
        selfNorm.copyInto(target.selfNorm, copier);
        self.copyInto(target.self, copier);
        if (cross != null) {
            crossNorm.copyInto(target.crossNorm, copier);
            cross.copyInto(target.cross, copier);
        }
        ffnNorm.copyInto(target.ffnNorm, copier);
        expand.copyInto(target.expand, copier);
        contract.copyInto(target.contract, copier);
    }
}
