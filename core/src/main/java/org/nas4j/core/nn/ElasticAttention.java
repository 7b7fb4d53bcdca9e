package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;

/**
 * Multi-head attention with an elastic number of heads of a fixed width (HAT's choice): the
 * projections slice their leading heads, the output projection maps back to the input's width.
 * Inputs: queries {@code (N, Tq, E)}, keys and values {@code (N, Tk, E)} and an additive bias
 * broadcastable to {@code (N, heads, Tq, Tk)} (0 where attending is allowed, a large negative number
 * where not).
 */
public final class ElasticAttention extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int maxHeads;
    private final int headWidth;
    private final ElasticLinear query;
    private final ElasticLinear key;
    private final ElasticLinear value;
    private final ElasticLinear output;
    private int activeHeads;

    /**
     * @param maxWidth the widest input (and output)
     * @param maxHeads the most heads
     * @param headWidth the width of one head
     * @param mixture how the four projections make their weights
     */
    public ElasticAttention(int maxWidth, int maxHeads, int headWidth, Mixture mixture) {
        super(VERSION);
        this.maxHeads = maxHeads;
        this.headWidth = headWidth;
        int inner = maxHeads * headWidth;
        query = addChildBlock("query", new ElasticLinear(maxWidth, inner, mixture));
        key = addChildBlock("key", new ElasticLinear(maxWidth, inner, mixture));
        value = addChildBlock("value", new ElasticLinear(maxWidth, inner, mixture));
        output = addChildBlock("output", new ElasticLinear(inner, maxWidth, mixture));
        setActive(maxWidth, maxHeads);
    }

    /**
     * @param width the width of the inputs and of the output
     * @param heads the heads the next forward uses
     */
    public void setActive(int width, int heads) {
        Preconditions.checkArgument(heads > 0 && heads <= maxHeads, "heads %s not in 1..%s", heads, maxHeads);
        activeHeads = heads;
        for (ElasticLinear projection : new ElasticLinear[] {query, key, value}) {
            projection.setActiveOut(heads * headWidth);
        }
        output.setActiveOut(width);
    }

    /** @return the heads of the active setting */
    public int activeHeads() {
        return activeHeads;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray q = heads(query.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow());
        NDArray k = heads(key.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow());
        NDArray v = heads(value.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow());
        NDArray scores = Scale.by(q.matMul(k.transpose(0, 1, 3, 2)), (float) (1 / Math.sqrt(headWidth)));
        NDArray attention = scores.add(inputs.get(2)).softmax(-1);
        NDArray context = attention.matMul(v).transpose(0, 2, 1, 3);
        Shape s = context.getShape();
        context = context.reshape(s.get(0), s.get(1), (long) activeHeads * headWidth);
        return output.forward(ps, new NDList(context), training);
    }

    /** {@code (N, T, heads·width)} to {@code (N, heads, T, width)}. */
    private NDArray heads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), activeHeads, headWidth).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return output.getOutputShapes(new Shape[] {inputShapes[0]});
    }

    /**
     * @param target attention with exactly the active heads and width
     * @param copier collects the copies
     */
    public void copyInto(ElasticAttention target, WeightCopier copier) {
        query.copyInto(target.query, copier);
        key.copyInto(target.key, copier);
        value.copyInto(target.value, copier);
        output.copyInto(target.output, copier);
    }
}
