package org.nas4j.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.SearchContext;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.core.export.StaticChild;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.Seeds;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.Splits;

/**
 * The real evaluation of a search: BN recalibration on a training subset, accuracy on a validation
 * subset (both sizes fixed per run, so evaluations compare), the analytic MACs and params, and the
 * latency of the served network (extracted, batch norms folded) on this engine and machine.
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
     */
    record Settings(int recalibrationImages, int validationImages, int latencyBatch, int latencyWarmup, int latencyCalls,
            int threads) {

        JsonObject toJson(String engine) {
            JsonObject o = new JsonObject();
            o.addProperty("recalibrationImages", recalibrationImages);
            o.addProperty("validationImages", validationImages);
            o.addProperty("latencyBatch", latencyBatch);
            o.addProperty("latencyWarmup", latencyWarmup);
            o.addProperty("latencyCalls", latencyCalls);
            o.addProperty("threads", threads);
            o.addProperty("engine", engine);
            return o;
        }
    }

    private final Workbench wb;
    private final RunDirectory run;
    private final Settings settings;
    private final ChildEvaluator evaluator;
    private final ImageBatches validation;
    private final SplitTree tree;
    private int loadedSub = -1;

    ChildMeasurer(Workbench wb, RunDirectory run, Settings settings) throws IOException {
        this.wb = wb;
        this.run = run;
        this.settings = settings;
        long seed = wb.spec.train().seed();
        this.evaluator = new ChildEvaluator(wb.net, wb.manager, wb.train(), settings.recalibrationImages(), 200,
                Seeds.derive(seed, "recalibration", 0));
        var full = wb.validation().data();
        this.validation = settings.validationImages() >= full.size() ? wb.validation()
                : new ImageBatches(Splits.carve(full, settings.validationImages(), Seeds.derive(seed, "search-validation", 0))
                        .validation(), wb.data.normalization());
        this.tree = Files.isRegularFile(run.splitTree()) ? SplitTree.load(run.splitTree()) : null;
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
        double accuracy = 100 * evaluator.accuracy(arch, validation, wb.manager);
        Cost cost = wb.net.cost(arch);
        double latency;
        Shape full = wb.net.inputShape(arch);
        Shape input = new Shape(settings.latencyBatch(), full.get(1), full.get(2), full.get(3));
        try (NDManager m = wb.manager.newSubManager()) {
            Block block = StaticChild.build(wb.net, arch, b -> b, input, m);
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
}
