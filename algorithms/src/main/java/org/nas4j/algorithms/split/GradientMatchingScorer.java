package org.nas4j.algorithms.split;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nas4j.algorithms.train.Losses;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.datasets.Augmentation;
import org.nas4j.datasets.ImageBatches;

/**
 * GM-NAS's measurement for one dimension of a (sub-)supernet: for each of its values, the gradient
 * of the loss with respect to the shared weights, averaged over batches with that value fixed and
 * every other choice sampled; then a score for every pair of values. The same batches serve every
 * value. Shared weights are those that receive a gradient under every value (so the weights of one
 * operation alone, such as an edge's own convolution, are left out).
 */
public final class GradientMatchingScorer {

    /**
     * The outcome for one dimension.
     *
     * @param values the dimension's values, in the order of the matrix
     * @param scores the symmetric score matrix
     * @param shared the names of the parameters compared
     */
    public record Result(List<String> values, double[][] scores, List<String> shared) {}

    private final Supernet net;
    private final ImageBatches data;
    private final int batchSize;
    private final int batches;
    private final GradientMatch measure;
    private final long seed;

    /**
     * @param net the trained supernet
     * @param data training images
     * @param batchSize images per batch
     * @param batches batches averaged per value
     * @param measure how gradients are compared
     * @param seed drives the batches and the sampled children
     */
    public GradientMatchingScorer(Supernet net, ImageBatches data, int batchSize, int batches, GradientMatch measure, long seed) {
        this.net = net;
        this.data = data;
        this.batchSize = batchSize;
        this.batches = batches;
        this.measure = measure;
        this.seed = seed;
    }

    /**
     * @param subspace the (sub-)supernet's space
     * @param dimension one of its dimensions with at least two values
     * @param manager the supernet's manager (per-batch managers hang below it)
     * @return the score matrix over the dimension's values
     */
    public Result score(SearchSpace subspace, String dimension, NDManager manager) {
        List<String> values = subspace.dimension(dimension).choices();
        List<Pair<String, Parameter>> params = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p);
            }
        }
        double[][][] sums = new double[values.size()][params.size()][];
        boolean[][] used = new boolean[values.size()][params.size()];
        ParameterStore ps = new ParameterStore(manager, false);
        int[] order = ImageBatches.shuffled(data.data().size(), Seeds.derive(seed, "gm-data", 0));
        for (int v = 0; v < values.size(); v++) {
            SearchSpace fixed = subspace.restrict(Map.of(dimension, List.of(values.get(v))));
            for (int b = 0; b < batches; b++) {
                int from = (b * batchSize) % Math.max(1, order.length - batchSize + 1);
                int[] positions = Arrays.copyOfRange(order, from, from + batchSize);
                try (NDManager step = manager.newSubManager()) {
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "gm-" + dimension + "-" + v, b));
                    net.activate(fixed.sample(rng));
                    NDArray x = data.images(step, positions, Augmentation.NONE, rng);
                    NDArray y = data.labels(step, positions);
                    try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                        NDArray logits = net.forward(ps, new NDList(x), true).singletonOrThrow();
                        gc.backward(Losses.smoothedCrossEntropy(logits, y, 0f));
                    }
                    NDArray zero = step.full(new Shape(), 0f);
                    for (int p = 0; p < params.size(); p++) {
                        NDArray g = params.get(p).getValue().getArray().getGradient();
                        g.attach(step);
                        float[] values0 = g.toFloatArray();
                        double[] sum = sums[v][p] == null ? (sums[v][p] = new double[values0.length]) : sums[v][p];
                        for (int i = 0; i < values0.length; i++) {
                            sum[i] += values0[i];
                            used[v][p] |= values0[i] != 0;
                        }
                        g.muli(zero);
                    }
                }
            }
        }
        List<Integer> sharedIndex = new ArrayList<>();
        List<String> sharedNames = new ArrayList<>();
        for (int p = 0; p < params.size(); p++) {
            boolean everywhere = true;
            for (int v = 0; v < values.size(); v++) {
                everywhere &= used[v][p];
            }
            if (everywhere) {
                sharedIndex.add(p);
                sharedNames.add(params.get(p).getKey());
            }
        }
        double[][] scores = new double[values.size()][values.size()];
        for (int i = 0; i < values.size(); i++) {
            for (int j = i; j < values.size(); j++) {
                scores[i][j] = measure.score(gradients(sums[i], sharedIndex, params), gradients(sums[j], sharedIndex, params));
                scores[j][i] = scores[i][j];
            }
        }
        return new Result(values, scores, sharedNames);
    }

    private List<GradientMatch.Gradient> gradients(double[][] sums, List<Integer> shared, List<Pair<String, Parameter>> params) {
        List<GradientMatch.Gradient> out = new ArrayList<>();
        for (int p : shared) {
            float[] mean = new float[sums[p].length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sums[p][i] / batches);
            }
            out.add(new GradientMatch.Gradient(params.get(p).getValue().getArray().getShape().getShape(), mean));
        }
        return out;
    }
}
