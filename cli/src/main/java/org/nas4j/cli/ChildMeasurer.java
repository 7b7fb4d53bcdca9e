package org.nas4j.cli;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.common.hash.Hashing;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.SearchContext;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.translate.Decoding;
import org.nas4j.algorithms.translate.TranslationBatches;
import org.nas4j.core.export.StaticChild;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.Splits;
import org.nas4j.datasets.text.WordPair;
import org.nas4j.spaces.transformer.TransformerSupernet;

/**
 * The real evaluation of a search: BN recalibration on a training subset, accuracy on a validation
 * subset (both sizes fixed per run, so evaluations compare), the analytic MACs and params, and the
 * latency of the served network (extracted, batch norms folded) on this engine and machine, timed
 * or, given a latency table made by {@code nas4j profile}, predicted from its layers (noise-free).
 */
final class ChildMeasurer implements SearchContext.Evaluator {

    /**
     * What makes two evaluations comparable; an archive is only reused under equal settings.
     *
     * @param recalibrationImages training images for BN statistics
     * @param validationImages validation images scored
     * @param latencyBatch images per timed call
     * @param latencyWarmup untimed calls first
     * @param latencyCalls timed calls (their median is the latency)
     * @param threads LibTorch's intra-op threads
     * @param latencyTable a latency table to predict latency from instead of timing, or null
     */
    record Settings(int recalibrationImages, int validationImages, int latencyBatch, int latencyWarmup, int latencyCalls,
            int threads, Path latencyTable) {

        JsonObject toJson(String engine) {
            JsonObject o = new JsonObject();
            o.addProperty("recalibrationImages", recalibrationImages);
            o.addProperty("validationImages", validationImages);
            o.addProperty("latencyBatch", latencyBatch);
            o.addProperty("latencyWarmup", latencyWarmup);
            o.addProperty("latencyCalls", latencyCalls);
            o.addProperty("threads", threads);
            o.addProperty("engine", engine);
            if (latencyTable != null) { // absent: timed
                try {
                    o.addProperty("latencyTable", latencyTable.toAbsolutePath() + " (murmur3 "
                            + Hashing.murmur3_32_fixed().hashBytes(Files.readAllBytes(latencyTable)) + ")");
                } catch (IOException e) {
                    throw new UserException("cannot read the latency table " + latencyTable + ": " + e.getMessage());
                }
            }
            return o;
        }
    }

    private final Workbench wb;
    private final RunDirectory run;
    private final Settings settings;
    private final ChildEvaluator evaluator;
    private final ImageBatches validation;
    private final SplitTree tree;
    private final LatencyTable table;
    private int loadedSub = -1;

    ChildMeasurer(Workbench wb, RunDirectory run, Settings settings) throws IOException {
        this.wb = wb;
        this.run = run;
        this.settings = settings;
        long seed = wb.spec.train().seed();
        if (wb.translates()) {
            this.evaluator = null;
            this.validation = null;
        } else {
            this.evaluator = new ChildEvaluator(wb.net, wb.manager, wb.train(), settings.recalibrationImages(), 200,
                    Seeds.derive(seed, "recalibration", 0));
            var full = wb.validation().data();
            this.validation = settings.validationImages() >= full.size() ? wb.validation()
                    : new ImageBatches(Splits.carve(full, settings.validationImages(), Seeds.derive(seed, "search-validation", 0))
                            .validation(), wb.data.normalization());
        }
        this.tree = Files.isRegularFile(run.splitTree()) ? SplitTree.load(run.splitTree()) : null;
        this.table = settings.latencyTable() == null ? null : LatencyTable.load(settings.latencyTable());
        if (table != null && wb.translates()) {
            throw new UserException("latency tables are for image spaces; search a translation run without --latency-table"
                    + " (its children are timed)");
        }
        if (table != null && (!table.space().equals(wb.spec.space()) || table.batch() != settings.latencyBatch())) {
            throw new UserException(settings.latencyTable() + " was profiled for " + table.space() + " at batch "
                    + table.batch() + ", not " + wb.spec.space() + " at batch " + settings.latencyBatch()
                    + "; run 'nas4j profile --space " + wb.spec.space() + " --batch " + settings.latencyBatch() + "'");
        }
    }

    @Override
    public Evaluation evaluate(Arch arch) throws IOException {
        long t = System.nanoTime();
        int sub = tree == null ? 0 : tree.leafFor(wb.net.space(), arch).id();
        if (sub != loadedSub) {
            if (tree == null) {
                wb.loadWeights(run);
            } else {
                wb.loadWeights(run.subCheckpoint(sub));
            }
            loadedSub = sub;
        }
        Cost cost = wb.net.cost(arch);
        if (wb.translates()) {
            double bleu = translationScore(arch);
            return new Evaluation(arch, bleu, translationLatency(arch), cost.macs(), cost.params(), (System.nanoTime() - t) / 1e9);
        }
        double accuracy = 100 * evaluator.accuracy(arch, validation, wb.manager);
        double latency;
        Shape full = wb.net.inputShape(arch);
        Shape input = new Shape(settings.latencyBatch(), full.get(1), full.get(2), full.get(3));
        try (NDManager m = wb.manager.newSubManager()) {
            Block block = StaticChild.build(wb.net, arch, b -> b, input, m);
            if (table != null) {
                return new Evaluation(arch, accuracy, table.predict(block, input), cost.macs(), cost.params(),
                        (System.nanoTime() - t) / 1e9);
            }
            ParameterStore ps = new ParameterStore(m, false);
            latency = Latency.measure(x -> block.forward(ps, x, false), input, m, settings.latencyWarmup(),
                    settings.latencyCalls()).medianMs();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("timing " + arch.id() + " failed: " + e.getMessage(), e);
        }
        return new Evaluation(arch, accuracy, latency, cost.macs(), cost.params(), (System.nanoTime() - t) / 1e9);
    }

    /** Character BLEU (in %) of the child's greedy translations of the first validation words. */
    private double translationScore(Arch arch) {
        List<WordPair> pairs = wb.words.validation();
        return 100 * wb.translationMetrics(arch, pairs.subList(0, Math.min(pairs.size(), settings.validationImages()))).bleu();
    }

    /**
     * Median time of the served child translating the first {@code latencyBatch} validation words,
     * always {@value TransformerSupernet#COST_LENGTH} greedy steps (a child that ends words early
     * is not timed as faster for it).
     */
    private double translationLatency(Arch arch) throws IOException {
        String[] words = wb.words.validation().stream().limit(settings.latencyBatch()).map(WordPair::source)
                .toArray(String[]::new);
        try (NDManager m = wb.manager.newSubManager()) {
            Block child = wb.net.extract(arch, m);
            Decoding decoding = new Decoding((SequenceToSequence) child, new ParameterStore(m, false),
                    TransformerSupernet.COST_LENGTH + 1);
            return Latency.measure(x -> {
                int[][] ids = decoding.greedy(TranslationBatches.sources(x.head().getManager(), wb.words.vocabulary(), words), false);
                // Latency reads the output back as floats: the first word's ids will do
                return new NDList(x.head().getManager().create(ids[0]).toType(DataType.FLOAT32, false));
            }, new Shape(words.length, 1), m, settings.latencyWarmup(), settings.latencyCalls()).medianMs();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("timing " + arch.id() + " failed: " + e.getMessage(), e);
        }
    }
}
