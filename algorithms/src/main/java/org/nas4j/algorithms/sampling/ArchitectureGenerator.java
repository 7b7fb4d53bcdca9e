package org.nas4j.algorithms.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;
import org.nas4j.algorithms.search.LstmController;
import org.nas4j.algorithms.train.Adam;
import org.nas4j.core.nn.Scale;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.StepPlan;

/**
 * ShiftNAS's architecture generator (AG): an LSTM (64 hidden units, one output head per dimension)
 * that emits a child for a target MACs, each choice a straight-through Gumbel-softmax sample. Its
 * loss is the child's task loss, which reaches it through the supernet's gates ({@code
 * Supernet.gate}), plus λ·(cost − target)², the cost and target scaled to the space's MACs range.
 * The paper sums fixed per-choice costs (its Eq. 10); MACs here are not a sum (the resolution
 * scales every layer, the depth decides which blocks count), so the cost is the child's exact MACs
 * linearized in each choice: Σ_i Σ_j row_ij·MACs(child with choice i set to j) − (D − 1)·MACs(child)
 * over the D active choices, whose value is the child's MACs and whose gradient in row_ij is what
 * choosing j would cost. Adam updates it from the gradients each training step leaves ({@link #learn}). Its weights and Adam's moments are saved with the supernet's checkpoint.
 */
public final class ArchitectureGenerator implements AutoCloseable {

    /**
     * What the paper leaves open, chosen here (BENCHMARKS.md says why).
     *
     * @param lambda weight of the squared cost error (range-scaled)
     * @param temperature the Gumbel-softmax's
     * @param learningRate Adam's rate
     * @param hidden the LSTM's state size (the paper: 64)
     */
    public record Settings(double lambda, double temperature, double learningRate, int hidden) {
        /** λ 10, temperature 1, rate 0.003, 64 units. */
        public static final Settings DEFAULT = new Settings(10, 1, 0.003, 64);
    }

    /**
     * A child drawn for a target.
     *
     * @param arch the child
     * @param gates its straight-through rows and the cost penalty, for the training step
     * @param macs its MACs
     */
    public record Child(Arch arch, StepPlan.Gates gates, long macs) {}

    private final SearchSpace space;
    private final ToLongFunction<Arch> macs;
    private final Settings settings;
    private final LstmController lstm;
    private final Adam optimizer;
    private final double low;
    private final double range;
    private boolean pending;

    /**
     * @param space the space whose children it emits
     * @param macs each child's MACs
     * @param settings its hyperparameters
     * @param seed draws its initial weights
     */
    public ArchitectureGenerator(SearchSpace space, ToLongFunction<Arch> macs, Settings settings, long seed) {
        this.space = space;
        this.macs = macs;
        this.settings = settings;
        this.lstm = new LstmController(space, settings.hidden(), new SplittableRandom(seed));
        Map<String, NDArray> weights = new LinkedHashMap<>();
        List<NDArray> params = lstm.parameters();
        for (int i = 0; i < params.size(); i++) {
            weights.put("w" + i, params.get(i));
        }
        this.optimizer = new Adam(weights, lstm.manager(), 0.9f, 0f);
        this.low = macs.applyAsLong(space.smallest());
        this.range = Math.max(1, macs.applyAsLong(space.largest()) - low);
    }

    /** @return the space it emits children of */
    public SearchSpace space() {
        return space;
    }

    /**
     * Applies what the training step's backward passes left in the generator's gradients (one Adam
     * update); call once per step, after its update.
     *
     * @param step the step's manager
     */
    public void learn(NDManager step) {
        applyPending(step);
    }

    /**
     * Draws a child for a target inside its own gradient scope: the rows and the penalty carry the
     * generator's graph into the training step's backward pass.
     *
     * @param target MACs
     * @param rng draws the Gumbel noise
     * @param step the training step's manager (the rows and the penalty live there)
     * @return the child, its rows and its penalty
     */
    public Child draw(double target, RandomGenerator rng, NDManager step) {
        try (GradientCollector gc = step.getEngine().newGradientCollector()) {
            LstmController.Generated g = lstm.generate((float) scaled(target), settings.temperature(), rng, step);
            NDArray penalty = penalty(g, target, step);
            pending = true;
            return new Child(g.arch(), new StepPlan.Gates(g.oneHots(), penalty), macs.applyAsLong(g.arch()));
        }
    }

    /**
     * Trains on the cost term alone, without a supernet: each step a batch of targets, one child per
     * target, and one Adam update of the summed penalties. For tests and as a warm start.
     *
     * @param targets MACs targets to cycle through
     * @param steps updates
     * @param rng draws the Gumbel noise
     */
    public void fitCost(double[] targets, int steps, SplittableRandom rng) {
        for (int s = 0; s < steps; s++) {
            try (NDManager step = lstm.manager().newSubManager()) {
                try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                    NDArray total = step.zeros(new Shape());
                    for (double t : targets) {
                        LstmController.Generated g = lstm.generate((float) scaled(t), settings.temperature(), rng, step);
                        total = total.add(penalty(g, t, step));
                    }
                    gc.backward(total);
                }
                pending = true;
                applyPending(step);
            }
        }
    }

    /**
     * @param target MACs
     * @return the generator's most likely child for it (the paper's evaluation: argmax per choice)
     */
    public Arch mostLikely(double target) {
        try (NDManager step = lstm.manager().newSubManager()) {
            return lstm.mostLikely((float) scaled(target), step);
        }
    }

    /**
     * The child for a target at search time: the most likely child when its MACs fall within {@code
     * tolerance} of the target; otherwise, of {@code draws} children the generator samples for the
     * target, the one nearest to it. Argmax per choice can drift from the target where the target
     * sits between the costs the generator learned, while its samples still spread around the target.
     * Where they do not (a generator that learned a jump, say from the lowest resolution to the next,
     * emits children on either side of a target between them), the nearest is changed one choice at a
     * time, each time the change that brings its MACs nearest the target, until it is within tolerance
     * (at most {@code draws} changes).
     *
     * @param target MACs
     * @param tolerance the relative MACs error the most likely child may have
     * @param draws children sampled when it has more
     * @param rng draws the Gumbel noise
     * @return the child
     */
    public Arch forTarget(double target, double tolerance, int draws, RandomGenerator rng) {
        Arch best = mostLikely(target);
        double error = miss(best, target);
        if (error <= tolerance * target) {
            return best;
        }
        try (NDManager step = lstm.manager().newSubManager()) {
            for (int i = 0; i < draws; i++) {
                Arch a = lstm.generate((float) scaled(target), settings.temperature(), rng, step).arch();
                double e = miss(a, target);
                if (e < error) {
                    best = a;
                    error = e;
                }
            }
        }
        for (int i = 0; i < draws && error > tolerance * target; i++) {
            Arch nearer = nearestChange(best, target);
            if (nearer == best) {
                break;
            }
            best = nearer;
            error = miss(best, target);
        }
        return best;
    }

    /** @return of the children one choice away from {@code arch}, the one nearest the target if nearer than it, else it */
    private Arch nearestChange(Arch arch, double target) {
        Arch nearest = arch;
        double error = miss(arch, target);
        for (Dimension d : space.dimensions()) {
            for (String c : d.choices()) {
                Map<String, String> v = new LinkedHashMap<>(arch.values());
                v.put(d.name(), c);
                Arch a = space.of(v);
                double e = miss(a, target);
                if (e < error) {
                    nearest = a;
                    error = e;
                }
            }
        }
        return nearest;
    }

    private double miss(Arch arch, double target) {
        return Math.abs(macs.applyAsLong(arch) - target);
    }

    private void applyPending(NDManager step) {
        if (pending) {
            optimizer.step(settings.learningRate(), step);
            pending = false;
        }
    }

    private double scaled(double m) {
        return (m - low) / range;
    }

    /** @return λ·(cost − target)², both scaled to the MACs range; constants by {@link Scale}, safe for autograd */
    private NDArray penalty(LstmController.Generated g, double target, NDManager step) {
        NDArray error = linearCost(g, step).sub(step.full(new Shape(), (float) scaled(target)));
        return Scale.by(error.square(), (float) settings.lambda());
    }

    /** The child's scaled MACs, linear in every active choice's row (see the class comment). */
    private NDArray linearCost(LstmController.Generated g, NDManager step) {
        double base = scaled(macs.applyAsLong(g.arch()));
        NDArray total = step.zeros(new Shape());
        int terms = 0;
        for (Dimension d : space.dimensions()) {
            if (!space.isActive(d, g.arch().values())) {
                continue;
            }
            float[] cost = new float[d.size()];
            for (int j = 0; j < cost.length; j++) {
                Map<String, String> v = new LinkedHashMap<>(g.values());
                v.put(d.name(), d.choices().get(j));
                cost[j] = (float) scaled(macs.applyAsLong(space.of(v)));
            }
            total = total.add(g.oneHots().get(d.name()).mul(step.create(cost)).sum());
            terms++;
        }
        return total.sub(step.full(new Shape(), (float) ((terms - 1) * base)));
    }

    /** @return its weights and Adam's moments, by name */
    public Map<String, NDArray> arrays() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        List<NDArray> params = lstm.parameters();
        for (int i = 0; i < params.size(); i++) {
            out.put("generator.w" + i, params.get(i));
        }
        optimizer.buffers().forEach((name, a) -> out.put("generator.adam." + name, a));
        return out;
    }

    /**
     * @param name a name of {@link #arrays()}
     * @param values its saved values
     */
    public void restoreArray(String name, NDArray values) {
        if (name.startsWith("generator.adam.")) {
            optimizer.restoreBuffer(name.substring("generator.adam.".length()), values);
        } else if (name.startsWith("generator.w")) {
            lstm.parameters().get(Integer.parseInt(name.substring("generator.w".length()))).set(values.toByteBuffer());
        }
    }

    @Override
    public void close() {
        lstm.close();
    }
}
