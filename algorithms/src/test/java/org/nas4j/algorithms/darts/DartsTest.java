package org.nas4j.algorithms.darts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.ImageDataset;
import org.nas4j.datasets.Normalization;
import org.nas4j.spaces.SpaceRegistry;

class DartsTest {

    /**
     * The label is the image's brightness, which every operation on the cell's input-to-output edge
     * carries except "none": DARTS must move weight off "none" there, and never pick it.
     */
    @Test
    void architectureWeightsMoveAwayFromAnOperationThatCarriesNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(2);
            Supernet net = SpaceRegistry.get("nb201-fmnist").newSupernet(3);
            net.initialize(manager);
            Darts.Result r = Darts.search(net, net.space(), images(64, 1), images(64, 2), new Darts.Config(25, 16, 0.05f, 0.03f, 5), manager);
            float[] e03 = r.weights().get("e03");
            float none = e03[0];
            assertTrue(none < 0.2f - 0.01f, "weight of 'none' on the input-to-output edge: " + Arrays.toString(e03));
            assertTrue(!r.arch().id().contains("none"), "the zero operation is never derived: " + r.arch().id());
            assertTrue(SpaceRegistry.get("nb201-fmnist").space().contains(r.arch()));
        }
    }

    /** On a sub-supernet, the choices outside its sub-space get zero weight and are never derived. */
    @Test
    void onASubSupernetOnlyItsChoicesAreWeightedAndDerived() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(2);
            Supernet net = SpaceRegistry.get("nb201-fmnist").newSupernet(3);
            net.initialize(manager);
            SearchSpace sub = net.space().restrict(Map.of("e03", List.of("none", "avg_pool_3x3"), "e01", List.of("none")));
            Darts.Result r = Darts.search(net, sub, images(64, 1), images(64, 2), new Darts.Config(10, 16, 0.05f, 0.03f, 5), manager);
            float[] e03 = r.weights().get("e03");
            List<String> ops = net.space().dimension("e03").choices();
            for (int j = 0; j < e03.length; j++) {
                boolean allowed = ops.get(j).equals("none") || ops.get(j).equals("avg_pool_3x3");
                assertEquals(allowed, e03[j] > 0f, ops.get(j) + " weighted " + e03[j] + ": " + Arrays.toString(e03));
            }
            assertTrue(sub.contains(r.arch()), r.arch().id() + " lies outside the sub-space");
            assertEquals("avg_pool_3x3", r.arch().get("e03"), "the zero operation is avoided where another is allowed");
            assertEquals("none", r.arch().get("e01"), "an edge narrowed to the zero operation keeps it");
        }
    }

    private static ImageBatches images(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
            for (int j = 0; j < 784; j++) {
                px[i * 784 + j] = (byte) Math.min(255, rng.nextInt(60) + 90 * labels[i]);
            }
        }
        ImageDataset data = new ImageDataset("brightness", px, labels, 1, 28, 28, List.of("dark", "mid", "bright"));
        return new ImageBatches(data, new Normalization(new float[] {0.5f}, new float[] {0.3f}));
    }
}
