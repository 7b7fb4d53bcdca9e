package org.nas4j.algorithms.split;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.testing.FlatSupernet;

/**
 * A supernet whose gradients are known: {@code logits = sign(op) * gain * shared(x) + own_op(x)},
 * every weight zero. At zero weights the loss's gradient at the logits is the same for every child,
 * so the shared layer's gradient is {@code sign(op) * gain} times one matrix: values {@code a} and
 * {@code b} (sign +1) agree exactly, {@code c} (sign -1) is their opposite. Each op also has a
 * layer of its own, whose gradient is nonzero only under that op: compared, it would make even
 * {@code a} and {@code b} disagree.
 */
final class SignSupernet extends FlatSupernet {

    static final SearchSpace SPACE = new SearchSpace("sign",
            List.of(Dimension.categorical("op", "a", "b", "c"), Dimension.integer("gain", 1, 2)), ArchNotation.KEY_VALUE);
    private static final List<String> OPS = SPACE.dimension("op").choices();

    private final ElasticLinear shared;
    private final List<ElasticLinear> own;
    private int op;
    private int gain;

    SignSupernet() {
        shared = addChildBlock("shared", new ElasticLinear(16, 3));
        own = OPS.stream().map(o -> addChildBlock("own_" + o, new ElasticLinear(16, 3))).toList();
    }

    /** Initializes, then sets every weight to zero. */
    void initializeAtZero(NDManager manager) {
        initialize(manager);
        for (Pair<String, Parameter> p : getParameters()) {
            NDArray a = p.getValue().getArray();
            a.subi(a);
        }
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public List<Parameter> ownWeights(String dimension) {
        return dimension.equals("op") ? weightsOf(own) : List.of();
    }

    @Override
    protected void applyChoices(Arch arch) {
        op = OPS.indexOf(arch.get("op"));
        gain = arch.getInt("gain");
    }

    @Override
    protected NDArray logits(ParameterStore ps, NDArray x, boolean training) {
        float sign = op == 2 ? -1f : 1f;
        NDArray y = shared.forward(ps, new NDList(x), training).singletonOrThrow().mul(sign * gain);
        return y.add(own.get(op).forward(ps, new NDList(x), training).singletonOrThrow());
    }
}
