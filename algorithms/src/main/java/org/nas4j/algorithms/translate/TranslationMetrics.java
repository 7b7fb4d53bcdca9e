package org.nas4j.algorithms.translate;

import com.google.common.base.Preconditions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-translation quality: exact-match accuracy, character error rate (edit distance over
 * reference length, summed over the corpus) and corpus BLEU-4 over characters (each character a
 * token, clipped n-gram precisions, brevity penalty).
 *
 * @param exactMatch fraction of words translated exactly
 * @param characterErrorRate character edits per reference character (0 is perfect)
 * @param bleu character BLEU-4 in [0, 1]
 */
public record TranslationMetrics(double exactMatch, double characterErrorRate, double bleu) {

    private static final int MAX_ORDER = 4;

    /**
     * @param hypotheses the model's words
     * @param references the reference words, in the same order
     * @return the three metrics
     */
    public static TranslationMetrics of(List<String> hypotheses, List<String> references) {
        Preconditions.checkArgument(hypotheses.size() == references.size() && !references.isEmpty(),
                "need as many hypotheses as references, at least one");
        int exact = 0;
        long edits = 0;
        long referenceChars = 0;
        long hypothesisChars = 0;
        long[] matches = new long[MAX_ORDER];
        long[] totals = new long[MAX_ORDER];
        for (int i = 0; i < references.size(); i++) {
            int[] h = hypotheses.get(i).codePoints().toArray();
            int[] r = references.get(i).codePoints().toArray();
            exact += java.util.Arrays.equals(h, r) ? 1 : 0;
            edits += editDistance(h, r);
            referenceChars += r.length;
            hypothesisChars += h.length;
            for (int n = 1; n <= MAX_ORDER; n++) {
                Map<String, Integer> ref = ngrams(r, n);
                for (Map.Entry<String, Integer> e : ngrams(h, n).entrySet()) {
                    matches[n - 1] += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
                }
                totals[n - 1] += Math.max(0, h.length - n + 1);
            }
        }
        double logPrecision = 0;
        for (int n = 0; n < MAX_ORDER; n++) {
            if (matches[n] == 0) {
                logPrecision = Double.NEGATIVE_INFINITY;
                break;
            }
            logPrecision += Math.log(matches[n] / (double) totals[n]) / MAX_ORDER;
        }
        double brevity = hypothesisChars >= referenceChars ? 1 : Math.exp(1 - referenceChars / (double) Math.max(1, hypothesisChars));
        return new TranslationMetrics(exact / (double) references.size(), edits / (double) Math.max(1, referenceChars),
                brevity * Math.exp(logPrecision));
    }

    private static Map<String, Integer> ngrams(int[] s, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= s.length; i++) {
            counts.merge(new String(s, i, n), 1, Integer::sum);
        }
        return counts;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
    static int editDistance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length];
    }
}
