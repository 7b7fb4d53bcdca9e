package org.nas4j.algorithms.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.train.StepProbe;

/**
 * ShiftNAS's probability shift (Zhang et al., ICCV 2023): children are drawn by complexity, first a
 * MACs bin from a learnable distribution softmax(β), then a child of that bin, each learning from
 * the labels. β starts uniform over the bins and, after a warm-up, is updated every few steps from
 * the performance variation of each bin: the change of its held-out loss between two updates (the
 * paper's Eq. 8, a finite difference of the validation loss between two weight snapshots). Gradient
 * descent on E_{b~softmax(β)}[Δ loss_b] (by Adam, as the paper) raises the bins whose loss still
 * falls most, that is, the under-trained ones. Each bin's loss is measured on the same probe children
 * (drawn once, with a fixed seed) and the same held-out batch at every update, so the difference is
 * the weights' doing, not the probes'.
 *
 * <p>With an {@link ArchitectureGenerator} the child of a bin is the generator's for the bin's
 * centre, trained end to end with the supernet (the paper's AG); without, a child of the bin is
 * drawn by {@link ComplexityBins}.
 *
 * <p>Anchored, the smallest child also trains every step. The paper trains only the bins'
 * children; the smallest is then trained only when a child of its bin happens to be it, and in
 * short runs here it ended 4-6 points below the sandwich rule's, the whole front's low end with it
 * (BENCHMARKS.md).
 */
public final class ShiftSampler implements ArchSampler {

    /** Probe children per bin whose mean held-out loss is the bin's. */
    static final int PROBES = 2;

    /**
     * How β learns. The paper updates every 100 iterations with Adam at 1e-3 after 50 epochs of a
     * long ImageNet schedule (about 1,800 updates); a run here has a few thousand steps, so it updates
     * more often with a larger rate, to let β move as far within the run.
     *
     * @param every steps between updates
     * @param warmup the share of the run's steps before the first update
     * @param learningRate Adam's rate on β
     */
    public record Schedule(int every, double warmup, double learningRate) {
        /** The schedule used unless told otherwise: every 25 steps after the first 20%, rate 0.05. */
        public static final Schedule DEFAULT = new Schedule(25, 0.2, 0.05);
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final int children;
    private final ToLongFunction<Arch> macs;
    private final Schedule schedule;
    private final ArchitectureGenerator generator;
    private final boolean smallest;
    private ComplexityBins bins;
    private List<List<Arch>> probes;
    private double[] beta;
    private double[] m;
    private double[] v;
    private int updates;
    private double[] lastLoss;

    /**
     * @param children children per step
     * @param macs each child's MACs
     * @param schedule how β learns
     */
    public ShiftSampler(int children, ToLongFunction<Arch> macs, Schedule schedule) {
        this(children, macs, schedule, null, false);
    }

    /**
     * @param children children per step
     * @param macs each child's MACs
     * @param schedule how β learns
     * @param generator draws each bin's child, learning with the supernet; null to draw from the bin
     * @param smallest whether the smallest child trains every step as well, anchoring the front
     */
    public ShiftSampler(int children, ToLongFunction<Arch> macs, Schedule schedule, ArchitectureGenerator generator,
            boolean smallest) {
        if (children < 1) {
            throw new IllegalArgumentException("at least one child per step");
        }
        this.children = children;
        this.macs = macs;
        this.schedule = schedule;
        this.generator = generator;
        this.smallest = smallest;
    }

    /** Without a probe β cannot learn: children are drawn with the distribution as it stands. */
    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        return plan(space, rng, null);
    }

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng, StepProbe probe) {
        prepare(space);
        if (probe != null && due(probe.step(), probe.totalSteps())) {
            update(probe);
        }
        double[] p = distribution();
        List<Arch> plan = new ArrayList<>();
        List<StepPlan.Gates> gates = new ArrayList<>();
        boolean generate = generator != null && probe != null && generator.space() == space;
        for (int i = 0; i < children; i++) {
            int k = ComplexityBins.draw(p, rng);
            if (generate) {
                ArchitectureGenerator.Child child = generator.draw((bins.lower(k) + bins.upper(k)) / 2.0, rng,
                        probe.manager());
                plan.add(child.arch());
                gates.add(child.gates());
            } else {
                plan.add(bins.draw(k, rng));
                gates.add(null);
            }
        }
        if (smallest) {
            plan.add(space.smallest());
            gates.add(null);
        }
        return new StepPlan(plan, false, gates);
    }

    @Override
    public void afterStep(NDManager step) {
        if (generator != null) {
            generator.learn(step);
        }
    }

    /** @return the generator, or null */
    public ArchitectureGenerator generator() {
        return generator;
    }

    @Override
    public Map<String, NDArray> arrays() {
        return generator == null ? Map.of() : generator.arrays();
    }

    @Override
    public void restoreArray(String name, NDArray values) {
        if (generator != null) {
            generator.restoreArray(name, values);
        }
    }

    /** @return the sampling distribution over the bins now */
    public double[] distribution() {
        double max = Double.NEGATIVE_INFINITY;
        for (double b : beta) {
            max = Math.max(max, b);
        }
        double[] p = new double[beta.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(beta[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private boolean due(long step, long total) {
        long first = (long) Math.ceil(schedule.warmup() * total);
        return step >= first && (step - first) % schedule.every() == 0;
    }

    /** One finite-difference step on β: Δ_k is bin k's held-out loss now minus at the last update. */
    private void update(StepProbe probe) {
        double[] loss = new double[bins.size()];
        for (int k = 0; k < loss.length; k++) {
            for (Arch a : probes.get(k)) {
                loss[k] += probe.heldOutLoss(a) / probes.get(k).size();
            }
        }
        if (lastLoss != null) {
            double[] p = distribution();
            double mean = 0;
            for (int k = 0; k < p.length; k++) {
                mean += p[k] * (loss[k] - lastLoss[k]);
            }
            updates++;
            for (int j = 0; j < p.length; j++) {
                // d/dβ_j of Σ_k softmax(β)_k Δ_k
                double g = p[j] * ((loss[j] - lastLoss[j]) - mean);
                m[j] = BETA1 * m[j] + (1 - BETA1) * g;
                v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
                double mHat = m[j] / (1 - Math.pow(BETA1, updates));
                double vHat = v[j] / (1 - Math.pow(BETA2, updates));
                beta[j] -= schedule.learningRate() * mHat / (Math.sqrt(vHat) + EPS);
            }
        }
        lastLoss = loss;
    }

    private void prepare(SearchSpace space) {
        if (bins != null && bins.space() == space) {
            return;
        }
        bins = new ComplexityBins(space, macs, ComplexityBins.DEFAULT_BINS);
        SplittableRandom rng = new SplittableRandom(0x9e0b_e5L);
        probes = new ArrayList<>();
        for (int k = 0; k < bins.size(); k++) {
            List<Arch> p = new ArrayList<>();
            for (int i = 0; i < PROBES; i++) {
                p.add(bins.draw(k, rng));
            }
            probes.add(p);
        }
        if (beta == null || beta.length != bins.size()) {
            beta = new double[bins.size()];
            m = new double[bins.size()];
            v = new double[bins.size()];
            updates = 0;
            lastLoss = null;
        }
    }

    @Override
    public JsonObject state() {
        if (beta == null) {
            return null;
        }
        JsonObject o = new JsonObject();
        // for people: each bin's lower MACs and probability (a resume reads only what follows)
        double[] lower = new double[bins.size()];
        for (int k = 0; k < lower.length; k++) {
            lower[k] = bins.lower(k);
        }
        o.add("binLowerMacs", array(lower));
        o.add("distribution", array(distribution()));
        o.add("beta", array(beta));
        o.add("adamM", array(m));
        o.add("adamV", array(v));
        o.addProperty("updates", updates);
        if (lastLoss != null) {
            o.add("lastLoss", array(lastLoss));
        }
        return o;
    }

    @Override
    public void restore(JsonObject state) {
        beta = doubles(state.getAsJsonArray("beta"));
        m = doubles(state.getAsJsonArray("adamM"));
        v = doubles(state.getAsJsonArray("adamV"));
        updates = state.get("updates").getAsInt();
        lastLoss = state.has("lastLoss") ? doubles(state.getAsJsonArray("lastLoss")) : null;
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double x : values) {
            a.add(x);
        }
        return a;
    }

    private static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }
}
