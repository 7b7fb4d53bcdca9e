package org.nas4j.algorithms.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nas4j.core.nn.Scale;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

/**
 * NASNet's controller: an LSTM that emits an arch token by token, one token per dimension of the
 * space in its order (for a cell space: each block's inputs and operations). The token chosen at
 * one step is embedded as the next step's input; each dimension has its own slice of the output
 * layer. Its weights are DJL arrays that collect gradients, initialized from the search's seed.
 *
 * <p>It also serves as ShiftNAS's architecture generator: conditioned on a target cost (added to
 * the first input), it emits a child through straight-through Gumbel-softmax choices whose rows
 * carry gradients back to its weights, or its most likely child for a target.
 */
public final class LstmController implements AutoCloseable {

    private final SearchSpace space;
    private final int hidden;
    /** Offset of each dimension's tokens in the shared vocabulary. */
    private final int[] offset;
    private final int vocabulary;
    private final NDManager manager;
    private final NDArray start;
    private final NDArray condition;
    private final NDArray embedding;
    private final NDArray inputWeights;
    private final NDArray hiddenWeights;
    private final NDArray gateBias;
    private final NDArray outWeights;
    private final NDArray outBias;

    /**
     * @param space the space whose archs it emits
     * @param hidden the LSTM's state size
     * @param rng draws the initial weights (uniform in ±0.1, as NASNet's controller)
     */
    public LstmController(SearchSpace space, int hidden, SplittableRandom rng) {
        this.space = space;
        this.hidden = hidden;
        List<Dimension> dims = space.dimensions();
        offset = new int[dims.size()];
        int v = 0;
        for (int i = 0; i < dims.size(); i++) {
            offset[i] = v;
            v += dims.get(i).size();
        }
        vocabulary = v;
        manager = NDManager.newBaseManager();
        start = weights(rng, 1, hidden);
        embedding = weights(rng, vocabulary, hidden);
        inputWeights = weights(rng, hidden, 4 * hidden);
        hiddenWeights = weights(rng, hidden, 4 * hidden);
        gateBias = weights(rng, 1, 4 * hidden);
        outWeights = weights(rng, hidden, vocabulary);
        outBias = weights(rng, 1, vocabulary);
        // drawn last: a controller of a given seed draws the weights it always drew
        condition = weights(rng, 1, hidden);
    }

    private NDArray weights(SplittableRandom rng, int rows, int cols) {
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rng.nextDouble() * 0.2 - 0.1);
        }
        NDArray a = manager.create(w, new Shape(rows, cols));
        a.setRequiresGradient(true);
        return a;
    }

    /** @return every weight array, for an optimizer */
    public List<NDArray> parameters() {
        return List.of(start, embedding, inputWeights, hiddenWeights, gateBias, outWeights, outBias, condition);
    }

    /** @return the manager that owns the weights (optimizer state belongs there too) */
    public NDManager manager() {
        return manager;
    }

    /**
     * Draws archs from the controller's distribution.
     *
     * @param count how many
     * @param rng the draw's random source
     * @param step owns the temporaries
     * @return the archs
     */
    public List<Arch> sample(int count, SplittableRandom rng, NDManager step) {
        List<Dimension> dims = space.dimensions();
        int[][] tokens = new int[count][dims.size()];
        State s = new State(step.zeros(new Shape(count, hidden)), step.zeros(new Shape(count, hidden)));
        NDArray x = step.ones(new Shape(count, 1)).matMul(start);
        for (int d = 0; d < dims.size(); d++) {
            s = cell(x, s);
            float[] p = logits(s.h(), d).softmax(1).toFloatArray();
            int n = dims.get(d).size();
            for (int m = 0; m < count; m++) {
                tokens[m][d] = draw(p, m * n, n, rng);
            }
            x = oneHot(tokens, d, step).matMul(embedding);
        }
        List<Arch> out = new ArrayList<>();
        for (int[] t : tokens) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int d = 0; d < dims.size(); d++) {
                values.put(dims.get(d).name(), dims.get(d).choices().get(t[d]));
            }
            out.add(space.of(values));
        }
        return out;
    }

    /**
     * @param archs archs of the space
     * @param step owns the temporaries
     * @return {@code (archs, 2)}: column 0 each arch's log-probability under the controller,
     *     column 1 the summed entropy of the distributions it was drawn from; differentiable
     */
    public NDArray logProbabilityAndEntropy(List<Arch> archs, NDManager step) {
        List<Dimension> dims = space.dimensions();
        int[][] tokens = new int[archs.size()][dims.size()];
        for (int m = 0; m < archs.size(); m++) {
            for (int d = 0; d < dims.size(); d++) {
                tokens[m][d] = dims.get(d).choices().indexOf(archs.get(m).get(dims.get(d).name()));
            }
        }
        State s = new State(step.zeros(new Shape(archs.size(), hidden)), step.zeros(new Shape(archs.size(), hidden)));
        NDArray x = step.ones(new Shape(archs.size(), 1)).matMul(start);
        NDArray logProb = step.zeros(new Shape(archs.size()));
        NDArray entropy = step.zeros(new Shape(archs.size()));
        for (int d = 0; d < dims.size(); d++) {
            s = cell(x, s);
            NDArray logP = logits(s.h(), d).logSoftmax(1);
            NDArray chosen = localOneHot(tokens, d, dims.get(d).size(), step);
            logProb = logProb.add(logP.mul(chosen).sum(new int[] {1}));
            entropy = entropy.sub(logP.exp().mul(logP).sum(new int[] {1}));
            x = oneHot(tokens, d, step).matMul(embedding);
        }
        return logProb.expandDims(1).concat(entropy.expandDims(1), 1);
    }

    /**
     * A child emitted for a target.
     *
     * @param arch the child
     * @param values every dimension's emitted value, inactive ones included
     * @param oneHots per dimension a row {@code (choices)}: the one-hot of the emitted value, with the
     *     gradient of the Gumbel-softmax it was drawn from (straight through)
     */
    public record Generated(Arch arch, Map<String, String> values, Map<String, NDArray> oneHots) {}

    /**
     * Emits a child for a target, drawing each choice by Gumbel-softmax (recorded for gradients when
     * called inside a gradient collector).
     *
     * @param target the target, scaled to [0, 1]
     * @param temperature the softmax's temperature
     * @param rng draws the Gumbel noise
     * @param step owns the temporaries and the rows
     * @return the child and its straight-through rows
     */
    public Generated generate(float target, double temperature, RandomGenerator rng, NDManager step) {
        return emit(target, temperature, rng, step);
    }

    /**
     * @param target the target, scaled to [0, 1]
     * @param step owns the temporaries
     * @return the child of the most likely choice at every step
     */
    public Arch mostLikely(float target, NDManager step) {
        return emit(target, 0, null, step).arch();
    }

    private Generated emit(float target, double temperature, RandomGenerator rng, NDManager step) {
        List<Dimension> dims = space.dimensions();
        State s = new State(step.zeros(new Shape(1, hidden)), step.zeros(new Shape(1, hidden)));
        // the first operand decides where a result lives: keep the step's arrays in the step's manager
        NDArray x = step.ones(new Shape(1, 1)).matMul(start).add(step.full(new Shape(1, 1), target).matMul(condition));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, NDArray> rows = new LinkedHashMap<>();
        for (int d = 0; d < dims.size(); d++) {
            s = cell(x, s);
            int n = dims.get(d).size();
            NDArray logits = logits(s.h(), d);
            NDArray soft = null;
            if (rng != null) {
                float[] gumbel = new float[n];
                for (int j = 0; j < n; j++) {
                    gumbel[j] = (float) -Math.log(-Math.log(Math.max(rng.nextDouble(), 1e-12)));
                }
                logits = logits.add(step.create(gumbel, new Shape(1, n)));
                soft = Scale.by(logits, (float) (1 / temperature)).softmax(1);
            }
            float[] v = logits.toFloatArray();
            int k = 0;
            for (int j = 1; j < n; j++) {
                k = v[j] > v[k] ? j : k;
            }
            float[] hot = new float[n];
            hot[k] = 1f;
            NDArray row = step.create(hot, new Shape(1, n));
            if (soft != null) {
                row = row.sub(soft.stopGradient()).add(soft);
            }
            values.put(dims.get(d).name(), dims.get(d).choices().get(k));
            rows.put(dims.get(d).name(), row.reshape(n));
            x = row.matMul(embedding.get(step, new NDIndex("{}:{}", offset[d], offset[d] + n)));
        }
        return new Generated(space.of(values), values, rows);
    }

    private record State(NDArray h, NDArray c) {}

    /** One LSTM step: gates i, f, g, o from the input and the previous hidden state. */
    private State cell(NDArray x, State s) {
        NDArray z = x.matMul(inputWeights).add(s.h().matMul(hiddenWeights)).add(gateBias);
        NDArray i = z.get(new NDIndex(":, 0:{}", hidden)).getNDArrayInternal().sigmoid();
        NDArray f = z.get(new NDIndex(":, {}:{}", hidden, 2 * hidden)).getNDArrayInternal().sigmoid();
        NDArray g = z.get(new NDIndex(":, {}:{}", 2 * hidden, 3 * hidden)).tanh();
        NDArray o = z.get(new NDIndex(":, {}:", 3 * hidden)).getNDArrayInternal().sigmoid();
        NDArray c = f.mul(s.c()).add(i.mul(g));
        return new State(o.mul(c.tanh()), c);
    }

    /** @return {@code (batch, choices of d)}: the output layer's slice for dimension d */
    private NDArray logits(NDArray h, int d) {
        int n = space.dimensions().get(d).size();
        NDArray w = outWeights.get(h.getManager(), new NDIndex(":, {}:{}", offset[d], offset[d] + n));
        NDArray b = outBias.get(h.getManager(), new NDIndex(":, {}:{}", offset[d], offset[d] + n));
        return h.matMul(w).add(b);
    }

    /** @return {@code (batch, vocabulary)} one-hot rows of the tokens chosen at dimension d */
    private NDArray oneHot(int[][] tokens, int d, NDManager step) {
        float[] v = new float[tokens.length * vocabulary];
        for (int m = 0; m < tokens.length; m++) {
            v[m * vocabulary + offset[d] + tokens[m][d]] = 1f;
        }
        return step.create(v, new Shape(tokens.length, vocabulary));
    }

    private static NDArray localOneHot(int[][] tokens, int d, int n, NDManager step) {
        float[] v = new float[tokens.length * n];
        for (int m = 0; m < tokens.length; m++) {
            v[m * n + tokens[m][d]] = 1f;
        }
        return step.create(v, new Shape(tokens.length, n));
    }

    private static int draw(float[] p, int from, int n, SplittableRandom rng) {
        double u = rng.nextDouble();
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += p[from + i];
            if (u < acc) {
                return i;
            }
        }
        return n - 1;
    }

    @Override
    public void close() {
        manager.close();
    }
}
