package org.nas4j.algorithms.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinCutTest {

    @Test
    void separatesTwoAgreeingPairs() {
        // values 0 and 2 agree, 1 and 3 agree, the pairs disagree
        double[][] s = {
            {1, -0.5, 0.9, -0.4},
            {-0.5, 1, -0.6, 0.8},
            {0.9, -0.6, 1, -0.3},
            {-0.4, 0.8, -0.3, 1}};
        MinCut.Cut cut = MinCut.best(s);
        assertEquals(List.of(0, 2), cut.groups().get(0));
        assertEquals(List.of(1, 3), cut.groups().get(1));
        assertEquals(-0.5 - 0.4 - 0.6 - 0.3, cut.score(), 1e-12);
    }

    @Test
    void oddCountsSplitTwoAgainstThreeAndTheOddOneGoesAlongWithItsFriend() {
        // five operations: {0, 1} agree strongly, {2, 3, 4} agree, the groups disagree
        double[][] s = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                boolean sameGroup = (i < 2) == (j < 2);
                s[i][j] = sameGroup ? 0.9 : -0.2;
            }
        }
        MinCut.Cut cut = MinCut.best(s);
        assertEquals(List.of(0, 1), cut.groups().get(0));
        assertEquals(List.of(2, 3, 4), cut.groups().get(1));
        assertEquals(6 * -0.2, cut.score(), 1e-12);
    }

    @Test
    void fourWaysKeepTheOneAgreeingPairTogether() {
        // five operations, only 1 and 3 agree: four groups of sizes 2, 1, 1, 1 must pair them
        double[][] s = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                s[i][j] = i == j ? 1 : (i + j == 4 && i % 2 == 1) ? 0.8 : -0.1 * (i + j);
            }
        }
        MinCut.Cut cut = MinCut.best(s, 4);
        assertEquals(List.of(List.of(0), List.of(1, 3), List.of(2), List.of(4)), cut.groups());
        assertEquals(9, cut.crossPairs());
        double all = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                all += s[i][j];
            }
        }
        assertEquals(all - 0.8, cut.score(), 1e-12);
    }

    @Test
    void rejectsTooFewValues() {
        assertThrows(IllegalArgumentException.class, () -> MinCut.best(new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> MinCut.best(new double[][] {{1, 0}, {0, 1}}, 3));
    }
}
