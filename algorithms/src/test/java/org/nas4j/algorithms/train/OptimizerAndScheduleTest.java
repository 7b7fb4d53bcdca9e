package org.nas4j.algorithms.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

class OptimizerAndScheduleTest {

    @Test
    void nesterovSgdFollowsPytorchSemantics() {
        // torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01) with loss = sum(w * c)
        try (NDManager m = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = weights(m);
            Parameter p = params.get("w");
            TrainConfig c = new TrainConfig.Builder().learningRate(0.1f).momentum(0.9f).nesterov(true).weightDecay(0.01f).build();
            NesterovSgd sgd = new NesterovSgd(params, m.newSubManager(), c);
            NDArray coeff = m.create(new float[] {3f, 0.5f});
            double w0 = 1;
            double w1 = -2;
            double b0 = 0;
            double b1 = 0;
            for (int step = 0; step < 3; step++) {
                try (NDManager sm = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray loss = p.getArray().mul(coeff).sum();
                    loss.attach(sm);
                    gc.backward(loss);
                    gc.close();
                    sgd.step(0.1, sm);
                }
                double g0 = 3 + 0.01 * w0;
                double g1 = 0.5 + 0.01 * w1;
                b0 = 0.9 * b0 + g0;
                b1 = 0.9 * b1 + g1;
                w0 -= 0.1 * (g0 + 0.9 * b0);
                w1 -= 0.1 * (g1 + 0.9 * b1);
                float[] w = p.getArray().toFloatArray();
                assertEquals(w0, w[0], 1e-5, "step " + step);
                assertEquals(w1, w[1], 1e-5, "step " + step);
                assertEquals(0f, p.getArray().getGradient().abs().sum().getFloat(), "gradients zeroed");
            }
        }
    }

    /** One weight {@code w = (1, -2)}. */
    private static PairList<String, Parameter> weights(NDManager m) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(2)).build();
        p.setInitializer((manager, shape, type) -> manager.create(new float[] {1f, -2f}));
        p.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32);
        PairList<String, Parameter> params = new PairList<>();
        params.add("w", p);
        return params;
    }

    @Test
    void adamMatchesPyTorchAndResumesItsBiasCorrection() {
        // torch.optim.Adam([w], lr=0.1, betas=(0.9, 0.999), weight_decay=0.01) with loss = sum(w * c)
        try (NDManager m = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = weights(m);
            Parameter p = params.get("w");
            TrainConfig c = new TrainConfig.Builder().learningRate(0.1f).momentum(0.9f).weightDecay(0.01f)
                    .optimizer("adam").build();
            SupernetOptimizer adam = SupernetOptimizer.of(params, m.newSubManager(), c);
            NDArray coeff = m.create(new float[] {3f, 0.5f});
            double[] w = {1, -2};
            double[] first = new double[2];
            double[] second = new double[2];
            double[] c0 = {3, 0.5};
            for (int step = 1; step <= 4; step++) {
                if (step == 3) {
                    // a resumed run: a fresh optimizer given the saved buffers continues exactly
                    SupernetOptimizer resumed = SupernetOptimizer.of(params, m.newSubManager(), c);
                    adam.buffers().forEach(resumed::restoreBuffer);
                    adam = resumed;
                }
                try (NDManager sm = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray loss = p.getArray().mul(coeff).sum();
                    loss.attach(sm);
                    gc.backward(loss);
                    gc.close();
                    adam.step(0.1, sm);
                }
                float[] got = p.getArray().toFloatArray();
                for (int i = 0; i < 2; i++) {
                    double g = c0[i] + 0.01 * w[i];
                    first[i] = 0.9 * first[i] + 0.1 * g;
                    second[i] = 0.999 * second[i] + 0.001 * g * g;
                    double mHat = first[i] / (1 - Math.pow(0.9, step));
                    double vHat = second[i] / (1 - Math.pow(0.999, step));
                    w[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
                    assertEquals(w[i], got[i], 1e-5, "step " + step + " weight " + i);
                }
            }
        }
    }

    @Test
    void bignasScheduleWarmsUpDecaysAndEndsConstant() {
        TrainConfig c = new TrainConfig.Builder().epochs(10).learningRate(0.2f).schedule("bignas").warmupEpochs(1f).lrFloor(0.05f).build();
        LearningRateSchedule s = new LearningRateSchedule(c, 100);
        assertEquals(0.002, s.at(0), 1e-6);
        assertEquals(0.2, s.at(99), 1e-6);
        assertTrue(s.at(300) < s.at(200));
        assertEquals(0.01, s.at(900), 1e-6);
        assertEquals(0.01, s.at(999), 1e-6);
        TrainConfig cos = new TrainConfig.Builder().epochs(10).learningRate(0.2f).schedule("cosine").warmupEpochs(0f).lrFloor(0f).build();
        LearningRateSchedule sc = new LearningRateSchedule(cos, 100);
        assertEquals(0.2, sc.at(0), 1e-6);
        assertEquals(0.1, sc.at(500), 1e-6);
    }
}
