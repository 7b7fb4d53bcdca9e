package org.nas4j.algorithms.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algorithms.sampling.UniformSampler;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.ImageDataset;
import org.nas4j.datasets.Normalization;
import org.nas4j.spaces.SpaceRegistry;

class SplittingTest {

    private static final SearchSpace SPACE = SpaceRegistry.get("nb201-fmnist").space();

    @TempDir
    Path dir;

    @Test
    void leavesPartitionTheSpaceAndEachSubSupernetSamplesOnlyItsOwnArchs() throws Exception {
        SplitTree tree = new SplitTree();
        List<List<String>> perValue = SPACE.dimension("e01").choices().stream().map(List::of).toList();
        tree.split(0, "e01", perValue, Map.of());
        // then a GM-style two-way split of one leaf along another edge
        tree.split(3, "e23", List.of(List.of("none", "skip_connect"), List.of("nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")),
                Map.of("e23", new double[][] {{1}}));
        assertEquals(6, tree.leaves().size());

        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            Arch a = SPACE.sample(rng);
            long holders = tree.leaves().stream().filter(l -> SplitTree.subspace(SPACE, l).contains(a)).count();
            assertEquals(1, holders, "exactly one sub-supernet holds " + a.id());
            SplitTree.Node leaf = tree.leafFor(SPACE, a);
            assertEquals(a.get("e01"), leaf.narrowed().get("e01").size() == 1 ? leaf.narrowed().get("e01").get(0) : null);
        }
        for (SplitTree.Node leaf : tree.leaves()) {
            SearchSpace sub = SplitTree.subspace(SPACE, leaf);
            RestrictedSampler sampler = new RestrictedSampler(sub, new UniformSampler());
            for (int i = 0; i < 50; i++) {
                Arch a = sampler.plan(SPACE, rng).children().get(0);
                assertTrue(sub.contains(a) && tree.leafFor(SPACE, a).id() == leaf.id(), a.id());
            }
        }

        Path file = dir.resolve("tree.json");
        tree.save(file);
        SplitTree loaded = SplitTree.load(file);
        assertEquals(tree.leaves().stream().map(SplitTree.Node::narrowed).toList(),
                loaded.leaves().stream().map(SplitTree.Node::narrowed).toList());
        assertTrue(Files.readString(file).contains("\"e23\""));
    }

    @Test
    void gradientMatchingComparesOnlyWeightsSharedByEveryValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(4);
            Supernet net = SpaceRegistry.get("nb201-fmnist").newSupernet(3);
            net.initialize(manager);
            GradientMatchingScorer scorer = new GradientMatchingScorer(net, tinyImages(), 4, 2, GradientMatch.COSINE, 9);
            GradientMatchingScorer.Result r = scorer.score(SPACE, "e01", manager);
            assertEquals(SPACE.dimension("e01").choices(), r.values());
            for (int i = 0; i < r.values().size(); i++) {
                assertEquals(1, r.scores()[i][i], 1e-6, "a value agrees with itself");
                for (int j = 0; j < r.values().size(); j++) {
                    assertEquals(r.scores()[i][j], r.scores()[j][i], 1e-12);
                    assertTrue(r.scores()[i][j] >= -1 - 1e-9 && r.scores()[i][j] <= 1 + 1e-9);
                }
            }
            assertTrue(r.shared().stream().anyMatch(n -> n.contains("stem")), r.shared().toString());
            assertTrue(r.shared().stream().noneMatch(n -> n.contains("e01_conv")), "the edge's own convolutions are not shared");
        }
    }

    private static ImageBatches tinyImages() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 16;
        byte[] px = new byte[n * 28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
            for (int j = 0; j < 28 * 28; j++) {
                px[i * 784 + j] = (byte) Math.min(255, rng.nextInt(120) + 60 * labels[i]);
            }
        }
        ImageDataset data = new ImageDataset("tiny", px, labels, 1, 28, 28, new ArrayList<>(List.of("a", "b", "c")));
        return new ImageBatches(data, new Normalization(new float[] {0.5f}, new float[] {0.25f}));
    }
}
