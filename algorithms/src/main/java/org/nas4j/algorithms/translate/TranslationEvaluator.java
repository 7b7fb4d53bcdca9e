package org.nas4j.algorithms.translate;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.datasets.text.CharVocabulary;
import org.nas4j.datasets.text.WordPair;

/** Scores a translation model (a supernet's active child or a static one) by greedy decoding. */
public final class TranslationEvaluator {

    private final CharVocabulary vocabulary;
    private final int maxLength;
    private final int batchSize;

    /**
     * @param vocabulary the task's characters
     * @param maxLength the longest target, start token included
     * @param batchSize words decoded together
     */
    public TranslationEvaluator(CharVocabulary vocabulary, int maxLength, int batchSize) {
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        this.batchSize = batchSize;
    }

    /**
     * @param model the model
     * @param ps its parameter store
     * @param words the words to translate
     * @param manager parent of the per-batch managers
     * @return the translations, in order
     */
    public List<String> translate(SequenceToSequence model, ParameterStore ps, List<String> words, NDManager manager) {
        Decoding decoding = new Decoding(model, ps, maxLength);
        List<String> out = new ArrayList<>();
        for (int from = 0; from < words.size(); from += batchSize) {
            List<String> batch = words.subList(from, Math.min(words.size(), from + batchSize));
            try (NDManager sm = manager.newSubManager()) {
                for (int[] ids : decoding.greedy(TranslationBatches.sources(sm, vocabulary, batch.toArray(String[]::new)))) {
                    out.add(vocabulary.decode(ids));
                }
            }
        }
        return out;
    }

    /**
     * @param model the model
     * @param ps its parameter store
     * @param pairs words and their references
     * @param manager parent of the per-batch managers
     * @return exact match, character error rate and character BLEU of greedy translations
     */
    public TranslationMetrics score(SequenceToSequence model, ParameterStore ps, List<WordPair> pairs, NDManager manager) {
        List<String> hypotheses = translate(model, ps, pairs.stream().map(WordPair::source).toList(), manager);
        return TranslationMetrics.of(hypotheses, pairs.stream().map(WordPair::target).toList());
    }
}
