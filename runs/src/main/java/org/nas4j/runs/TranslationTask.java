package org.nas4j.runs;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.algorithms.translate.Decoding;
import org.nas4j.algorithms.translate.TranslationBatches;
import org.nas4j.algorithms.translate.TranslationEvaluator;
import org.nas4j.algorithms.translate.TranslationMetrics;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.text.TranslationData;
import org.nas4j.datasets.text.WordPair;
import org.nas4j.spaces.serving.ModelExporter;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;
import org.nas4j.spaces.serving.TranslatorCard;
import org.nas4j.spaces.transformer.TransformerSupernet;

/**
 * Word translation: word pairs of a dictionary; a child's score is the character BLEU-4 of its
 * greedy translations, its latency that of translating a batch of words token by token.
 */
public final class TranslationTask implements Task {

    private static final int EVAL_BATCH = 200;

    private final TranslationData words;

    /** @param words the dictionary's word pairs, split */
    TranslationTask(TranslationData words) {
        this.words = words;
    }

    /** @return the word pairs, split, and their vocabulary */
    public TranslationData words() {
        return words;
    }

    /**
     * @param net the translation supernet
     * @param manager its manager
     * @param arch a child
     * @param pairs words and their references
     * @return exact match, character error rate and character BLEU of its greedy translations
     */
    public TranslationMetrics metrics(Supernet net, NDManager manager, Arch arch, List<WordPair> pairs) {
        net.activate(arch);
        // a translation supernet's input shape is (1, longest sequence)
        return new TranslationEvaluator(words.vocabulary(), (int) net.inputShape().get(1), EVAL_BATCH)
                .score((SequenceToSequence) net, new ParameterStore(manager, false), pairs, manager);
    }

    @Override
    public int outputs() {
        return words.vocabulary().size();
    }

    @Override
    public String dataName() {
        return words.name();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s (%d train / %d validation word pairs)", words.name(), words.train().size(),
                words.validation().size());
    }

    @Override
    public TrainingData trainingData(TrainConfig config) {
        return new TranslationBatches(words.train(), words.vocabulary());
    }

    @Override
    public String scoreName() {
        return "character BLEU";
    }

    @Override
    public String scoreTitle() {
        return "val BLEU";
    }

    /** Scores the first {@code items} validation words; nothing to recalibrate (layer norm). */
    @Override
    public ChildScorer scorer(Supernet net, NDManager manager, int recalibrationImages, int items, long seed) {
        List<WordPair> pairs = words.validation().subList(0, Math.min(words.validation().size(), items));
        return arch -> 100 * metrics(net, manager, arch, pairs).bleu();
    }

    /**
     * Median time of the served child translating the first {@code latencyBatch} validation words,
     * always {@value TransformerSupernet#COST_LENGTH} greedy steps (a child that ends words early
     * is not timed as faster for it).
     */
    @Override
    public double latencyMs(Supernet net, Arch arch, NDManager manager, ChildMeasurer.Settings settings, LatencyTable table)
            throws IOException {
        if (table != null) {
            throw new UserException("latency tables are for image spaces; search a translation run without --latency-table"
                    + " (its children are timed)");
        }
        String[] sources = words.validation().stream().limit(settings.latencyBatch()).map(WordPair::source)
                .toArray(String[]::new);
        return Timing.of(arch, () -> {
            try (NDManager m = manager.newSubManager()) {
                Block child = net.extract(arch, m);
                Decoding decoding = new Decoding((SequenceToSequence) child, new ParameterStore(m, false),
                        TransformerSupernet.COST_LENGTH + 1);
                return Latency.measure(x -> {
                    int[][] ids = decoding.greedy(TranslationBatches.sources(x.head().getManager(), words.vocabulary(),
                            sources), false);
                    // Latency reads the output back as floats: the first word's ids will do
                    return new NDList(x.head().getManager().create(ids[0]).toType(DataType.FLOAT32, false));
                }, new Shape(sources.length, 1), m, settings.latencyWarmup(), settings.latencyCalls()).medianMs();
            }
        });
    }

    /** LibTorch only: ONNX has no writer for attention, layer norm or the decoding loop here. */
    @Override
    public JsonObject export(Supernet net, NDManager manager, String space, Arch arch, long seed, JsonObject provenance,
            String name, Path target, ServingEngine engine, Set<Format> formats) throws IOException {
        if (engine != ServingEngine.PYTORCH || formats.contains(Format.ONNX)) {
            throw new UserException("translation models export for --engine pytorch only: nas4j's ONNX writer covers"
                    + " conv, batch-norm, linear and pooling graphs, and has no writer for the Transformer's attention"
                    + " (batched MatMul over masked Softmax) or LayerNormalization, nor for the token-by-token decoding loop");
        }
        Cost cost = net.cost(arch);
        JsonObject metrics = new JsonObject();
        String[] splits = {"validation", "test"};
        TranslationMetrics[] scores = {metrics(net, manager, arch, words.validation()), metrics(net, manager, arch, words.test())};
        for (int i = 0; i < splits.length; i++) {
            metrics.addProperty(splits[i] + "ExactMatch", 100 * scores[i].exactMatch());
            metrics.addProperty(splits[i] + "CharacterErrorRate", 100 * scores[i].characterErrorRate());
            metrics.addProperty(splits[i] + "CharacterBleu", 100 * scores[i].bleu());
        }
        metrics.addProperty("macs", cost.macs());
        metrics.addProperty("params", cost.params());
        TranslatorCard card = new TranslatorCard(TranslatorCard.FORMAT, name, space, arch.id(), words.vocabulary().toString());
        ModelExporter.exportForNas4j(net, arch, name, card.toJson(), metrics, provenance, target);
        return metrics;
    }
}
