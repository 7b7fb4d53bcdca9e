package org.nas4j.spaces.sgnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.nn.WeightCopier;

/**
 * One aggregation's update, as in the SWL paper's models: {@code MLP((1 + ε) h + a)} with a learned
 * {@code ε} (GIN), or {@code MLP(a)} without the self term (pooling); the MLP is linear, batch norm,
 * ReLU, linear, of the active width. Input: {@code h} and the aggregate {@code a}, both {@code (rows, w)}.
 */
final class GinMlp extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final Parameter epsilon;
    private final ElasticLinear first;
    private final ElasticBatchNorm norm;
    private final ElasticLinear second;
    private final MacCounter macs;

    /**
     * @param maxWidth the widest
     * @param selfTerm whether {@code (1 + ε) h} joins the aggregate
     * @param macs counts the linear layers' multiply-accumulates when on
     */
    GinMlp(int maxWidth, boolean selfTerm, MacCounter macs) {
        super(VERSION);
        this.macs = macs;
        epsilon = selfTerm ? addParameter(Parameter.builder().setName("epsilon").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(Initializer.ZEROS).build()) : null;
        first = addChildBlock("first", new ElasticLinear(maxWidth, maxWidth));
        norm = addChildBlock("norm", new ElasticBatchNorm(maxWidth, false));
        second = addChildBlock("second", new ElasticLinear(maxWidth, maxWidth));
    }

    void setActiveWidth(int width) {
        first.setActiveOut(width);
        second.setActiveOut(width);
    }

    /** @return the learnable parameters at this width */
    static long params(int width, boolean selfTerm) {
        return (selfTerm ? 1 : 0) + 2L * width * width + 2L * width + 2L * width;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray x = inputs.get(1);
        if (epsilon != null) {
            NDArray e = ps.getValue(epsilon, h.getDevice(), training);
            x = x.add(h).add(h.mul(e));
        }
        NDArray y = macs.linear(first, ps, x, training);
        y = norm.forward(ps, new NDList(y), training).singletonOrThrow().getNDArrayInternal().relu();
        return new NDList(macs.linear(second, ps, y, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    void copyInto(GinMlp target, WeightCopier copier) {
        if (epsilon != null) {
            copier.copy(target.epsilon, m -> epsilon.getArray().duplicate());
        }
        first.copyInto(target.first, copier);
        norm.copyInto(target.norm, copier);
        second.copyInto(target.second, copier);
    }
}
