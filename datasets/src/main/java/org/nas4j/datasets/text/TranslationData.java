package org.nas4j.datasets.text;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.nas4j.datasets.DataFormatException;

/**
 * A word-translation task split into training, validation and test pairs. The split does not depend
 * on any run's seed: every run of the task sees the same test words.
 *
 * @param name the task's name
 * @param train training pairs
 * @param validation validation pairs (search scores children on them)
 * @param test test pairs, for final figures only
 * @param vocabulary the characters of all pairs
 */
public record TranslationData(
        String name, List<WordPair> train, List<WordPair> validation, List<WordPair> test, CharVocabulary vocabulary) {

    private static final long SPLIT_SEED = 20_221_415L;

    /**
     * @param name the task's name
     * @param pairs all pairs
     * @param validation pairs held out for validation
     * @param test pairs held out for testing
     * @return the split, in a seeded shuffle of the pairs sorted by source word
     * @throws DataFormatException if the held-out sets leave no training pairs
     */
    public static TranslationData split(String name, List<WordPair> pairs, int validation, int test) {
        Preconditions.checkArgument(validation >= 0 && test >= 0, "negative split sizes");
        if (validation + test >= pairs.size()) {
            throw new DataFormatException(name + " has " + pairs.size() + " word pairs: too few to hold out "
                    + validation + " for validation and " + test + " for test");
        }
        List<WordPair> order = new ArrayList<>(pairs);
        order.sort(Comparator.comparing(WordPair::source).thenComparing(WordPair::target));
        SplittableRandom rng = new SplittableRandom(SPLIT_SEED);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            WordPair t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return new TranslationData(name, List.copyOf(order.subList(test + validation, order.size())),
                List.copyOf(order.subList(test, test + validation)), List.copyOf(order.subList(0, test)),
                CharVocabulary.of(order));
    }
}
