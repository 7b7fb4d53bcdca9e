package org.nas4j.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingFiguresTest {

    /**
     * An estimator that could not score every arch (NaN, or an overflow to +inf) is left out by name
     * instead of failing the figures; minus infinity ranks last and is kept.
     */
    @Test
    void estimatorsWithoutAScoreForEveryArchAreLeftOutByName() {
        Map<String, Estimator> all = new LinkedHashMap<>();
        all.put("params", new Estimator("params", -1, new double[] {1, 2, 3}));
        all.put("synflow", new Estimator("synflow", -1, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY}));
        all.put("run acc", new Estimator("run acc", 5, new double[] {3, 1, 2}));
        all.put("naswot", new Estimator("naswot", -1, new double[] {Double.NEGATIVE_INFINITY, 4, 5}));
        List<String> left = RankingFigures.dropUnscored(all);
        assertEquals(List.of("synflow: left out, no score for 2 of 3 archs"), left);
        assertEquals(List.of("params", "run acc", "naswot"), List.copyOf(all.keySet()));
    }
}
