package org.nas4j.algorithms.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nas4j.core.nn.Mixture;
import org.nas4j.datasets.text.CharVocabulary;
import org.nas4j.datasets.text.WordPair;
import org.nas4j.spaces.transformer.TransformerConfig;
import org.nas4j.spaces.transformer.TransformerSupernet;

class DecodingTest {

    private static final CharVocabulary VOCABULARY = CharVocabulary.of(List.of(new WordPair("abcde", "ABCDE")));

    @Test
    void greedyTakesTheArgmaxOfEveryStepAndBeamOneIsGreedy() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(9);
            TransformerSupernet net = new TransformerSupernet(TransformerConfig.FREEDICT, VOCABULARY.size(), Mixture.NONE);
            net.initialize(m);
            net.activate(net.space().smallest());
            ParameterStore ps = new ParameterStore(m, false);
            Decoding decoding = new Decoding(net, ps, 8);
            NDArray sources = TranslationBatches.sources(m, VOCABULARY, "abc", "edcba");
            int[][] greedy = decoding.greedy(sources, false);
            for (int w = 0; w < 2; w++) {
                // teacher-force the generated word: each token must be the argmax after its prefix
                long[] target = new long[greedy[w].length + 1];
                target[0] = CharVocabulary.BOS;
                for (int t = 0; t < greedy[w].length; t++) {
                    target[t + 1] = greedy[w][t];
                }
                NDArray source = sources.get(w + ":" + (w + 1));
                NDArray logits = net.forward(ps, new NDList(source, m.create(target).reshape(1, -1)), false).singletonOrThrow();
                long[] argmax = logits.argMax(2).toLongArray();
                for (int t = 0; t < greedy[w].length; t++) {
                    assertEquals(greedy[w][t], argmax[t], "word " + w + " step " + t);
                }
                int[] stopped = decoding.greedy(source)[0];
                assertArrayEquals(stopped, decoding.beam(source, 1), "beam width 1 is greedy");
            }
        }
    }
}
