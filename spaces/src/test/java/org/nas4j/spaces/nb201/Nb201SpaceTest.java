package org.nas4j.spaces.nb201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.BatchNormRecalibration;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Nb201SpaceTest {

    private final SearchSpace space = Nb201Space.of("nb201-test");

    @Test
    void hasFiveToTheSixCells() {
        assertEquals(BigInteger.valueOf(15_625), space.size());
    }

    @Test
    void readsAndWritesNasBench201Strings() {
        String id = "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|";
        Arch arch = space.parse(id);
        assertEquals(id, arch.id());
        assertEquals("avg_pool_3x3", arch.get(Nb201Space.edge(1, 2)));
        assertEquals("none", arch.get(Nb201Space.edge(0, 3)));
    }

    @Test
    void rejectsMalformedStringsAndUnknownOperations() {
        assertThrows(InvalidArchException.class, () -> space.parse("|nor_conv_3x3~0|+|skip_connect~0|"));
        assertThrows(InvalidArchException.class,
                () -> space.parse("|nor_conv_3x3~1|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|none~2|"));
        assertThrows(InvalidArchException.class,
                () -> space.parse("|conv_5x5~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|none~2|"));
    }

    /** NAS-Bench-201's paper counts 6,466 unique cells among its 15,625 (isomorphic ones merged). */
    @Test
    void mergesIsomorphicCellsIntoNasBench201sUniqueCount() {
        Set<String> classes = new HashSet<>();
        for (Map<String, String> v : Nb201Space.allCells()) {
            Arch rep = space.isomorphismRepresentative(space.of(v));
            assertEquals(rep, space.isomorphismRepresentative(rep), "a representative represents itself");
            classes.add(rep.id());
        }
        assertEquals(6_466, classes.size());
    }

    /** Edges out of a node that receives nothing carry zeros, whatever their operation. */
    @Test
    void edgesFromAnEmptyNodeAreNone() {
        Arch a = space.parse("|none~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_1x1~2|");
        Arch b = space.parse("|none~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|");
        assertEquals(space.isomorphismRepresentative(a), space.isomorphismRepresentative(b));
        Arch c = space.parse("|none~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|");
        assertNotEquals(space.isomorphismRepresentative(a), space.isomorphismRepresentative(c));
    }

    /** Skip connections are the identity: a skip then a conv is the conv on the direct edge. */
    @Test
    void treatsSkipConnectionsAsTheIdentity() {
        Arch viaSkip = space.parse("|skip_connect~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|none~2|");
        Arch direct = space.parse("|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|");
        assertEquals(space.isomorphismRepresentative(direct), space.isomorphismRepresentative(viaSkip));
    }

    /**
     * Edges that are not live carry nothing: with the same weights the supernet computes the same
     * output without them, and they cost nothing.
     */
    @Test
    void deadEdgesChangeNothingAndCostNothing() {
        Nb201Supernet net = new Nb201Supernet(new Nb201Config("nb201-test", 1, 12, 4, 1, true), 10);
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(5);
            net.initialize(manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 1, 12, 12));
            SplittableRandom rng = new SplittableRandom(11);
            int pruned = 0;
            for (int i = 0; i < 200; i++) {
                Arch arch = net.space().sample(rng);
                String[] ops = MixedCell.ops(arch);
                boolean[] live = Nb201Space.liveEdges(ops);
                Map<String, String> v = new java.util.LinkedHashMap<>(arch.values());
                for (int e = 0; e < live.length; e++) {
                    int[] edge = Nb201Space.edges().get(e);
                    if (!live[e]) {
                        v.put(Nb201Space.edge(edge[0], edge[1]), "none");
                    }
                }
                Arch without = net.space().of(v);
                assertEquals(net.cost(arch), net.cost(without), arch.id());
                if (without.equals(arch) || i % 4 != 0) {
                    continue;
                }
                pruned++;
                BatchNormRecalibration.recalibrate(net, arch, ps, manager, 1, (m, b) -> new NDList(x));
                net.activate(arch);
                NDArray a = net.forward(ps, new NDList(x), false).singletonOrThrow();
                net.activate(without);
                NDArray b = net.forward(ps, new NDList(x), false).singletonOrThrow();
                assertTrue(a.sub(b).abs().max().getFloat() < 1e-5f, arch.id() + " vs " + without.id());
            }
            assertTrue(pruned >= 5, "only " + pruned + " archs with dead edges drawn");
        }
    }
}
