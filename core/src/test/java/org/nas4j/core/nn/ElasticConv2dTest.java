package org.nas4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class ElasticConv2dTest {

    @Test
    void gradientsLandOnlyInTheActiveSlice() {
        try (NDManager m = NDManager.newBaseManager()) {
            ElasticConv2d conv = ElasticConv2d.builder().setChannels(6, 16).optMaxKernel(7).build();
            conv.initialize(m, DataType.FLOAT32, new Shape(1, 6, 9, 9));
            conv.setActiveOut(8);
            conv.setActiveKernel(3);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 4, 9, 9));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = conv.forward(ps, new NDList(x), true).singletonOrThrow();
                assertEquals(new Shape(2, 8, 9, 9), y.getShape());
                gc.backward(y.square().sum());
            }
            float[] g = conv.getParameters().get("weight").getArray().getGradient().toFloatArray();
            int inside = 0;
            for (int o = 0; o < 16; o++) {
                for (int i = 0; i < 6; i++) {
                    for (int r = 0; r < 7; r++) {
                        for (int c = 0; c < 7; c++) {
                            float v = g[((o * 6 + i) * 7 + r) * 7 + c];
                            boolean active = o < 8 && i < 4 && r >= 2 && r < 5 && c >= 2 && c < 5;
                            if (active) {
                                inside += v != 0 ? 1 : 0;
                            } else {
                                assertEquals(0f, v, "gradient outside the slice at " + o + "," + i + "," + r + "," + c);
                            }
                        }
                    }
                }
            }
            assertEquals(8 * 4 * 3 * 3, inside, "every entry of the slice gets a gradient");
        }
    }

    @Test
    void depthwiseTakesItsWidthFromTheInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            ElasticConv2d dw = ElasticConv2d.builder().setChannels(12, 12).optDepthwise(true).optMaxKernel(5).optStride(2).build();
            dw.initialize(m, DataType.FLOAT32, new Shape(1, 12, 8, 8));
            dw.setActiveKernel(3);
            NDArray y = dw.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 7, 8, 8))), false).singletonOrThrow();
            assertEquals(new Shape(1, 7, 4, 4), y.getShape());
            assertTrue(y.abs().sum().getFloat() > 0);
        }
    }

    @Test
    void inputGroupsMeetTheirOwnColumnsWhateverComesBefore() {
        try (NDManager m = NDManager.newBaseManager()) {
            ElasticConv2d conv = ElasticConv2d.builder().setChannels(5 * 3, 4).build();
            conv.initialize(m, DataType.FLOAT32, new Shape(1, 15, 2, 2));
            conv.setInputGroups(3, java.util.List.of(1, 4));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 6, 2, 2));
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = conv.forward(ps, new NDList(x), true).singletonOrThrow();
                gc.backward(y.sum());
            }
            NDArray w = conv.getParameters().get("weight").getArray();
            // parts 1 and 4 of the input are channels 3-5 and 12-14 of the weight
            float[] g = w.getGradient().toFloatArray();
            for (int o = 0; o < 4; o++) {
                for (int c = 0; c < 15; c++) {
                    boolean used = (c >= 3 && c < 6) || c >= 12;
                    assertEquals(used, g[o * 15 + c] != 0, "gradient at output " + o + ", column " + c);
                }
            }
            NDArray direct = Conv2d.conv2d(x,
                    NDArrays.concat(new NDList(w.get(":, 3:6"), w.get(":, 12:15")), 1), null,
                    new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
            assertTrue(direct.sub(y).abs().max().getFloat() < 1e-6f);
        }
    }
}
