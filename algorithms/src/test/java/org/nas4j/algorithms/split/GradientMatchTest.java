package org.nas4j.algorithms.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.algorithms.split.GradientMatch.Gradient;

class GradientMatchTest {

    private static final List<Gradient> G = List.of(
            new Gradient(new long[] {2, 2}, new float[] {1, -2, 3, 0.5f}),
            new Gradient(new long[] {3}, new float[] {0.25f, -1, 4}));

    private static List<Gradient> scaled(float factor) {
        return G.stream().map(g -> {
            float[] v = g.values().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] *= factor;
            }
            return new Gradient(g.shape(), v);
        }).toList();
    }

    @Test
    void cosineIsOneForIdenticalAndMinusOneForOppositeGradients() {
        assertEquals(1, GradientMatch.COSINE.score(G, G), 1e-9);
        assertEquals(1, GradientMatch.COSINE.score(G, scaled(3)), 1e-9, "cosine ignores scale");
        assertEquals(-1, GradientMatch.COSINE.score(G, scaled(-1)), 1e-9);
        assertEquals(1, GradientMatch.PER_FILTER_COSINE.score(G, scaled(2)), 1e-9);
        assertEquals(-1, GradientMatch.PER_FILTER_COSINE.score(G, scaled(-0.5f)), 1e-9);
    }

    @Test
    void perFilterCosineLeavesVectorsOutAndAveragesRows() {
        // same matrix, opposite vector: only the flattened cosine sees the vector
        List<Gradient> flipped = List.of(G.get(0), new Gradient(new long[] {3}, new float[] {-0.25f, 1, -4}));
        assertEquals(1, GradientMatch.PER_FILTER_COSINE.score(G, flipped), 1e-9);
        double dot = 1 + 4 + 9 + 0.25 - (0.0625 + 1 + 16);
        double norm = 1 + 4 + 9 + 0.25 + 0.0625 + 1 + 16;
        assertEquals(dot / norm, GradientMatch.COSINE.score(G, flipped), 1e-6);
        // rows (1, -2) and (3, 0.5) against (1, -2) and (-3, -0.5): cosines 1 and -1
        List<Gradient> rowFlipped = List.of(new Gradient(new long[] {2, 2}, new float[] {1, -2, -3, -0.5f}), G.get(1));
        assertEquals(0, GradientMatch.PER_FILTER_COSINE.score(G, rowFlipped), 1e-9);
    }

    @Test
    void orthogonalGradientsScoreZeroAndMseMeasuresDistance() {
        List<Gradient> a = List.of(new Gradient(new long[] {2}, new float[] {1, 0}));
        List<Gradient> b = List.of(new Gradient(new long[] {2}, new float[] {0, 3}));
        assertEquals(0, GradientMatch.COSINE.score(a, b), 1e-12);
        assertEquals(0, GradientMatch.NEGATIVE_MSE.score(G, G), 1e-12);
        assertEquals(-(1 + 9) / 2.0, GradientMatch.NEGATIVE_MSE.score(a, b), 1e-12);
    }
}
