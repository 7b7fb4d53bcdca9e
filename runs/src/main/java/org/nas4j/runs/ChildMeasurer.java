package org.nas4j.runs;

import com.google.common.hash.Hashing;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.SearchContext;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.UserException;

/**
 * The real evaluation of a search: BN recalibration on a training subset, accuracy on a validation
 * subset (both sizes fixed per run, so evaluations compare), the analytic MACs and params, and the
 * latency of the served network (extracted, batch norms folded) on this engine and machine, timed
 * or, given a latency table made by {@code nas4j profile}, predicted from its layers (noise-free).
 */
public final class ChildMeasurer implements SearchContext.Evaluator {

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
    public record Settings(int recalibrationImages, int validationImages, int latencyBatch, int latencyWarmup, int latencyCalls,
            int threads, Path latencyTable) {

        /**
         * @return what {@code nas4j search} uses by default: 1,000 recalibration images, 2,000
         *     validation images, latency at batch 1 timed as the median of 30 calls after 5 warm-up
         *     calls on LibTorch's configured threads
         */
        public static Settings defaults() {
            return new Settings(1000, 2000, 1, 5, 30,
                    Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors()), null);
        }

        public JsonObject toJson(String engine) {
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

    private final Run wb;
    private final RunDirectory run;
    private final Settings settings;
    private final Task.ChildScorer scorer;
    private final SplitTree tree;
    private final LatencyTable table;
    private int loadedSub = -1;

    /**
     * @param wb the run's supernet and task
     * @param run its directory (the split tree decides which weights score a child)
     * @param settings what makes evaluations comparable
     */
    public ChildMeasurer(Run wb, RunDirectory run, Settings settings) throws IOException {
        this.wb = wb;
        this.run = run;
        this.settings = settings;
        this.scorer = wb.task().scorer(wb.net(), wb.manager(), settings.recalibrationImages(), settings.validationImages(),
                wb.spec().train().seed());
        this.tree = Files.isRegularFile(run.splitTree()) ? SplitTree.load(run.splitTree()) : null;
        this.table = settings.latencyTable() == null ? null : LatencyTable.load(settings.latencyTable());
        if (table != null && (!table.space().equals(wb.spec().space()) || table.batch() != settings.latencyBatch())) {
            throw new UserException(settings.latencyTable() + " was profiled for " + table.space() + " at batch "
                    + table.batch() + ", not " + wb.spec().space() + " at batch " + settings.latencyBatch()
                    + "; run 'nas4j profile --space " + wb.spec().space() + " --batch " + settings.latencyBatch() + "'");
        }
    }

    @Override
    public Evaluation evaluate(Arch arch) throws IOException {
        long t = System.nanoTime();
        int sub = tree == null ? 0 : tree.leafFor(wb.net().space(), arch).id();
        if (sub != loadedSub) {
            if (tree == null) {
                wb.loadWeights(run);
            } else {
                wb.loadWeights(run.subCheckpoint(sub));
            }
            loadedSub = sub;
        }
        Cost cost = wb.net().cost(arch);
        double score = scorer.score(arch);
        double latency = wb.task().latencyMs(wb.net(), arch, wb.manager(), settings, table);
        return new Evaluation(arch, score, latency, cost.macs(), cost.params(), (System.nanoTime() - t) / 1e9);
    }
}
