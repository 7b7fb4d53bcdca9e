package org.nas4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class RoutedWeightTest {

    private static final float[] ENCODING = {1, 0, 0, 1, 0.5f};

    private static RoutedWeight routed(Block layer) {
        RoutedWeight r = (RoutedWeight) layer.getChildren().values().stream()
                .filter(b -> b instanceof RoutedWeight).findFirst().orElseThrow();
        r.setEncoding(ENCODING);
        return r;
    }

    private static NDArray forward(ElasticLinear layer, NDManager m, NDArray x, boolean training) {
        return layer.forward(new ParameterStore(m, false), new NDList(x), training).singletonOrThrow();
    }

    @Test
    void oneExpertIsPlainWeightSharing() {
        for (Mixture.Mode mode : new Mixture.Mode[] {Mixture.Mode.LAYER, Mixture.Mode.NEURON}) {
            try (NDManager m = NDManager.newBaseManager()) {
                ElasticLinear plain = new ElasticLinear(8, 6);
                ElasticLinear moe = new ElasticLinear(8, 6, new Mixture(mode, 1, ENCODING.length));
                plain.initialize(m, DataType.FLOAT32, new Shape(1, 8));
                moe.initialize(m, DataType.FLOAT32, new Shape(1, 8));
                RoutedWeight r = routed(moe);
                r.getParameters().get("expert0").getArray().set(plain.getParameters().get("weight").getArray().toByteBuffer());
                moe.getParameters().get("bias").getArray().set(plain.getParameters().get("bias").getArray().toByteBuffer());
                plain.setActiveOut(4);
                moe.setActiveOut(4);
                NDArray x = m.randomNormal(new Shape(3, 5));
                assertArrayEquals(forward(plain, m, x, false).toFloatArray(), forward(moe, m, x, false).toFloatArray(), 0f, mode + "");
            }
        }
    }

    @Test
    void routerAndEveryExpertGetGradients() {
        for (Mixture.Mode mode : new Mixture.Mode[] {Mixture.Mode.LAYER, Mixture.Mode.NEURON}) {
            try (NDManager m = NDManager.newBaseManager()) {
                ElasticLinear layer = new ElasticLinear(8, 6, new Mixture(mode, 2, ENCODING.length));
                layer.initialize(m, DataType.FLOAT32, new Shape(1, 8));
                RoutedWeight r = routed(layer);
                layer.setActiveOut(5);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(forward(layer, m, m.randomNormal(new Shape(4, 8)), true).square().sum());
                }
                for (String name : new String[] {"expert0", "expert1", "router_hidden_weight", "router_out_weight"}) {
                    NDArray g = r.getParameters().get(name).getArray().getGradient();
                    assertTrue(g.abs().sum().getFloat() > 0, mode + ": no gradient reaches " + name);
                }
                // rows beyond the active width are not used, so their experts' rows get nothing
                NDArray g0 = r.getParameters().get("expert0").getArray().getGradient();
                assertEquals(0f, g0.get("5:, :").abs().sum().getFloat());
            }
        }
    }

    @Test
    void neuronWiseMixesEachOutputRowWithItsOwnWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            ElasticConv2d conv = ElasticConv2d.builder().setChannels(4, 6).optMaxKernel(3)
                    .optMixture(new Mixture(Mixture.Mode.NEURON, 3, ENCODING.length)).build();
            conv.initialize(m, DataType.FLOAT32, new Shape(1, 4, 5, 5));
            RoutedWeight r = routed(conv);
            NDArray alpha = r.mixingWeights(Parameter::getArray, m);
            assertEquals(new Shape(6, 3), alpha.getShape());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, alpha.sum(new int[] {1}).toFloatArray(), 1e-5f);
            assertTrue(alpha.get(":, 0").max().sub(alpha.get(":, 0").min()).getFloat() > 0, "rows mix differently");

            NDArray w = r.get(Parameter::getArray, m, a -> Slices.convWeight(a, m, 2, 3, 1));
            assertEquals(new Shape(2, 3, 1, 1), w.getShape());
            for (int k = 0; k < 2; k++) {
                float expected = 0;
                for (int i = 0; i < 3; i++) {
                    float e = r.getParameters().get("expert" + i).getArray().getFloat(k, 1, 1, 1);
                    expected += alpha.getFloat(k, i) * e;
                }
                assertEquals(expected, w.getFloat(k, 1, 0, 0), 1e-6f);
            }
        }
    }

    @Test
    void anotherArchGetsAnotherWeight() {
        try (NDManager m = NDManager.newBaseManager()) {
            ElasticLinear layer = new ElasticLinear(4, 4, new Mixture(Mixture.Mode.LAYER, 2, ENCODING.length));
            layer.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            RoutedWeight r = routed(layer);
            float[] first = r.mixingWeights(Parameter::getArray, m).toFloatArray();
            r.setEncoding(new float[] {0, 1, 1, 0, 0});
            float[] second = r.mixingWeights(Parameter::getArray, m).toFloatArray();
            assertTrue(Math.abs(first[0] - second[0]) > 1e-6, "the router ignores the arch");
        }
    }
}
