package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;

/** A fully connected layer over the leading {@code out × in} slice of a max-size weight. */
public final class ElasticLinear extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int maxOut;
    private final Parameter weight;
    private final Parameter bias;
    private int activeOut;

    /**
     * @param maxIn the largest input width
     * @param maxOut the largest output width
     */
    public ElasticLinear(int maxIn, int maxOut) {
        super(VERSION);
        Preconditions.checkArgument(maxIn > 0 && maxOut > 0, "linear needs positive widths, got %s x %s", maxIn, maxOut);
        this.maxOut = maxOut;
        this.activeOut = maxOut;
        weight =
                addParameter(
                        Parameter.builder()
                                .setName("weight")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(maxOut, maxIn))
                                .build());
        bias =
                addParameter(
                        Parameter.builder()
                                .setName("bias")
                                .setType(Parameter.Type.BIAS)
                                .optShape(new Shape(maxOut))
                                .build());
    }

    /** @param out the output width the next forward uses */
    public void setActiveOut(int out) {
        Preconditions.checkArgument(out > 0 && out <= maxOut, "out %s not in 1..%s", out, maxOut);
        activeOut = out;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long in = x.getShape().get(1);
        NDArray w =
                Slices.leading2(
                        ps.getValue(weight, x.getDevice(), training), x.getManager(), activeOut, in);
        NDArray b = Slices.leading(ps.getValue(bias, x.getDevice(), training), x.getManager(), activeOut);
        return Linear.linear(x, w, b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), activeOut)};
    }

    /**
     * @param in the input width it will see
     * @param copier collects the weight copies
     * @return a DJL {@link Linear}
     */
    public Linear toStatic(long in, WeightCopier copier) {
        Linear lin = Linear.builder().setUnits(activeOut).build();
        long out = activeOut;
        copier.copy(lin.getParameters().get("weight"), () -> Slices.leading2(weight.getArray(), weight.getArray().getManager(), out, in));
        copier.copy(lin.getParameters().get("bias"), () -> Slices.leading(bias.getArray(), bias.getArray().getManager(), out));
        return lin;
    }
}
