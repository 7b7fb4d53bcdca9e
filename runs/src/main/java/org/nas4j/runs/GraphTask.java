package org.nas4j.runs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.BatchNormRecalibration;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.graph.FeaturedGraph;
import org.nas4j.datasets.graph.GraphData;
import org.nas4j.spaces.serving.GraphModelCard;
import org.nas4j.spaces.serving.ModelExporter;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;
import org.nas4j.spaces.sgnn.GraphBatch;
import org.nas4j.spaces.sgnn.SgnnArch;

/**
 * Graph regression: a value per graph (a substructure count, a molecule's polar surface area). The
 * network learns the target standardized by the training split's mean and deviation; a child's score
 * is its mean absolute error in the target's own units, after its batch norms are recalibrated on
 * training graphs. Lower is better.
 */
public final class GraphTask implements Task {

    /** Graphs per batch of recalibration and evaluation. */
    public static final int EVAL_BATCH = 64;

    private final GraphData data;
    private final double mean;
    private final double scale;

    /** @param data the graphs, split */
    GraphTask(GraphData data) {
        this.data = data;
        double[] t = data.train().stream().mapToDouble(GraphData.Sample::target).toArray();
        mean = Arrays.stream(t).average().orElse(0);
        double variance = Arrays.stream(t).map(x -> (x - mean) * (x - mean)).average().orElse(1);
        scale = variance > 0 ? Math.sqrt(variance) : 1;
    }

    /** @return the graphs, split */
    public GraphData data() {
        return data;
    }

    /** @return the training targets' standard deviation: the unit the network learns in */
    public double scale() {
        return scale;
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public String dataName() {
        return data.name();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s (%d train / %d validation graphs, target mean %.3g, deviation %.3g)", data.name(),
                data.train().size(), data.validation().size(), mean, scale);
    }

    @Override
    public TrainingData trainingData(TrainConfig config) {
        return batches(data.train());
    }

    private TrainingData batches(List<GraphData.Sample> samples) {
        return new TrainingData() {
            @Override
            public int size() {
                return samples.size();
            }

            @Override
            public NDList inputs(NDManager manager, int[] positions, SplittableRandom rng) {
                return GraphBatch.of(manager, Arrays.stream(positions).mapToObj(i -> samples.get(i).graph()).toList());
            }

            @Override
            public NDArray labels(NDManager manager, int[] positions) {
                float[] y = new float[positions.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = (float) ((samples.get(positions[i]).target() - mean) / scale);
                }
                return manager.create(y, new Shape(y.length, 1));
            }
        };
    }

    @Override
    public String scoreName() {
        return "MAE";
    }

    @Override
    public String scoreTitle() {
        return "val MAE";
    }

    /** Searched as an error: lower is better. */
    @Override
    public Objective quality() {
        return Objective.MAE;
    }

    /** A mean absolute error, in the target's units. */
    @Override
    public String formatScore(double score) {
        return String.format(Locale.ROOT, "%.4g", score);
    }

    /**
     * @param net the supernet, its child active
     * @param manager parent of the per-batch managers
     * @param samples the graphs to score
     * @return the active child's mean absolute error, in the target's units
     */
    public double meanAbsoluteError(Supernet net, NDManager manager, List<GraphData.Sample> samples) {
        ParameterStore ps = new ParameterStore(manager, false);
        double total = 0;
        for (int from = 0; from < samples.size(); from += EVAL_BATCH) {
            List<GraphData.Sample> batch = samples.subList(from, Math.min(samples.size(), from + EVAL_BATCH));
            try (NDManager m = manager.newSubManager()) {
                float[] predicted = net.forward(ps, GraphBatch.of(m, batch.stream().map(GraphData.Sample::graph).toList()), false)
                        .singletonOrThrow().toFloatArray();
                for (int i = 0; i < predicted.length; i++) {
                    total += Math.abs(predicted[i] * scale + mean - batch.get(i).target());
                }
            }
        }
        return total / samples.size();
    }

    /**
     * Refills the child's batch-norm statistics from training graphs (a cumulative average).
     *
     * @param net the supernet
     * @param arch the child, left active
     * @param manager parent of the per-batch managers
     * @param graphs how many training graphs
     * @param seed which ones
     */
    public void recalibrate(Supernet net, Arch arch, NDManager manager, int graphs, long seed) {
        int[] order = ImageBatches.shuffled(data.train().size(), Seeds.derive(seed, "recalibration", 0));
        int count = Math.min(graphs, order.length);
        int batches = (count + EVAL_BATCH - 1) / EVAL_BATCH;
        BatchNormRecalibration.recalibrate(net, arch, new ParameterStore(manager, false), manager, batches, (m, i) -> {
            List<FeaturedGraph> batch = IntStream.range(i * EVAL_BATCH, Math.min(count, (i + 1) * EVAL_BATCH))
                    .mapToObj(k -> data.train().get(order[k]).graph()).toList();
            return GraphBatch.of(m, batch);
        });
    }

    @Override
    public ChildScorer scorer(Supernet net, NDManager manager, int recalibrationImages, int items, long seed) {
        List<GraphData.Sample> scored = data.validation().subList(0, Math.min(items, data.validation().size()));
        return arch -> {
            recalibrate(net, arch, manager, recalibrationImages, seed);
            return meanAbsoluteError(net, manager, scored);
        };
    }

    /**
     * Median time of the child's own network (extracted, as it is served) predicting the first
     * {@code latencyBatch} validation graphs in one call, their batch tables built once beforehand.
     */
    @Override
    public double latencyMs(Supernet net, Arch arch, NDManager manager, ChildMeasurer.Settings settings, LatencyTable table)
            throws IOException {
        if (table != null) {
            throw new UserException("latency tables are for image spaces; search a graph run without --latency-table (its"
                    + " children are timed)");
        }
        List<FeaturedGraph> graphs = data.validation().stream().limit(settings.latencyBatch()).map(GraphData.Sample::graph)
                .toList();
        return Timing.of(arch, () -> {
            try (NDManager m = manager.newSubManager()) {
                Block child = net.extract(arch, m);
                ParameterStore ps = new ParameterStore(m, false);
                NDList batch = GraphBatch.of(m, graphs);
                return Latency.measure(x -> child.forward(ps, batch, false), new Shape(1), m, settings.latencyWarmup(),
                        settings.latencyCalls()).medianMs();
            }
        });
    }

    /** LibTorch only: nas4j's ONNX writer has no sparse products or gathers. */
    @Override
    public JsonObject export(Supernet net, NDManager manager, String space, Arch arch, long seed, JsonObject provenance,
            String name, Path target, ServingEngine engine, Set<Format> formats) throws IOException {
        if (engine != ServingEngine.PYTORCH || formats.contains(Format.ONNX)) {
            throw new UserException("graph networks export for --engine pytorch only: nas4j's ONNX writer covers conv, batch-norm,"
                    + " linear and pooling graphs, and has no writer for the sparse sums and gathers of message passing");
        }
        recalibrate(net, arch, manager, Run.RECALIBRATION_IMAGES, seed);
        Cost cost = net.cost(arch);
        JsonObject metrics = new JsonObject();
        metrics.addProperty("validationMae", meanAbsoluteError(net, manager, data.validation()));
        metrics.addProperty("testMae", meanAbsoluteError(net, manager, data.test()));
        metrics.addProperty("swlClass", SgnnArch.of(arch).swlClass().label());
        metrics.addProperty("macs", cost.macs());
        metrics.addProperty("params", cost.params());
        GraphModelCard card = new GraphModelCard(GraphModelCard.FORMAT, name, space, arch.id(), data.name(), data.input(), mean,
                scale);
        ModelExporter.exportForNas4j(net, arch, name, card.toJson(), metrics, provenance, target);
        return metrics;
    }
}
