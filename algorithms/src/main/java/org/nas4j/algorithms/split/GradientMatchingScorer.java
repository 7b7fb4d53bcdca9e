package org.nas4j.algorithms.split;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nas4j.algorithms.train.Losses;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.datasets.Augmentation;
import org.nas4j.datasets.ImageBatches;

/**
 * GM-NAS's measurement for one dimension of a (sub-)supernet, as the reference code runs it. Each
 * draw takes one batch and one child of the sub-space; every value of the dimension is put into
 * that same child and run on that same batch, and the gradients of the shared weights (every
 * weight but the dimension's own, {@link Supernet#ownWeights}) are compared pair by pair. The score
 * matrix is the mean over the draws. The draws depend on the seed alone, so every dimension is
 * scored on the same batches and children.
 */
public final class GradientMatchingScorer {

    /** The reference code's number of draws per dimension. */
    public static final int PAPER_DRAWS = 100;

    /**
     * One forward and backward pass of the scoring.
     *
     * @param draw the draw, from 0
     * @param value the dimension's value
     * @param arch the child that ran
     * @param batch the training images' positions
     */
    public record Pass(int draw, String value, Arch arch, int[] batch) {}

    /**
     * The outcome for one dimension.
     *
     * @param values the dimension's values, in the order of the matrix
     * @param scores the symmetric score matrix, averaged over the draws
     * @param shared the names of the parameters compared
     * @param passes forward and backward passes it took
     */
    public record Result(List<String> values, double[][] scores, List<String> shared, long passes) {}

    private final Supernet net;
    private final ImageBatches data;
    private final int batchSize;
    private final int draws;
    private final GradientMatch measure;
    private final long seed;
    private Consumer<Pass> listener = p -> {};

    /**
     * @param net the trained supernet
     * @param data training images
     * @param batchSize images per batch
     * @param draws batches (each with its child) whose scores are averaged
     * @param measure how gradients are compared
     * @param seed drives the batches and the children
     */
    public GradientMatchingScorer(Supernet net, ImageBatches data, int batchSize, int draws, GradientMatch measure, long seed) {
        if (draws < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need at least one draw of at least one image");
        }
        this.net = net;
        this.data = data;
        this.batchSize = Math.min(batchSize, data.data().size());
        this.draws = draws;
        this.measure = measure;
        this.seed = seed;
    }

    /** @param listener told of every pass (a trace for tests and budgets) @return this */
    public GradientMatchingScorer onPass(Consumer<Pass> listener) {
        this.listener = listener;
        return this;
    }

    /**
     * @param subspace the (sub-)supernet's space
     * @param dimension one of its dimensions with at least two values, active in every arch
     * @param manager the supernet's manager (per-pass managers hang below it)
     * @return the score matrix over the dimension's values
     */
    public Result score(SearchSpace subspace, String dimension, NDManager manager) {
        List<String> values = subspace.dimension(dimension).choices();
        Set<Parameter> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(net.ownWeights(dimension));
        List<Parameter> trainable = new ArrayList<>();
        List<Pair<String, Parameter>> shared = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
                if (!own.contains(p.getValue())) {
                    shared.add(p);
                }
            }
        }
        double[][] sums = new double[values.size()][values.size()];
        ParameterStore ps = new ParameterStore(manager, false);
        int perEpoch = Math.max(1, data.data().size() / batchSize);
        for (int draw = 0; draw < draws; draw++) {
            int[] order = ImageBatches.shuffled(data.data().size(), Seeds.derive(seed, "gm-data", draw / perEpoch));
            int from = (draw % perEpoch) * batchSize;
            int[] batch = Arrays.copyOfRange(order, from, from + batchSize);
            Arch base = subspace.sample(new SplittableRandom(Seeds.derive(seed, "gm-child", draw)));
            List<List<GradientMatch.Gradient>> gradients = new ArrayList<>();
            for (String value : values) {
                Map<String, String> choices = new LinkedHashMap<>(base.values());
                choices.put(dimension, value);
                Arch arch = subspace.of(choices);
                listener.accept(new Pass(draw, value, arch, batch));
                gradients.add(gradients(arch, batch, draw, shared, trainable, ps, manager));
            }
            for (int i = 0; i < values.size(); i++) {
                for (int j = i; j < values.size(); j++) {
                    double s = measure.score(gradients.get(i), gradients.get(j));
                    sums[i][j] += s;
                    sums[j][i] = sums[i][j];
                }
            }
        }
        for (double[] row : sums) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= draws;
            }
        }
        return new Result(values, sums, shared.stream().map(Pair::getKey).toList(), (long) draws * values.size());
    }

    /** One pass: the shared weights' gradients of the loss of this child on this batch; every gradient zeroed after. */
    private List<GradientMatch.Gradient> gradients(Arch arch, int[] batch, int draw, List<Pair<String, Parameter>> shared,
            List<Parameter> trainable, ParameterStore ps, NDManager manager) {
        List<GradientMatch.Gradient> out = new ArrayList<>();
        try (NDManager pass = manager.newSubManager()) {
            net.activate(arch);
            // in-network randomness (drop path) is the same for every value of a draw
            manager.getEngine().setRandomSeed((int) Seeds.derive(seed, "gm-engine", draw));
            NDArray x = data.images(pass, batch, Augmentation.NONE, new SplittableRandom(0));
            NDArray y = data.labels(pass, batch);
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                NDArray logits = net.forward(ps, new NDList(x), true).singletonOrThrow();
                gc.backward(Losses.smoothedCrossEntropy(logits, y, 0f));
            }
            for (Pair<String, Parameter> p : shared) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(pass);
                out.add(new GradientMatch.Gradient(g.getShape().getShape(), g.toFloatArray()));
            }
            for (Parameter p : trainable) {
                NDArray g = p.getArray().getGradient();
                g.attach(pass);
                g.subi(g);
            }
        }
        return out;
    }
}
