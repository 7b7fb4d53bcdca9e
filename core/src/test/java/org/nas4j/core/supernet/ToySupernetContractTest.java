package org.nas4j.core.supernet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.testing.ToySupernet;

class ToySupernetContractTest {

    @Test
    void recalibrationResetsAndRefillsOnlyTheActiveSlice() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(1);
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            ParameterStore ps = new ParameterStore(m, false);
            net.batchNorm().runningMean().set(new float[] {9, 9, 9, 9, 9, 9, 9, 9});
            Arch child = net.space().of(Map.of("w", "4", "k", "3"));
            NDArray[] batches = {m.randomNormal(new Shape(5, 2, 6, 6)), m.randomNormal(2f, 1f, new Shape(5, 2, 6, 6), DataType.FLOAT32)};
            BatchNormRecalibration.recalibrate(net, child, ps, m, 2, (sm, i) -> new NDList(batches[i].duplicate()));

            net.activate(child);
            // the refilled mean is the average over both batches of the per-channel mean of the conv output
            NDArray conv = net.convOut(ps, batches[0]).concat(net.convOut(ps, batches[1]), 0);
            float[] expected = conv.transpose(1, 0, 2, 3).reshape(4, -1).mean(new int[] {1}).toFloatArray();
            float[] mean = net.batchNorm().runningMean().toFloatArray();
            for (int c = 0; c < 4; c++) {
                assertEquals(expected[c], mean[c], 1e-4, "active channel " + c);
            }
            for (int c = 4; c < 8; c++) {
                assertEquals(0f, mean[c], "inactive channel " + c + " is reset, not refilled");
                assertEquals(1f, net.batchNorm().runningVar().toFloatArray()[c]);
            }
        }
    }

    @Test
    void extractedChildMatchesAndCostsAddUp() {
        try (NDManager m = NDManager.newBaseManager()) {
            ToySupernet net = new ToySupernet();
            net.initialize(m);
            ParameterStore ps = new ParameterStore(m, false);
            for (Arch a : new Arch[] {net.space().smallest(), net.space().largest()}) {
                BatchNormRecalibration.recalibrate(net, a, ps, m, 1, (sm, i) -> new NDList(sm.randomNormal(new Shape(4, 2, 6, 6))));
                Block child = net.extract(a, m);
                NDArray x = m.randomNormal(new Shape(3, 2, 6, 6));
                net.activate(a);
                NDArray y1 = net.forward(ps, new NDList(x), false).singletonOrThrow();
                NDArray y2 = child.forward(ps, new NDList(x), false).singletonOrThrow();
                assertTrue(y1.sub(y2).abs().max().getFloat() < 1e-5f);
                assertEquals(StaticCost.count(child, net.inputShape(a)), net.cost(a));
            }
        }
    }
}
