package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Adam with L2 weight decay for one array (DARTS's α, a controller's weights), in PyTorch's semantics. */
public final class Adam {

    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final NDArray weights;
    private final NDArray m;
    private final NDArray v;
    private final float beta1;
    private final float learningRate;
    private final float weightDecay;
    private int t;

    /**
     * @param weights the array to update in place; it collects its own gradient
     * @param state owns the moment buffers
     * @param learningRate the rate
     * @param beta1 the first moment's decay (DARTS: 0.5; commonly 0.9); the second's is 0.999
     * @param weightDecay L2 decay added to the gradient
     */
    public Adam(NDArray weights, NDManager state, float learningRate, float beta1, float weightDecay) {
        this.weights = weights;
        this.m = state.zeros(weights.getShape());
        this.v = state.zeros(weights.getShape());
        this.beta1 = beta1;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /** Applies one update from the accumulated gradient, which it then zeroes. @param step temporaries' manager */
    public void step(NDManager step) {
        t++;
        NDArray g = weights.getGradient();
        g.attach(step);
        // every temporary goes to the step's manager (an op's result lives in its operand's manager)
        NDArray decay = weights.mul(weightDecay);
        decay.attach(step);
        NDArray grad = g.add(decay);
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(BETA2).addi(grad.square().mul(1 - BETA2));
        NDArray mHat = m.div((float) (1 - Math.pow(beta1, t)));
        NDArray vHat = v.div((float) (1 - Math.pow(BETA2, t)));
        mHat.attach(step);
        vHat.attach(step);
        weights.subi(mHat.div(vHat.sqrt().add(EPSILON)).mul(learningRate));
        g.muli(0f);
    }
}
