package org.nas4j.cli;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.algorithms.translate.Decoding;
import org.nas4j.algorithms.translate.TranslationBatches;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.text.CharVocabulary;
import org.nas4j.spaces.serving.TranslatorCard;
import org.nas4j.spaces.transformer.TransformerModel;

/** An exported word translator loaded from its model directory: DJL's Model with the card's network. */
final class WordTranslator implements AutoCloseable {

    private final Model model;
    private final CharVocabulary vocabulary;
    private final int maxLength;

    private WordTranslator(Model model, CharVocabulary vocabulary, int maxLength) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
    }

    /**
     * @param dir a translator's model directory
     * @return the translator
     * @throws UserException if a file is missing or corrupt
     */
    static WordTranslator open(Path dir) {
        TranslatorCard card = TranslatorCard.read(dir);
        Model model = SavedNetwork.load(dir, card.name(), card.structure(), "translator");
        return new WordTranslator(model, CharVocabulary.parse(card.vocabulary()), ((TransformerModel) model.getBlock()).maxLength());
    }

    /**
     * @param words words to translate
     * @param beam beams kept; 1 is greedy decoding
     * @return their translations, in order
     */
    List<String> translate(List<String> words, int beam) {
        List<String> out = new ArrayList<>();
        Decoding decoding = new Decoding((SequenceToSequence) model.getBlock(), new ParameterStore(model.getNDManager(), false),
                maxLength);
        for (String word : words) {
            if (word.codePointCount(0, word.length()) + 1 > maxLength) {
                throw new UserException("'" + word + "' is longer than the " + (maxLength - 1) + " characters the model reads");
            }
            try (NDManager m = model.getNDManager().newSubManager()) {
                var source = TranslationBatches.sources(m, vocabulary, word);
                out.add(vocabulary.decode(beam == 1 ? decoding.greedy(source)[0] : decoding.beam(source, beam)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
