package org.nas4j.algorithms.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        tree.split(0, "e01", perValue, Map.of(), 0);
        // then a GM-style two-way split of one leaf along another edge
        tree.split(3, "e23", List.of(List.of("none", "skip_connect"), List.of("nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")),
                Map.of("e23", new double[][] {{1}}), 250);
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
        assertEquals(250, loaded.nodes().get(3).scoringPasses());
        assertEquals(List.of(1, 1, 1, 1, 2, 2), loaded.leaves().stream().map(loaded::depth).toList());
    }

    @Test
    void gmGroupsValuesWhoseSharedGradientsAgreeAndSeparatesTheOppositeOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SignSupernet net = new SignSupernet();
            net.initializeAtZero(manager);
            GradientMatchingScorer.Result r =
                    new GradientMatchingScorer(net, tinyImages(1, 4), 4, 3, GradientMatch.COSINE, 9).score(net.space(), "op", manager);
            assertEquals(List.of("a", "b", "c"), r.values());
            // a and b agree exactly only if the op's own layer is left out of the comparison
            assertEquals(1, r.scores()[0][1], 1e-5, "a against b");
            assertEquals(-1, r.scores()[0][2], 1e-5, "a against c");
            assertEquals(-1, r.scores()[1][2], 1e-5, "b against c");
            assertEquals(2, r.shared().size(), r.shared().toString());
            assertTrue(r.shared().stream().allMatch(n -> n.contains("shared_")), r.shared().toString());
            assertEquals(9, r.passes());
            MinCut.Cut cut = MinCut.best(r.scores());
            assertEquals(List.of(List.of(0, 1), List.of(2)), cut.groups());
        }
    }

    @Test
    void everyValueOfADrawRunsTheSameBatchAndTheSameChoicesElsewhere() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SignSupernet net = new SignSupernet();
            net.initializeAtZero(manager);
            List<GradientMatchingScorer.Pass> trace = new ArrayList<>();
            new GradientMatchingScorer(net, tinyImages(1, 4), 4, 8, GradientMatch.COSINE, 3).onPass(trace::add)
                    .score(net.space(), "op", manager);
            assertEquals(8 * 3, trace.size());
            Set<String> batches = new HashSet<>();
            Set<String> gains = new HashSet<>();
            for (int draw = 0; draw < 8; draw++) {
                int d = draw;
                List<GradientMatchingScorer.Pass> passes = trace.stream().filter(p -> p.draw() == d).toList();
                assertEquals(List.of("a", "b", "c"), passes.stream().map(GradientMatchingScorer.Pass::value).toList());
                for (GradientMatchingScorer.Pass p : passes) {
                    assertArrayEquals(passes.get(0).batch(), p.batch(), "draw " + d + ": one batch for every value");
                    assertEquals(passes.get(0).arch().get("gain"), p.arch().get("gain"), "draw " + d + ": one child elsewhere");
                    assertEquals(p.value(), p.arch().get("op"));
                }
                batches.add(Arrays.toString(passes.get(0).batch()));
                gains.add(passes.get(0).arch().get("gain"));
            }
            assertTrue(batches.size() > 1, "the draws take different batches");
            assertEquals(Set.of("1", "2"), gains, "the draws sample the other choices");
        }
    }

    @Test
    void anEdgesOwnConvolutionsAreLeftOutOfTheComparedWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(4);
            Supernet net = SpaceRegistry.get("nb201-fmnist").newSupernet(3);
            net.initialize(manager);
            GradientMatchingScorer.Result r =
                    new GradientMatchingScorer(net, tinyImages(1, 28), 4, 1, GradientMatch.COSINE, 9).score(SPACE, "e01", manager);
            assertTrue(r.shared().stream().anyMatch(n -> n.contains("stem")), r.shared().toString());
            assertTrue(r.shared().stream().anyMatch(n -> n.contains("e12_conv")), "another edge's convolutions are shared");
            assertTrue(r.shared().stream().noneMatch(n -> n.contains("e01_conv")), "the edge's own convolutions are not");
            assertEquals(net.ownWeights("e01").stream().filter(p -> p.requiresGradient()).count() + r.shared().size(),
                    net.getParameters().values().stream().filter(p -> p.requiresGradient()).count());
        }
    }

    private static ImageBatches tinyImages(int channels, int side) {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 16;
        int size = channels * side * side;
        byte[] px = new byte[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
            for (int j = 0; j < size; j++) {
                px[i * size + j] = (byte) Math.min(255, rng.nextInt(120) + 60 * labels[i]);
            }
        }
        ImageDataset data = new ImageDataset("tiny", px, labels, channels, side, side, new ArrayList<>(List.of("a", "b", "c")));
        return new ImageBatches(data, new Normalization(new float[] {0.5f}, new float[] {0.25f}));
    }
}
