package org.nas4j.algorithms.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nas4j.algorithms.train.NesterovSgd;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingStep;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.train.StepPlan;
import org.nas4j.datasets.text.CharVocabulary;
import org.nas4j.datasets.text.WordPair;
import org.nas4j.spaces.transformer.TransformerConfig;
import org.nas4j.spaces.transformer.TransformerSupernet;

class TranslationBatchesTest {

    private static final List<WordPair> PAIRS = List.of(new WordPair("ab", "Xyz"), new WordPair("abba", "Y"));
    private static final CharVocabulary VOCABULARY = CharVocabulary.of(PAIRS);

    @Test
    void targetsAreShiftedBehindTheStartTokenAndPaddingHasNoLabel() {
        try (NDManager m = NDManager.newBaseManager()) {
            TranslationBatches batches = new TranslationBatches(PAIRS, VOCABULARY);
            NDList in = batches.inputs(m, new int[] {0, 1}, new SplittableRandom(0));
            int eos = CharVocabulary.EOS;
            int[] ab = VOCABULARY.encode("ab");
            assertArrayEquals(new long[] {ab[0], ab[1], eos, 0, 0, ab[0], ab[1], ab[1], ab[0], eos}, in.get(0).toLongArray());
            int[] xyz = VOCABULARY.encode("Xyz");
            int y = VOCABULARY.encode("Y")[0];
            assertArrayEquals(new long[] {CharVocabulary.BOS, xyz[0], xyz[1], xyz[2], CharVocabulary.BOS, y, 0, 0},
                    in.get(1).toLongArray());
            assertArrayEquals(new long[] {xyz[0], xyz[1], xyz[2], eos, y, eos, -1, -1},
                    batches.labels(m, new int[] {0, 1}).toLongArray());
        }
    }

    @Test
    void theSequenceLossAveragesOverLabelledTokensOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(2);
            TransformerSupernet net = new TransformerSupernet(TransformerConfig.FREEDICT, VOCABULARY.size(), Mixture.NONE);
            net.initialize(m);
            net.activate(net.space().smallest());
            ParameterStore ps = new ParameterStore(m, false);
            TranslationBatches batches = new TranslationBatches(PAIRS, VOCABULARY);
            int[] both = {0, 1};
            NDList x = batches.inputs(m, both, null);
            NDArray labels = batches.labels(m, both);
            float[] logProbabilities = net.forward(ps, x, false).singletonOrThrow().logSoftmax(2).toFloatArray();
            long[] y = labels.toLongArray();
            int vocabulary = VOCABULARY.size();
            double sum = 0;
            int counted = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] >= 0) {
                    sum -= logProbabilities[i * vocabulary + (int) y[i]];
                    counted++;
                }
            }
            assertEquals(6, counted);
            TrainConfig c = TrainConfig.defaults("uniform", 1);
            TrainingStep step = new TrainingStep(net, ps, new NesterovSgd(net.getParameters(), m.newSubManager(), c), 0f);
            try (NDManager sm = m.newSubManager()) {
                NDList xs = batches.inputs(sm, both, null);
                float loss = step.run(xs, batches.labels(sm, both), new StepPlan(List.of(net.space().smallest()), false), 0.01)
                        .loss();
                assertEquals(sum / counted, loss, 1e-5);
            }
        }
    }
}
