package org.nas4j.spaces.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;

class TransformerSupernetTest {

    private static final int VOCAB = 11;

    private static NDArray tokens(NDManager m, long[][] rows) {
        return m.create(rows);
    }

    private static final long[][] SOURCE = {{5, 6, 7, 2, 0, 0}, {8, 9, 10, 4, 5, 2}};
    private static final long[][] TARGET = {{1, 4, 4, 9}, {1, 7, 3, 3}};

    @ParameterizedTest
    @ValueSource(strings = {"none", "layer", "neuron"})
    void extractedChildReproducesTheSupernet(String mixture) {
        SearchSpace space = TransformerSpace.of(TransformerConfig.FREEDICT);
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            TransformerSupernet net = new TransformerSupernet(TransformerConfig.FREEDICT, VOCAB, Mixture.parse(mixture, 2));
            net.initialize(m);
            ParameterStore ps = new ParameterStore(m, false);
            SplittableRandom rng = new SplittableRandom(3);
            for (Arch arch : new Arch[] {space.smallest(), space.sample(rng), space.sample(rng)}) {
                Block child = net.extract(arch, m);
                net.activate(arch);
                NDList in = new NDList(tokens(m, SOURCE), tokens(m, TARGET));
                NDArray fromNet = net.forward(ps, in, false).singletonOrThrow();
                NDArray fromChild = child.forward(ps, in, false).singletonOrThrow();
                assertEquals(new Shape(2, 4, VOCAB), fromChild.getShape());
                float diff = fromNet.sub(fromChild).abs().max().getFloat();
                assertTrue(diff < 1e-5f, arch.id() + ": max |supernet - child| = " + diff);
                long counted = child.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
                assertEquals(counted, net.cost(arch).params(), "analytic parameters of " + arch.id());
            }
        }
    }

    @Test
    void laterTargetsAndSourcePaddingDoNotLeakIntoTheOutput() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerSupernet net = new TransformerSupernet(TransformerConfig.FREEDICT, VOCAB, Mixture.NONE);
            net.initialize(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray base = net.forward(ps, new NDList(tokens(m, SOURCE), tokens(m, TARGET)), false).singletonOrThrow();
            long[][] changedTail = {{1, 4, 8, 8}, {1, 7, 3, 10}};
            NDArray changed = net.forward(ps, new NDList(tokens(m, SOURCE), tokens(m, changedTail)), false).singletonOrThrow();
            assertArrayEquals(base.get(":, :2").toFloatArray(), changed.get(":, :2").toFloatArray(), 1e-5f, "causal mask");
            assertTrue(base.get("0, 2:").sub(changed.get("0, 2:")).abs().max().getFloat() > 1e-4f, "later positions do see them");
            long[][] padded = {{5, 6, 7, 2, 0, 0, 0, 0}, {8, 9, 10, 4, 5, 2, 0, 0}};
            NDArray withPadding = net.forward(ps, new NDList(tokens(m, padded), tokens(m, TARGET)), false).singletonOrThrow();
            assertArrayEquals(base.toFloatArray(), withPadding.toFloatArray(), 1e-5f, "source padding is masked");
        }
    }

    @Test
    void archStringsRoundTrip() {
        SearchSpace space = TransformerSpace.of(TransformerConfig.FREEDICT);
        Arch a = space.parse("e96_enc:256h4,128h2_dec:512h4");
        assertEquals(2, a.getInt("enc.d"));
        assertEquals(1, a.getInt("dec.d"));
        assertEquals("e96_enc:256h4,128h2_dec:512h4", a.id());
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 20; i++) {
            Arch s = space.sample(rng);
            assertEquals(s, space.parse(s.id()));
        }
    }
}
