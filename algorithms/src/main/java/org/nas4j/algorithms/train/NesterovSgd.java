package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;

/** SGD with (Nesterov) momentum in PyTorch's semantics: {@code buf = m·buf + g; w -= lr·(g + m·buf)}. */
public final class NesterovSgd extends SupernetOptimizer {

    private final float momentum;
    private final boolean nesterov;
    private NDArray mu;
    private NDArray rate;
    private NDArray zero;

    /**
     * @param parameters the model's parameters by name; those without gradients are skipped
     * @param stateManager owns the momentum buffers
     * @param config momentum, nesterov, weight decay and clip norm
     */
    public NesterovSgd(PairList<String, Parameter> parameters, NDManager stateManager, TrainConfig config) {
        super(parameters, stateManager, config);
        this.momentum = config.momentum();
        this.nesterov = config.nesterov();
    }

    @Override
    protected void beginStep(NDManager step, double learningRate) {
        mu = constant(step, momentum);
        rate = constant(step, (float) learningRate);
        zero = constant(step, 0f);
    }

    @Override
    protected void update(String name, NDArray w, NDArray d, NDManager step) {
        if (momentum != 0) {
            NDArray buf = buffer(name, w);
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
    }
}
