package org.nas4j.algorithms.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.ImageDataset;
import org.nas4j.datasets.Normalization;
import org.nas4j.spaces.SpaceRegistry;

class ChildFineTuningTest {

    @TempDir
    Path dir;

    /**
     * A child is tuned in place from the shared weights: its own operations move, operations it does
     * not use stay as they were, and the result depends on the child alone, not on which child was
     * tuned before (each starts from reloaded weights).
     */
    @Test
    void tunesOnlyTheChildsWeightsAndRepeatsExactlyWhateverWasTunedBefore() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            Supernet net = SpaceRegistry.get("nb201-fmnist:width=4,input=8").newSupernet(3);
            net.initialize(manager);
            Path shared = dir.resolve("shared.ckpt");
            Checkpoint.save(shared, net, null, new JsonObject());
            TrainConfig config = TrainConfig.cellDefaults(1).toBuilder().batchSize(16).augmentPad(0).flip(false).seed(5).build();
            ChildFineTuning tuning = new ChildFineTuning(net, manager, TrainingData.images(images(64), config, false), config,
                    4, 0.05f);
            Arch a = net.space().parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|nor_conv_3x3~2|");
            Arch b = net.space().parse("|nor_conv_1x1~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_3x3~1|none~2|");
            Map<String, float[]> before = weights(net);

            double loss = tuning.tune(a);
            assertTrue(Double.isFinite(loss) && loss > 0, "mean loss " + loss);
            Map<String, float[]> afterA = weights(net);
            List<String> moved = new ArrayList<>();
            before.forEach((name, w) -> {
                if (!java.util.Arrays.equals(w, afterA.get(name))) {
                    moved.add(name);
                }
            });
            assertFalse(moved.isEmpty(), "nothing moved");
            assertTrue(moved.size() < before.size(), "every weight moved, used or not: " + moved.size());

            Checkpoint.load(shared, net, null, manager);
            tuning.tune(b);
            Checkpoint.load(shared, net, null, manager);
            tuning.tune(a);
            Map<String, float[]> again = weights(net);
            for (String name : before.keySet()) {
                assertArrayEquals(afterA.get(name), again.get(name), name);
            }
            assertEquals(a, net.active());
        }
    }

    private static Map<String, float[]> weights(Supernet net) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    /** Gray 8×8 images whose brightness is the label. */
    private static ImageBatches images(int n) {
        SplittableRandom rng = new SplittableRandom(9);
        byte[] px = new byte[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
            for (int j = 0; j < 64; j++) {
                px[i * 64 + j] = (byte) Math.min(255, rng.nextInt(100) + 70 * labels[i]);
            }
        }
        ImageDataset data = new ImageDataset("bright", px, labels, 1, 8, 8, List.of("a", "b", "c"));
        return new ImageBatches(data, new Normalization(new float[] {0.5f}, new float[] {0.25f}));
    }
}
