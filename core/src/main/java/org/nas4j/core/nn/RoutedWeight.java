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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Mixture-of-Supernets weight generation: {@code m} expert tensors of the layer's maximal shape and
 * a router MLP (one hidden layer of 128, as in the reference) from the arch encoding to mixing
 * weights. Layer-wise: one softmax over experts; neuron-wise: one per output row. The experts are
 * sliced to the child first and then mixed, which is the same as slicing the mixed maximal weight
 * and cheaper. Used as a child block of the elastic layer it feeds; it has no forward of its own.
 */
public final class RoutedWeight extends AbstractElasticBlock implements ElasticWeight {

    private static final byte VERSION = 1;
    /** Router hidden width of the MoS reference. */
    static final int ROUTER_HIDDEN = 128;

    private final Mixture mixture;
    private final long maxRows;
    private final List<Parameter> experts = new ArrayList<>();
    private final Parameter hiddenWeight;
    private final Parameter hiddenBias;
    private final Parameter outWeight;
    private final Parameter outBias;
    private float[] encoding;

    /**
     * @param shape the layer's maximal weight shape, output rows first
     * @param mixture a routed mixture whose encoding width is fixed
     */
    public RoutedWeight(Shape shape, Mixture mixture) {
        super(VERSION);
        Preconditions.checkArgument(mixture.routed(), "plain weight sharing needs no router");
        Preconditions.checkArgument(mixture.encodingWidth() > 0, "fix the mixture's encoding width with over(space)");
        this.mixture = mixture;
        this.maxRows = shape.get(0);
        for (int i = 0; i < mixture.experts(); i++) {
            experts.add(addParameter(weight("expert" + i, shape)));
        }
        long outs = mixture.mode() == Mixture.Mode.LAYER ? mixture.experts() : maxRows * mixture.experts();
        hiddenWeight = addParameter(weight("router_hidden_weight", new Shape(ROUTER_HIDDEN, mixture.encodingWidth())));
        hiddenBias = addParameter(bias("router_hidden_bias", ROUTER_HIDDEN));
        outWeight = addParameter(weight("router_out_weight", new Shape(outs, ROUTER_HIDDEN)));
        outBias = addParameter(bias("router_out_bias", outs));
    }

    private static Parameter weight(String name, Shape shape) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape).build();
    }

    private static Parameter bias(String name, long size) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BIAS).optShape(new Shape(size)).build();
    }

    /** @param encoding the active arch's encoding, which the router reads in every later call */
    public void setEncoding(float[] encoding) {
        Preconditions.checkArgument(encoding.length == mixture.encodingWidth(),
                "arch encoding has width %s, the router reads %s", encoding.length, mixture.encodingWidth());
        this.encoding = encoding.clone();
    }

    /**
     * @param value reads a parameter's array
     * @param manager where the mixing weights go
     * @return the mixing weights: {@code (1, m)} layer-wise, {@code (maxRows, m)} neuron-wise, rows sum to 1
     */
    public NDArray mixingWeights(Function<Parameter, NDArray> value, NDManager manager) {
        Preconditions.checkState(encoding != null, "no arch encoding yet: activate an arch of the supernet first");
        NDArray enc = manager.create(encoding).reshape(1, encoding.length);
        NDArray hidden = Linear.linear(enc, value.apply(hiddenWeight), value.apply(hiddenBias)).singletonOrThrow();
        NDArray logits = Linear.linear(ai.djl.nn.Activation.relu(hidden), value.apply(outWeight), value.apply(outBias)).singletonOrThrow();
        return (mixture.mode() == Mixture.Mode.LAYER ? logits : logits.reshape(maxRows, mixture.experts())).softmax(1);
    }

    @Override
    public NDArray get(Function<Parameter, NDArray> value, NDManager manager, UnaryOperator<NDArray> slice) {
        NDArray alpha = mixingWeights(value, manager);
        NDArray mixed = null;
        for (int i = 0; i < experts.size(); i++) {
            NDArray expert = slice.apply(value.apply(experts.get(i)));
            long[] ones = new long[expert.getShape().dimension()];
            Arrays.fill(ones, 1);
            NDArray weight;
            if (mixture.mode() == Mixture.Mode.LAYER) {
                weight = alpha.get("0, {}", i).reshape(new Shape(ones));
            } else {
                ones[0] = expert.getShape().get(0);
                weight = alpha.get(":{}, {}", ones[0], i).reshape(new Shape(ones));
            }
            // the step-owned mixing weight goes first: a product lands in its first operand's manager
            NDArray term = weight.mul(expert);
            mixed = mixed == null ? term : mixed.add(term);
        }
        return mixed;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("a routed weight is read by its layer, not run");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
