package org.nas4j.algorithms.darts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nas4j.core.nn.ElasticLinear;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Relaxable;
import org.nas4j.core.testing.FlatSupernet;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.ImageDataset;
import org.nas4j.datasets.Normalization;

class DartsTest {

    /**
     * One edge, three operations: a linear layer that sees the image, a bias that cannot, and
     * nothing. The label is the image's brightness, so only the first can fit it: the mixing
     * weights must move to it, well beyond their uniform start, and it must be derived.
     */
    @Test
    void mixingWeightsMoveToTheOperationThatCanFitTheLabels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(2);
            OneEdge net = new OneEdge();
            net.initialize(manager);
            Darts.Result r = Darts.search(net, net.space(), images(256, 1), images(256, 2), new Darts.Config(60, 32, 0.05f, 0.05f, 5),
                    manager);
            float[] w = r.weights().get("edge");
            assertTrue(w[0] > 0.6f && w[0] > 3 * Math.max(w[1], w[2]), "from 1/3 each: " + Arrays.toString(w));
            assertEquals("linear", r.arch().get("edge"));
        }
    }

    /** A supernet of one relaxed edge: {@code logits = Σ w_op · op(x)}, with no normalization after it. */
    private static final class OneEdge extends FlatSupernet implements Relaxable {

        private static final SearchSpace SPACE = new SearchSpace("one-edge",
                List.of(Dimension.categorical("edge", "linear", "bias", "zero")), ArchNotation.KEY_VALUE);

        private final ElasticLinear linear;
        private final ElasticLinear bias;
        private NDArray mixing;
        private int active;

        OneEdge() {
            linear = addChildBlock("linear", new ElasticLinear(16, 3));
            bias = addChildBlock("bias", new ElasticLinear(1, 3));
        }

        @Override
        public List<String> relaxedDimensions() {
            return List.of("edge");
        }

        @Override
        public void relax(NDArray weights) {
            mixing = weights;
        }

        @Override
        public SearchSpace space() {
            return SPACE;
        }

        @Override
        protected void applyChoices(Arch arch) {
            active = SPACE.dimension("edge").choices().indexOf(arch.get("edge"));
        }

        @Override
        protected NDArray logits(ParameterStore ps, NDArray x, boolean training) {
            NDArray seen = linear.forward(ps, new NDList(x), training).singletonOrThrow();
            NDArray blind = bias.forward(ps, new NDList(x.zerosLike().get(":, :1")), training).singletonOrThrow();
            if (mixing == null) {
                return active == 0 ? seen : active == 1 ? blind : seen.zerosLike();
            }
            return seen.mul(mixing.get(0, 0)).add(blind.mul(mixing.get(0, 1)));
        }
    }

    private static ImageBatches images(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
            for (int j = 0; j < 16; j++) {
                px[i * 16 + j] = (byte) Math.min(255, rng.nextInt(60) + 90 * labels[i]);
            }
        }
        ImageDataset data = new ImageDataset("brightness", px, labels, 1, 4, 4, List.of("dark", "mid", "bright"));
        return new ImageBatches(data, new Normalization(new float[] {0.5f}, new float[] {0.3f}));
    }
}
