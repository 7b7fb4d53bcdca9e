package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.google.common.base.Preconditions;

/**
 * Token plus learned position embeddings of an elastic width: tokens {@code (N, T)} (int) to {@code
 * (N, T, width)}, the leading columns of both tables.
 */
public final class ElasticEmbedding extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int maxWidth;
    private final int maxLength;
    private final Parameter tokens;
    private final Parameter positions;
    private int activeWidth;

    /**
     * @param vocabulary token ids are below this
     * @param maxWidth the widest embedding
     * @param maxLength the longest sequence
     */
    public ElasticEmbedding(int vocabulary, int maxWidth, int maxLength) {
        super(VERSION);
        this.maxWidth = maxWidth;
        this.maxLength = maxLength;
        this.activeWidth = maxWidth;
        tokens = addParameter(Parameter.builder().setName("tokens").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, maxWidth)).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxLength, maxWidth)).build());
    }

    /** @param width the embedding width the next forward makes */
    public void setActiveWidth(int width) {
        Preconditions.checkArgument(width > 0 && width <= maxWidth, "width %s not in 1..%s", width, maxWidth);
        activeWidth = width;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        long length = ids.getShape().get(1);
        Preconditions.checkArgument(length <= maxLength, "sequence of %s tokens, at most %s", length, maxLength);
        NDArray table = ps.getValue(tokens, ids.getDevice(), training);
        NDArray t = Slices.leading2(table, ids.getManager(), table.getShape().get(0), activeWidth);
        NDArray p = Slices.leading2(ps.getValue(positions, ids.getDevice(), training), ids.getManager(), length, activeWidth);
        NDArray embedded = Embedding.embedding(ids, t, SparseFormat.DENSE).singletonOrThrow();
        return new NDList(embedded.add(p));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(activeWidth)};
    }

    /**
     * @param target an embedding as wide as the slice to copy, as long and of the same vocabulary
     * @param copier collects the copies
     */
    public void copyInto(ElasticEmbedding target, WeightCopier copier) {
        long width = target.maxWidth;
        copier.copy(target.tokens, m -> Slices.leading2(tokens.getArray(), m, tokens.getArray().getShape().get(0), width));
        copier.copy(target.positions, m -> Slices.leading2(positions.getArray(), m, target.maxLength, width));
    }
}
