package org.nas4j.algorithms.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    private static final double[] TRUTH = {1, 2, 3, 4, 5};
    // pairs (2,3) and (4,5) swapped: 8 concordant, 2 discordant of 10
    private static final double[] ESTIMATE = {1, 3, 2, 5, 4};

    @Test
    void kendallCountsConcordantMinusDiscordantPairs() {
        assertEquals((8 - 2) / 10.0, RankCorrelation.kendallTau(TRUTH, ESTIMATE), 1e-12);
        assertEquals(-1, RankCorrelation.kendallTau(TRUTH, new double[] {5, 4, 3, 2, 1}), 1e-12);
    }

    @Test
    void spearmanIsOneMinusSixSumOfSquaredRankDifferences() {
        // rank differences 0, 1, 1, 1, 1: 1 - 6 * 4 / (5 * (25 - 1))
        assertEquals(1 - 6.0 * 4 / (5 * 24), RankCorrelation.spearmanRho(TRUTH, ESTIMATE), 1e-12);
    }

    @Test
    void topTauLooksOnlyAtTheBestByTruth() {
        double[] truth = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        // perfect order among the worst six, reversed among the best four
        double[] estimate = {1, 2, 3, 4, 5, 6, 10, 9, 8, 7};
        assertEquals(-1, RankCorrelation.topKendallTau(truth, estimate, 0.4), 1e-12);
        assertEquals(1, RankCorrelation.topKendallTau(truth, truth, 0.4), 1e-12);
    }
}
