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
 * SGD with (Nesterov) momentum in PyTorch's semantics — {@code buf = m·buf + g; w -= lr·(g + m·buf)}
 * — with weight decay only on conv/linear weights and clipping by global gradient norm. DJL's
 * {@code Nag} is not implemented on PyTorch and its {@code Sgd} keeps the learning rate inside the
 * momentum buffer, so nas4j has its own. Gradients are zeroed after each update (PyTorch grads
 * accumulate across backward passes, which the sandwich rule relies on).
 */
public final class NesterovSgd {

    private final List<Pair<String, Parameter>> params = new ArrayList<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final NDManager stateManager;
    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final float clipNorm;

    /**
     * @param parameters the model's parameters by name; those without gradients are skipped
     * @param stateManager owns the momentum buffers
     * @param config momentum, nesterov, weight decay and clip norm
     */
    public NesterovSgd(PairList<String, Parameter> parameters, NDManager stateManager, TrainConfig config) {
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                params.add(p);
            }
        }
        this.stateManager = stateManager;
        this.momentum = config.momentum();
        this.nesterov = config.nesterov();
        this.weightDecay = config.weightDecay();
        this.clipNorm = config.clipNorm();
    }

    /**
     * Applies one update from the accumulated gradients and zeroes them. A step whose gradient norm
     * is not finite is skipped (gradients zeroed, weights and buffers untouched).
     *
     * @param learningRate this step's rate
     * @param step the step's manager (temporaries live there)
     * @return the global gradient norm before clipping (not finite: the step was skipped)
     */
    public float step(double learningRate, NDManager step) {
        List<NDArray> grads = new ArrayList<>(params.size());
        NDList norms = new NDList(params.size());
        for (Pair<String, Parameter> p : params) {
            NDArray g = p.getValue().getArray().getGradient();
            g.attach(step);
            grads.add(g);
            norms.add(g.norm());
        }
        float norm = NDArrays.stack(norms).norm().getFloat();
        if (!Float.isFinite(norm)) {
            // a non-finite gradient would poison every weight and momentum buffer: drop this step
            NDArray zero = constant(step, 0f);
            grads.forEach(g -> g.muli(zero));
            return norm;
        }
        float scale = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6f) : 1f;
        // constants as arrays made once per step: DJL's mul(Number) makes and frees a tensor per call
        NDArray clip = constant(step, scale);
        NDArray decayRate = constant(step, weightDecay);
        NDArray mu = constant(step, momentum);
        NDArray rate = constant(step, (float) learningRate);
        NDArray zero = constant(step, 0f);
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i).getValue();
            NDArray w = p.getArray();
            // the gradient buffer itself becomes the update: it is zeroed afterwards anyway
            NDArray d = grads.get(i);
            if (scale != 1f) {
                d.muli(clip);
            }
            if (weightDecay != 0 && p.getType() == Parameter.Type.WEIGHT) {
                NDArray decay = w.mul(decayRate);
                decay.attach(step);
                d.addi(decay);
            }
            if (momentum != 0) {
                NDArray buf = buffers.computeIfAbsent(params.get(i).getKey(), k -> newBuffer(w));
                buf.muli(mu).addi(d);
                if (nesterov) {
                    NDArray ahead = buf.mul(mu);
                    ahead.attach(step);
                    d.addi(ahead);
                } else {
                    d.muli(zero).addi(buf);
                }
            }
            w.subi(d.muli(rate));
            d.muli(zero);
        }
        return norm;
    }

    private static NDArray constant(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }

    private NDArray newBuffer(NDArray w) {
        return stateManager.zeros(w.getShape(), w.getDataType());
    }

    /** @return the momentum buffers by parameter name (for checkpoints) */
    public Map<String, NDArray> buffers() {
        return buffers;
    }

    /**
     * @param name a parameter name
     * @param values its saved momentum buffer
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
