package org.nas4j.algorithms.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.datasets.text.CharVocabulary;
import org.nas4j.datasets.text.WordPair;

/**
 * Word pairs as teacher-forced batches: source ids (each word then its end token, padded), the
 * target shifted right behind a start token, and as labels the target then its end token, {@code
 * -1} on padding.
 */
public final class TranslationBatches implements TrainingData {

    private final List<WordPair> pairs;
    private final CharVocabulary vocabulary;

    /**
     * @param pairs the examples
     * @param vocabulary their characters
     */
    public TranslationBatches(List<WordPair> pairs, CharVocabulary vocabulary) {
        this.pairs = pairs;
        this.vocabulary = vocabulary;
    }

    /** @return the examples */
    public List<WordPair> pairs() {
        return pairs;
    }

    @Override
    public int size() {
        return pairs.size();
    }

    @Override
    public NDList inputs(NDManager manager, int[] positions, SplittableRandom rng) {
        int[][] targets = new int[positions.length][];
        String[] sources = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            sources[i] = pairs.get(positions[i]).source();
            int[] t = vocabulary.encode(pairs.get(positions[i]).target());
            targets[i] = new int[t.length];
            targets[i][0] = CharVocabulary.BOS;
            System.arraycopy(t, 0, targets[i], 1, t.length - 1);
        }
        return new NDList(sources(manager, vocabulary, sources), padded(manager, targets, CharVocabulary.PAD));
    }

    @Override
    public NDArray labels(NDManager manager, int[] positions) {
        int[][] targets = new int[positions.length][];
        for (int i = 0; i < positions.length; i++) {
            targets[i] = vocabulary.encode(pairs.get(positions[i]).target());
        }
        return padded(manager, targets, -1);
    }

    /**
     * @param manager where the ids live
     * @param vocabulary the characters
     * @param words source words
     * @return their ids, each followed by the end token, padded: {@code (N, longest + 1)} int64
     */
    public static NDArray sources(NDManager manager, CharVocabulary vocabulary, String... words) {
        int[][] ids = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            ids[i] = vocabulary.encode(words[i]);
        }
        return padded(manager, ids, CharVocabulary.PAD);
    }

    private static NDArray padded(NDManager manager, int[][] rows, long pad) {
        int width = 0;
        for (int[] r : rows) {
            width = Math.max(width, r.length);
        }
        long[] out = new long[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                out[i * width + j] = j < rows[i].length ? rows[i][j] : pad;
            }
        }
        return manager.create(out, new Shape(rows.length, width));
    }
}
