package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;
import java.util.List;

/**
 * A fully connected layer over the leading {@code out × in} slice of a max-size weight, shared or
 * generated per arch by a {@link Mixture}. It maps the last axis of inputs of any rank (a sequence
 * {@code (N, T, in)} as well as a batch {@code (N, in)}); {@code in} comes from the input.
 */
public final class ElasticLinear extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int maxIn;
    private final int maxOut;
    /** The shared weight; null when a router makes it. */
    private final Parameter sharedWeight;
    private final ElasticWeight weight;
    private final Parameter bias;
    private int activeOut;
    private int groupWidth;
    private List<Integer> inputGroups;

    /**
     * @param maxIn the largest input width
     * @param maxOut the largest output width
     */
    public ElasticLinear(int maxIn, int maxOut) {
        this(maxIn, maxOut, Mixture.NONE);
    }

    /**
     * @param maxIn the largest input width
     * @param maxOut the largest output width
     * @param mixture how the weight is made (its encoding width fixed when routed)
     */
    public ElasticLinear(int maxIn, int maxOut, Mixture mixture) {
        super(VERSION);
        Preconditions.checkArgument(maxIn > 0 && maxOut > 0, "linear needs positive widths, got %s x %s", maxIn, maxOut);
        this.maxIn = maxIn;
        this.maxOut = maxOut;
        this.activeOut = maxOut;
        Shape shape = new Shape(maxOut, maxIn);
        sharedWeight = mixture.routed() ? null : addParameter(
                Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).optShape(shape).build());
        weight = mixture.routed() ? addChildBlock("weight", new RoutedWeight(shape, mixture)) : ElasticWeight.shared(sharedWeight);
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

    /**
     * Reads the input as a concatenation of parts of {@code groupWidth} features, part {@code g}
     * always through the same weight columns (see {@link Slices#columnGroups}).
     *
     * @param groupWidth features per part
     * @param groups the parts the input holds, in its order, or null for leading columns
     */
    public void setInputGroups(int groupWidth, List<Integer> groups) {
        this.groupWidth = groupWidth;
        this.inputGroups = groups == null ? null : List.copyOf(groups);
    }

    private NDArray slice(NDArray a, NDManager m, long out, long in) {
        return inputGroups == null ? Slices.leading2(a, m, out, in) : Slices.columnGroups(a, m, out, groupWidth, inputGroups);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long in = x.getShape().getLastDimension();
        NDManager m = x.getManager();
        long out = activeOut;
        NDArray w = weight.get(p -> ps.getValue(p, x.getDevice(), training), m, a -> slice(a, m, out, in));
        NDArray b = Slices.leading(ps.getValue(bias, x.getDevice(), training), x.getManager(), activeOut);
        return Linear.linear(x, w, b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(activeOut)};
    }

    /**
     * Queues copying the active slice (the target's size) into a plain layer of exactly that size:
     * how a child made of elastic layers gets its weights, generated ones included.
     *
     * @param target a layer without mixture whose maximal size is the slice to copy
     * @param copier collects the copies
     */
    public void copyInto(ElasticLinear target, WeightCopier copier) {
        Preconditions.checkArgument(target.sharedWeight != null, "the target of a copy has a plain weight");
        long out = target.maxOut;
        long in = target.maxIn;
        copier.copy(target.sharedWeight, m -> weight.get(Parameter::getArray, m, a -> slice(a, m, out, in)));
        copier.copy(target.bias, m -> Slices.leading(bias.getArray(), m, out));
    }

    /**
     * @param in the input width it will see
     * @param copier collects the weight copies
     * @return a DJL {@link Linear}
     */
    public Linear toStatic(long in, WeightCopier copier) {
        Linear lin = Linear.builder().setUnits(activeOut).build();
        long out = activeOut;
        copier.copy(lin.getParameters().get("weight"), m -> weight.get(Parameter::getArray, m, a -> slice(a, m, out, in)));
        copier.copy(lin.getParameters().get("bias"), m -> Slices.leading(bias.getArray(), m, out));
        return lin;
    }
}
