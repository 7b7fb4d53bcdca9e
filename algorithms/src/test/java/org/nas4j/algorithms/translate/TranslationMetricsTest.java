package org.nas4j.algorithms.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationMetricsTest {

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(3, TranslationMetrics.editDistance("kitten".codePoints().toArray(), "sitting".codePoints().toArray()));
        assertEquals(4, TranslationMetrics.editDistance(new int[0], "Haus".codePoints().toArray()));
        assertEquals(1, TranslationMetrics.editDistance("Strase".codePoints().toArray(), "Straße".codePoints().toArray()));
    }

    @Test
    void perfectTranslationsScoreOneAndErrorsCount() {
        TranslationMetrics perfect = TranslationMetrics.of(List.of("Haus", "Hund"), List.of("Haus", "Hund"));
        assertEquals(1.0, perfect.exactMatch());
        assertEquals(0.0, perfect.characterErrorRate());
        assertEquals(1.0, perfect.bleu(), 1e-12);

        TranslationMetrics m = TranslationMetrics.of(List.of("Haus", "Hunde"), List.of("Haus", "Hund"));
        assertEquals(0.5, m.exactMatch());
        assertEquals(1 / 8.0, m.characterErrorRate(), 1e-12); // one insertion over 8 reference characters
        // 1-grams 8/9, 2-grams 6/7, 3-grams 4/5, 4-grams 2/3 matched; no brevity penalty (9 >= 8)
        double expected = Math.exp((Math.log(8 / 9.0) + Math.log(6 / 7.0) + Math.log(4 / 5.0) + Math.log(2 / 3.0)) / 4);
        assertEquals(expected, m.bleu(), 1e-12);
    }

    @Test
    void shortHypothesesPayTheBrevityPenalty() {
        TranslationMetrics m = TranslationMetrics.of(List.of("Haus"), List.of("Hausen"));
        assertEquals(Math.exp(1 - 6 / 4.0), m.bleu(), 1e-12);
    }
}
