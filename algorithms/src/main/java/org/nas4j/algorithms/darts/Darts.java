package org.nas4j.algorithms.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nas4j.algorithms.train.Adam;
import org.nas4j.algorithms.train.Losses;
import org.nas4j.algorithms.train.NesterovSgd;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Relaxable;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.datasets.Augmentation;
import org.nas4j.datasets.ImageBatches;

/**
 * First-order DARTS: architecture weights α (one row of logits per relaxed dimension), the
 * supernet's outputs mixed by softmax(α); alternate a weight step on a training batch (SGD with
 * Nesterov momentum) and an α step on a validation batch (Adam, weight decay 1e-3). The arch is
 * the argmax of each row among the choices the supernet lets an arch take (not the zero operation).
 * On a sub-supernet the choices outside its sub-space are masked out of the softmax, so they get
 * exactly zero weight and are never derived.
 */
public final class Darts {

    /**
     * @param steps alternating step pairs
     * @param batchSize images per batch
     * @param weightLearningRate SGD rate of the supernet's weights (cosine-free, constant)
     * @param alphaLearningRate Adam rate of α (DARTS: 3e-4)
     * @param seed data order and α's initialization
     */
    public record Config(int steps, int batchSize, float weightLearningRate, float alphaLearningRate, long seed) {}

    /**
     * @param arch the derived architecture
     * @param weights softmax(α), by dimension and choice
     */
    public record Result(Arch arch, Map<String, float[]> weights) {}

    private Darts() {}

    /**
     * @param net a relaxable supernet
     * @param within the (sub-)space to search: the supernet's space, or a sub-supernet's
     * @param train batches for the weight steps
     * @param validation batches for the α steps
     * @param config the schedule
     * @param manager the supernet's manager
     * @return the derived arch and the final mixing weights
     */
    public static Result search(Supernet net, SearchSpace within, ImageBatches train, ImageBatches validation,
            Config config, NDManager manager) {
        if (!(net instanceof Relaxable relaxable)) {
            throw new IllegalArgumentException("space " + net.space().name() + " has no continuous relaxation for DARTS");
        }
        SearchSpace space = net.space();
        List<String> dims = relaxable.relaxedDimensions();
        int choices = space.dimension(dims.get(0)).size();
        NDManager state = manager.newSubManager();
        manager.getEngine().setRandomSeed((int) Seeds.derive(config.seed(), "darts-alpha", 0));
        NDArray alpha = state.randomNormal(0, 1e-3f, new Shape(dims.size(), choices), DataType.FLOAT32);
        alpha.setRequiresGradient(true);
        NDArray mask = outside(space, within, dims, state);
        Adam adam = new Adam(Map.of("alpha", alpha), state, 0.5f, 1e-3f);
        TrainConfig d = TrainConfig.defaults("uniform", 1);
        NesterovSgd sgd = new NesterovSgd(net.getParameters(), state, d);
        ParameterStore ps = new ParameterStore(manager, false);
        int[] trainOrder = ImageBatches.shuffled(train.data().size(), Seeds.derive(config.seed(), "darts-train", 0));
        int[] valOrder = ImageBatches.shuffled(validation.data().size(), Seeds.derive(config.seed(), "darts-val", 0));
        net.activate(space.largest());
        try {
            for (int s = 0; s < config.steps(); s++) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(config.seed(), "darts-step", s));
                try (NDManager step = manager.newSubManager()) {
                    loss(net, relaxable, alpha, mask, train, batch(trainOrder, s, config.batchSize()), step, ps, rng);
                    sgd.step(config.weightLearningRate(), step);
                    zero(alpha.getGradient(), step);
                }
                try (NDManager step = manager.newSubManager()) {
                    loss(net, relaxable, alpha, mask, validation, batch(valOrder, s, config.batchSize()), step, ps, rng);
                    adam.step(config.alphaLearningRate(), step);
                    for (Pair<String, Parameter> p : net.getParameters()) {
                        if (p.getValue().requiresGradient()) {
                            zero(p.getValue().getArray().getGradient(), step);
                        }
                    }
                }
            }
            NDArray weights = alpha.add(mask).softmax(1);
            Map<String, float[]> byDim = new LinkedHashMap<>();
            Map<String, String> chosen = new LinkedHashMap<>();
            for (int i = 0; i < dims.size(); i++) {
                float[] row = weights.get(i).toFloatArray();
                byDim.put(dims.get(i), row);
                Dimension dim = space.dimension(dims.get(i));
                chosen.put(dims.get(i), dim.choices().get(argmax(row, dim.choices(), within.dimension(dims.get(i)).choices(),
                        relaxable)));
            }
            return new Result(space.of(chosen), byDim);
        } finally {
            relaxable.relax(null);
            state.close();
        }
    }

    /** @return {@code (dimensions, choices)}: 0 where {@code within} allows the choice, a large negative number elsewhere */
    private static NDArray outside(SearchSpace space, SearchSpace within, List<String> dims, NDManager manager) {
        int choices = space.dimension(dims.get(0)).size();
        float[] mask = new float[dims.size() * choices];
        for (int i = 0; i < dims.size(); i++) {
            List<String> all = space.dimension(dims.get(i)).choices();
            List<String> allowed = within.dimension(dims.get(i)).choices();
            for (int j = 0; j < choices; j++) {
                mask[i * choices + j] = allowed.contains(all.get(j)) ? 0f : -1e9f;
            }
        }
        return manager.create(mask, new Shape(dims.size(), choices));
    }

    private static void loss(Supernet net, Relaxable relaxable, NDArray alpha, NDArray mask, ImageBatches data, int[] positions,
            NDManager step, ParameterStore ps, SplittableRandom rng) {
        NDArray x = data.images(step, positions, Augmentation.NONE, rng);
        NDArray y = data.labels(step, positions);
        try (GradientCollector gc = step.getEngine().newGradientCollector()) {
            NDArray mixing = alpha.add(mask).softmax(1);
            mixing.attach(step);
            relaxable.relax(mixing);
            NDArray logits = net.forward(ps, new NDList(x), true).singletonOrThrow();
            gc.backward(Losses.smoothedCrossEntropy(logits, y, 0f));
        }
    }

    private static int[] batch(int[] order, int step, int size) {
        int from = (step * size) % Math.max(1, order.length - size + 1);
        return Arrays.copyOfRange(order, from, Math.min(order.length, from + size));
    }

    private static void zero(NDArray gradient, NDManager step) {
        gradient.attach(step);
        gradient.muli(step.full(new Shape(), 0f));
    }

    /** The best allowed choice the supernet lets an arch take; a sub-space with only the zero operation keeps it. */
    private static int argmax(float[] row, List<String> choices, List<String> allowed, Relaxable relaxable) {
        int best = -1;
        for (boolean strict : new boolean[] {true, false}) {
            for (int i = 0; i < row.length; i++) {
                boolean ok = allowed.contains(choices.get(i)) && (!strict || relaxable.derivable(choices.get(i)));
                if (ok && (best < 0 || row[i] > row[best])) {
                    best = i;
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        throw new IllegalArgumentException("the sub-space allows no choice of a relaxed dimension");
    }
}
