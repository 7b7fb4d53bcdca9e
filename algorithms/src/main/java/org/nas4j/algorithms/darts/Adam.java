package org.nas4j.algorithms.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Adam with L2 weight decay for one array (DARTS's architecture weights), in PyTorch's semantics. */
final class Adam {

    private static final float BETA1 = 0.5f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final NDArray weights;
    private final NDArray m;
    private final NDArray v;
    private final float learningRate;
    private final float weightDecay;
    private int t;

    /**
     * DARTS's settings: betas (0.5, 0.999).
     *
     * @param weights the array to update in place; it collects its own gradient
     * @param state owns the moment buffers
     * @param learningRate the rate
     * @param weightDecay L2 decay added to the gradient
     */
    Adam(NDArray weights, NDManager state, float learningRate, float weightDecay) {
        this.weights = weights;
        this.m = state.zeros(weights.getShape());
        this.v = state.zeros(weights.getShape());
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /** Applies one update from the accumulated gradient, which it then zeroes. @param step temporaries' manager */
    void step(NDManager step) {
        t++;
        NDArray g = weights.getGradient();
        g.attach(step);
        // every temporary goes to the step's manager (an op's result lives in its operand's manager)
        NDArray decay = weights.mul(weightDecay);
        decay.attach(step);
        NDArray grad = g.add(decay);
        m.muli(BETA1).addi(grad.mul(1 - BETA1));
        v.muli(BETA2).addi(grad.square().mul(1 - BETA2));
        NDArray mHat = m.div((float) (1 - Math.pow(BETA1, t)));
        NDArray vHat = v.div((float) (1 - Math.pow(BETA2, t)));
        mHat.attach(step);
        vHat.attach(step);
        weights.subi(mHat.div(vHat.sqrt().add(EPSILON)).mul(learningRate));
        g.muli(0f);
    }
}
