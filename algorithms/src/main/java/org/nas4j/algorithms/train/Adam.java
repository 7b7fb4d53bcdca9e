package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * Adam in PyTorch's semantics (L2 decay added to the gradient): the usual optimizer of Transformer
 * supernets (HAT, MoS), DARTS's for α and the NASNet controller's. β1 is the configured momentum, β2 = 0.999. The step count is a state buffer,
 * so a resumed run continues the bias correction exactly.
 */
public final class Adam extends SupernetOptimizer {

    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final String STEPS = "@adam.steps";

    private final float beta1;
    private NDArray b1;
    private NDArray oneMinusB1;
    private NDArray b2;
    private NDArray oneMinusB2;
    private NDArray epsilon;
    private NDArray rate;
    private NDArray firstCorrection;
    private NDArray secondCorrection;

    /**
     * @param parameters the model's parameters by name; those without gradients are skipped
     * @param stateManager owns the moment buffers
     * @param config β1 (as momentum), weight decay and clip norm
     */
    public Adam(PairList<String, Parameter> parameters, NDManager stateManager, TrainConfig config) {
        super(parameters, stateManager, config);
        this.beta1 = config.momentum();
    }

    /**
     * Adam for arrays outside a DJL block: DARTS's α (β1 0.5, decay 1e-3), a controller's weights.
     *
     * @param arrays the arrays by name; each collects its own gradient
     * @param stateManager owns the moment buffers
     * @param beta1 the first moment's decay; the second's is 0.999
     * @param weightDecay L2 decay added to the gradient
     */
    public Adam(Map<String, NDArray> arrays, NDManager stateManager, float beta1, float weightDecay) {
        super(arrays, stateManager, weightDecay);
        this.beta1 = beta1;
    }

    @Override
    protected void beginStep(NDManager step, double learningRate) {
        NDArray steps = buffer(STEPS, step.zeros(new Shape()));
        steps.addi(constant(step, 1f));
        double t = steps.getFloat();
        b1 = constant(step, beta1);
        oneMinusB1 = constant(step, 1 - beta1);
        b2 = constant(step, BETA2);
        oneMinusB2 = constant(step, 1 - BETA2);
        epsilon = constant(step, EPSILON);
        rate = constant(step, (float) learningRate);
        firstCorrection = constant(step, (float) (1 - Math.pow(beta1, t)));
        secondCorrection = constant(step, (float) (1 - Math.pow(BETA2, t)));
    }

    @Override
    protected void update(String name, NDArray w, NDArray d, NDManager step) {
        NDArray m = buffer(name + ".m", w);
        NDArray v = buffer(name + ".v", w);
        NDArray firstTerm = d.mul(oneMinusB1);
        NDArray secondTerm = d.square().muli(oneMinusB2);
        firstTerm.attach(step);
        secondTerm.attach(step);
        m.muli(b1).addi(firstTerm);
        v.muli(b2).addi(secondTerm);
        NDArray denominator = v.div(secondCorrection);
        denominator.attach(step);
        denominator = denominator.sqrt().addi(epsilon);
        NDArray update = m.div(firstCorrection);
        update.attach(step);
        w.subi(update.divi(denominator).muli(rate));
    }
}
