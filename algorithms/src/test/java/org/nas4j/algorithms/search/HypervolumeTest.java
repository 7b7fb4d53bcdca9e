package org.nas4j.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    @Test
    void staircaseInTwoDimensions() {
        // slices along y: [1,2) width 1, [2,3) width 2, [3,4) width 3
        assertEquals(6, Hypervolume.of(List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1}),
                new double[] {4, 4}), 1e-12);
        // a dominated point and one outside the reference add nothing
        assertEquals(6, Hypervolume.of(List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1},
                new double[] {3, 3}, new double[] {0.5, 5}), new double[] {4, 4}), 1e-12);
    }

    @Test
    void overlappingBoxesInThreeDimensions() {
        assertEquals(6, Hypervolume.of(List.of(new double[] {0, 0, 0}), new double[] {1, 2, 3}), 1e-12);
        // 2*2*1 + 1*1*2 - their overlap 1*1*1
        assertEquals(5, Hypervolume.of(List.of(new double[] {0, 0, 1}, new double[] {1, 1, 0}),
                new double[] {2, 2, 2}), 1e-12);
    }
}
