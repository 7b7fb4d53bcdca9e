package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What supernet optimizers share: weight decay only on conv/linear weights, clipping by global
 * gradient norm, skipping a step whose gradient is not finite, state buffers by name for
 * checkpoints, and zeroed gradients after each update (PyTorch gradients accumulate across backward
 * passes, which the sandwich rule relies on). DJL's own optimizers do not fit: its {@code Nag} is
 * not implemented on PyTorch and its {@code Sgd} keeps the learning rate inside the momentum buffer.
 */
public abstract class SupernetOptimizer {

    /** An array the optimizer updates, by name, and whether weight decay applies to it. */
    private record Weight(String name, NDArray array, boolean decayed) {}

    private final List<Weight> params = new ArrayList<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final NDManager stateManager;
    private final float weightDecay;
    private final float clipNorm;

    /**
     * @param parameters the model's parameters by name; those without gradients are skipped
     * @param stateManager owns the state buffers
     * @param config weight decay and clip norm
     */
    protected SupernetOptimizer(PairList<String, Parameter> parameters, NDManager stateManager, TrainConfig config) {
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                params.add(new Weight(p.getKey(), p.getValue().getArray(), p.getValue().getType() == Parameter.Type.WEIGHT));
            }
        }
        this.stateManager = stateManager;
        this.weightDecay = config.weightDecay();
        this.clipNorm = config.clipNorm();
    }

    /**
     * For arrays outside a DJL block (DARTS's α, a controller's weights): decay on all, no clipping.
     *
     * @param arrays the arrays by name; each collects its own gradient
     * @param stateManager owns the state buffers
     * @param weightDecay L2 decay added to the gradient
     */
    protected SupernetOptimizer(Map<String, NDArray> arrays, NDManager stateManager, float weightDecay) {
        arrays.forEach((name, a) -> params.add(new Weight(name, a, true)));
        this.stateManager = stateManager;
        this.weightDecay = weightDecay;
        this.clipNorm = 0;
    }

    /**
     * @param parameters the model's parameters by name
     * @param stateManager owns the state buffers
     * @param config the run's configuration, which names the optimizer
     * @return Nesterov SGD or Adam
     */
    public static SupernetOptimizer of(PairList<String, Parameter> parameters, NDManager stateManager, TrainConfig config) {
        return config.adam() ? new Adam(parameters, stateManager, config) : new NesterovSgd(parameters, stateManager, config);
    }

    /**
     * Applies one update from the accumulated gradients and zeroes them. A step whose gradient norm
     * is not finite is skipped (gradients zeroed, weights and buffers untouched).
     *
     * @param learningRate this step's rate
     * @param step the step's manager (temporaries live there)
     * @return the global gradient norm before clipping (not finite: the step was skipped)
     */
    public final float step(double learningRate, NDManager step) {
        List<NDArray> grads = new ArrayList<>(params.size());
        NDList norms = new NDList(params.size());
        for (Weight p : params) {
            NDArray g = p.array().getGradient();
            g.attach(step);
            grads.add(g);
            norms.add(g.norm());
        }
        float norm = NDArrays.stack(norms).norm().getFloat();
        NDArray zero = constant(step, 0f);
        if (!Float.isFinite(norm)) {
            // a non-finite gradient would poison every weight and state buffer: drop this step
            grads.forEach(g -> g.muli(zero));
            return norm;
        }
        float scale = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6f) : 1f;
        // constants as arrays made once per step: DJL's mul(Number) makes and frees a tensor per call
        NDArray clip = constant(step, scale);
        NDArray decayRate = constant(step, weightDecay);
        beginStep(step, learningRate);
        for (int i = 0; i < params.size(); i++) {
            Weight p = params.get(i);
            NDArray w = p.array();
            // the gradient buffer itself becomes the update: it is zeroed afterwards anyway
            NDArray d = grads.get(i);
            if (scale != 1f) {
                d.muli(clip);
            }
            if (weightDecay != 0 && p.decayed()) {
                NDArray decay = w.mul(decayRate);
                decay.attach(step);
                d.addi(decay);
            }
            update(p.name(), w, d, step);
            d.muli(zero);
        }
        return norm;
    }

    /**
     * Called once per applied step before the per-parameter updates.
     *
     * @param step the step's manager
     * @param learningRate this step's rate
     */
    protected abstract void beginStep(NDManager step, double learningRate);

    /**
     * Updates one weight in place.
     *
     * @param name the parameter's name (key of its state buffers)
     * @param w the weight
     * @param d its clipped, decayed gradient; may be overwritten
     * @param step the step's manager
     */
    protected abstract void update(String name, NDArray w, NDArray d, NDManager step);

    /** @return a scalar array in the given manager */
    protected static NDArray constant(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }

    /**
     * @param name the buffer's name
     * @param like its shape and type
     * @return the state buffer of that name, zeros when new
     */
    protected NDArray buffer(String name, NDArray like) {
        return buffers.computeIfAbsent(name, k -> stateManager.zeros(like.getShape(), like.getDataType()));
    }

    /** @return the state buffers by name (for checkpoints) */
    public Map<String, NDArray> buffers() {
        return buffers;
    }

    /**
     * @param name a buffer's name
     * @param values its saved values
     */
    public void restoreBuffer(String name, NDArray values) {
        NDArray b = stateManager.zeros(values.getShape(), values.getDataType());
        b.set(values.toByteBuffer());
        NDArray old = buffers.put(name, b);
        if (old != null) {
            old.close();
        }
    }
}
