package org.nas4j.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    /** depth d ∈ {1,2}; op of block 1 always, of block 2 only when d ≥ 2; width w ∈ {8,16,32}. */
    private static final SearchSpace SPACE =
            new SearchSpace(
                    "toy",
                    List.of(
                            Dimension.integer("d", 1, 2),
                            Dimension.categorical("b1.op", "conv", "pool", "skip"),
                            Dimension.categorical("b2.op", "conv", "pool", "skip").activeWhen("d", 2),
                            Dimension.integer("w", 8, 16, 32)),
                    ArchNotation.KEY_VALUE);

    @Test
    void sizeCountsDistinctCanonicalArchs() {
        // (d=1: 3 ops + d=2: 3*3 ops) * 3 widths
        assertEquals(BigInteger.valueOf((3 + 9) * 3), SPACE.size());
        Set<Arch> seen = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 3000; i++) {
            seen.add(SPACE.sample(rng));
        }
        assertEquals(36, seen.size(), "sampling reaches exactly the canonical archs");
    }

    @Test
    void inactiveDimensionsAreCanonical() {
        Arch a = SPACE.of(Map.of("d", "1", "b1.op", "pool", "b2.op", "skip", "w", "16"));
        Arch b = SPACE.of(Map.of("d", "1", "b1.op", "pool", "w", "16"));
        assertEquals(a, b);
        assertEquals(a.id(), b.id());
        assertEquals("conv", a.get("b2.op"));
        assertEquals("d=1,b1.op=pool,w=16", a.id());
    }

    @Test
    void stringAndJsonRoundTrip() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 50; i++) {
            Arch a = SPACE.sample(rng);
            assertEquals(a, SPACE.parse(a.id()));
            assertEquals(a, SPACE.fromJson(SPACE.toJson(a)));
            assertTrue(SPACE.contains(a));
        }
    }

    @Test
    void archsOutsideTheSpaceAreRejectedWithTheReason() {
        InvalidArchException e = assertThrows(InvalidArchException.class, () -> SPACE.parse("d=1,b1.op=conv,w=12"));
        assertTrue(e.getMessage().contains("w=12") && e.getMessage().contains("[8, 16, 32]"), e.getMessage());
        assertThrows(InvalidArchException.class, () -> SPACE.parse("d=3,b1.op=conv,w=8"));
        assertThrows(InvalidArchException.class, () -> SPACE.parse("d=1,b1.op=conv"));
        assertThrows(InvalidArchException.class, () -> SPACE.parse("d=1,b1.op=conv,w=8,x=1"));
        assertThrows(InvalidArchException.class, () -> SPACE.parse("garbage"));
    }

    @Test
    void restrictedSubSpaceFixesAndNarrows() {
        SearchSpace sub = SPACE.restrict(Map.of("b1.op", List.of("conv"), "w", List.of("16", "32")));
        assertEquals(BigInteger.valueOf((1 + 3) * 2), sub.size());
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            Arch a = sub.sample(rng);
            assertEquals("conv", a.get("b1.op"));
            assertTrue(SPACE.contains(a), "a sub-space arch is an arch of the parent");
            assertEquals(a.id(), SPACE.parse(a.id()).id());
        }
        assertFalse(sub.contains(SPACE.smallest()));
        assertEquals("8", SPACE.smallest().get("w"));
        assertEquals("32", sub.largest().get("w"));
    }

    @Test
    void mutateAndCrossoverStayInTheSpace() {
        SplittableRandom rng = new SplittableRandom(4);
        Arch a = SPACE.sample(rng);
        Arch b = SPACE.sample(rng);
        int changed = 0;
        for (int i = 0; i < 200; i++) {
            Arch m = SPACE.mutate(a, rng, 0.5);
            assertTrue(SPACE.contains(m));
            changed += m.equals(a) ? 0 : 1;
            Arch c = SPACE.crossover(a, b, rng);
            for (String dim : List.of("d", "b1.op", "w")) {
                assertTrue(c.get(dim).equals(a.get(dim)) || c.get(dim).equals(b.get(dim)));
            }
        }
        assertTrue(changed > 50, "mutation changes archs: " + changed);
        assertEquals(a, SPACE.mutate(a, rng, 0.0));
    }

    @Test
    void encodingIsOrdinalForIntegersOneHotForCategories() {
        Arch a = SPACE.of(Map.of("d", "2", "b1.op", "pool", "b2.op", "skip", "w", "16"));
        // d, b1.op (3), b2.op (3), w
        float[] expected = {1f, 0, 1, 0, 0, 0, 1, 0.5f};
        float[] f = SPACE.encode(a);
        assertEquals(SPACE.encodingLength(), f.length);
        for (int i = 0; i < f.length; i++) {
            assertEquals(expected[i], f[i], 1e-6, "feature " + i);
        }
        Arch shallow = SPACE.of(Map.of("d", "1", "b1.op", "pool", "w", "16"));
        assertEquals(0f, SPACE.encode(shallow)[4] + SPACE.encode(shallow)[5] + SPACE.encode(shallow)[6]);
        assertNotEquals(SPACE.encode(a)[0], SPACE.encode(shallow)[0]);
    }
}
