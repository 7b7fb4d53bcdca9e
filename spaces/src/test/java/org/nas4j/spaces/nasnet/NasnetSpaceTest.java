package org.nas4j.spaces.nasnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;

class NasnetSpaceTest {

    private static final String NASNET_A_LIKE = "N[sep_conv_5x5~1+sep_conv_3x3~0|sep_conv_5x5~0+sep_conv_3x3~0"
            + "|avg_pool_3x3~1+identity~0|avg_pool_3x3~0+avg_pool_3x3~0|sep_conv_3x3~0+identity~0]"
            + "R[sep_conv_5x5~1+sep_conv_7x7~0|max_pool_3x3~1+sep_conv_7x7~0|avg_pool_3x3~1+sep_conv_5x5~0"
            + "|identity~3+avg_pool_3x3~2|sep_conv_3x3~2+max_pool_3x3~1]";

    private final SearchSpace space = NasnetSpace.of("nasnet-test");

    @Test
    void genotypeRoundTrips() {
        Arch arch = space.parse(NASNET_A_LIKE);
        assertEquals(NASNET_A_LIKE, arch.id());
        assertEquals("identity", arch.get("r3.op1"));
        assertEquals("3", arch.get("r3.in1"));
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            Arch a = space.sample(rng);
            assertEquals(a, space.parse(a.id()));
        }
    }

    @Test
    void sizeIsOperationsAndInputsOfEveryBlockOfBothCells() {
        BigInteger perCell = BigInteger.ONE;
        for (int b = 0; b < NasnetSpace.BLOCKS; b++) {
            perCell = perCell.multiply(BigInteger.valueOf(13L * 13 * (b + 2) * (b + 2)));
        }
        assertEquals(perCell.multiply(perCell), space.size());
    }

    /** A proxy may search fewer operations: its space, its supernet's weights and its genotypes shrink with them. */
    @Test
    void aSubsetOfOperationsMakesASmallerSpaceAndSupernet() {
        List<String> three = List.of("identity", "max_pool_3x3", "sep_conv_3x3");
        SearchSpace small = NasnetSpace.of("nasnet-small", three);
        BigInteger perCell = BigInteger.ONE;
        for (int b = 0; b < NasnetSpace.BLOCKS; b++) {
            perCell = perCell.multiply(BigInteger.valueOf(3L * 3 * (b + 2) * (b + 2)));
        }
        assertEquals(perCell.multiply(perCell), small.size());
        String allSep = NASNET_A_LIKE.replaceAll("[a-z_0-9]+~", "sep_conv_3x3~");
        assertEquals(allSep, small.parse(allSep).id());
        InvalidArchException e = assertThrows(InvalidArchException.class, () -> small.parse(NASNET_A_LIKE));
        assertTrue(e.getMessage().contains("sep_conv_5x5"), e.getMessage());
        NasnetConfig full = new NasnetConfig("full", 1, 16, 4, 1, 0f, NasnetSpace.OPS);
        NasnetConfig proxy = new NasnetConfig("proxy", 1, 16, 4, 1, 0f, three);
        // each op slot of each block of each cell holds one operation per choice, identity's and max pool's without weights
        long fullSlotsWeights = new NasnetSupernet(full, 10).getParameters().size();
        long proxyWeights = new NasnetSupernet(proxy, 10).getParameters().size();
        assertTrue(proxyWeights < fullSlotsWeights / 4, proxyWeights + " vs " + fullSlotsWeights);
        assertThrows(IllegalArgumentException.class, () -> new NasnetConfig("bad", 1, 16, 4, 1, 0f, List.of("conv_9x9")));
    }

    @Test
    void rejectsMalformedGenotypesAndInputsFromLaterBlocks() {
        assertThrows(InvalidArchException.class, () -> space.parse("N[identity~0+identity~1]R[identity~0+identity~1]"));
        String laterInput = NASNET_A_LIKE.replace("N[sep_conv_5x5~1", "N[sep_conv_5x5~2");
        InvalidArchException e = assertThrows(InvalidArchException.class, () -> space.parse(laterInput));
        assertTrue(e.getMessage().contains("n0.in1"), e.getMessage());
        assertThrows(InvalidArchException.class, () -> space.parse(NASNET_A_LIKE.replace("sep_conv_5x5", "conv_9x9")));
    }

    @Test
    void concatenatesTheBlocksNoOtherBlockReads() {
        List<NasnetSpace.Block> reduce = NasnetSpace.blocks(space.parse(NASNET_A_LIKE), "r");
        // blocks 0 and 1 (states 2, 3) are read by blocks 3 and 4; blocks 2, 3, 4 are not
        assertEquals(List.of(4, 5, 6), NasnetSpace.unused(reduce));
    }

    /** Every operation keeps the width, and at stride 2 halves the side (odd sides round up). */
    @Test
    void everyOperationKeepsItsShapeOrHalvesIt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(manager, false);
            for (String name : NasnetSpace.OPS) {
                CellOp op = new CellOp(name, 6, true);
                op.initialize(manager, DataType.FLOAT32, new Shape(2, 6, 7, 7));
                for (int stride : new int[] {1, 2}) {
                    op.setStride(stride);
                    long side = stride == 1 ? 7 : 4;
                    NDArray y = op.forward(ps, new NDList(manager.randomNormal(new Shape(2, 6, 7, 7))), true).singletonOrThrow();
                    assertEquals(new Shape(2, 6, side, side), y.getShape(), name + " at stride " + stride);
                    assertEquals(y.getShape(), op.getOutputShapes(new Shape[] {new Shape(2, 6, 7, 7)})[0], name);
                }
            }
            CellOp normalIdentity = new CellOp("identity", 6, false);
            assertThrows(IllegalStateException.class, () -> normalIdentity.setStride(2));
        }
    }
}
