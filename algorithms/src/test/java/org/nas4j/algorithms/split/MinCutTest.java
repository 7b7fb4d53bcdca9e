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
        assertEquals(List.of(0, 2), cut.left());
        assertEquals(List.of(1, 3), cut.right());
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
        assertEquals(List.of(0, 1), cut.left());
        assertEquals(List.of(2, 3, 4), cut.right());
        assertEquals(6 * -0.2, cut.score(), 1e-12);
    }

    @Test
    void rejectsTooFewValues() {
        assertThrows(IllegalArgumentException.class, () -> MinCut.best(new double[][] {{1}}));
    }
}
