package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;

/** Layer normalization over the last axis, whose width comes from the input: the leading slice of γ and β. */
public final class ElasticLayerNorm extends AbstractElasticBlock {

    private static final byte VERSION = 1;
    private static final float EPSILON = 1e-5f;

    private final int maxWidth;
    private final Parameter gamma;
    private final Parameter beta;

    /** @param maxWidth the widest input */
    public ElasticLayerNorm(int maxWidth) {
        super(VERSION);
        this.maxWidth = maxWidth;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(maxWidth)).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(maxWidth)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long width = x.getShape().getLastDimension();
        Preconditions.checkArgument(width <= maxWidth, "input width %s > %s", width, maxWidth);
        NDArray g = Slices.leading(ps.getValue(gamma, x.getDevice(), training), x.getManager(), width);
        NDArray b = Slices.leading(ps.getValue(beta, x.getDevice(), training), x.getManager(), width);
        return LayerNorm.layerNorm(x, new Shape(width), g, b, EPSILON);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /**
     * @param target a layer norm as wide as the slice to copy
     * @param copier collects the copies
     */
    public void copyInto(ElasticLayerNorm target, WeightCopier copier) {
        long width = target.maxWidth;
        copier.copy(target.gamma, m -> Slices.leading(gamma.getArray(), m, width));
        copier.copy(target.beta, m -> Slices.leading(beta.getArray(), m, width));
    }
}
