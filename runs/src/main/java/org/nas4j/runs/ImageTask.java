package org.nas4j.runs;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.core.export.StaticChild;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.LabelledData;
import org.nas4j.datasets.Normalization;
import org.nas4j.datasets.Splits;
import org.nas4j.spaces.serving.ModelCard;
import org.nas4j.spaces.serving.ModelExporter;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;

/**
 * Image classification: labelled images, whose training split is carved once into the images a
 * supernet trains on and the validation images every run of the data is scored on; a child's score
 * is its top-1 accuracy after BN recalibration, its latency that of the served network (batch norms
 * folded).
 */
public final class ImageTask implements Task {

    /** Images per batch of recalibration and evaluation. */
    private static final int EVAL_BATCH = 200;

    private final LabelledData data;
    private final Splits.TrainValidation split;

    /**
     * @param data the labelled images
     * @param split its training split's parts
     */
    ImageTask(LabelledData data, Splits.TrainValidation split) {
        this.data = data;
        this.split = split;
    }

    /** @return the labelled images, test split included */
    public LabelledData data() {
        return data;
    }

    /** @return the images supernets train on */
    public ImageBatches train() {
        return new ImageBatches(split.train(), data.normalization());
    }

    /** @return the held-out images every run of this data is scored on */
    public ImageBatches validation() {
        return new ImageBatches(split.validation(), data.normalization());
    }

    /** @return the test images */
    public ImageBatches test() {
        return new ImageBatches(data.test(), data.normalization());
    }

    /**
     * @param net the supernet
     * @param manager its manager
     * @param recalibrationImages training images for each child's BN statistics
     * @param seed the run's seed: which training images
     * @return an evaluator of the supernet's children
     */
    public ChildEvaluator evaluator(Supernet net, NDManager manager, int recalibrationImages, long seed) {
        return new ChildEvaluator(net, manager, train(), recalibrationImages, EVAL_BATCH,
                Seeds.derive(seed, "recalibration", 0));
    }

    @Override
    public int outputs() {
        return data.train().classes().size();
    }

    @Override
    public String dataName() {
        return data.name();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s (%d train / %d validation images)", data.name(), split.train().size(),
                split.validation().size());
    }

    @Override
    public TrainingData trainingData(TrainConfig config) {
        return TrainingData.images(train(), config, data.flip());
    }

    @Override
    public String scoreName() {
        return "accuracy";
    }

    @Override
    public String scoreTitle() {
        return "val acc";
    }

    @Override
    public ChildScorer scorer(Supernet net, NDManager manager, int recalibrationImages, int items, long seed) {
        ChildEvaluator evaluator = evaluator(net, manager, recalibrationImages, seed);
        var full = split.validation();
        ImageBatches scored = items >= full.size() ? validation()
                : new ImageBatches(Splits.carve(full, items, Seeds.derive(seed, "search-validation", 0)).validation(),
                        data.normalization());
        return arch -> 100 * evaluator.accuracy(arch, scored, manager);
    }

    @Override
    public double latencyMs(Supernet net, Arch arch, NDManager manager, ChildMeasurer.Settings settings, LatencyTable table)
            throws IOException {
        Shape full = net.inputShape(arch);
        Shape input = new Shape(settings.latencyBatch(), full.get(1), full.get(2), full.get(3));
        return Timing.of(arch, () -> {
            try (NDManager m = manager.newSubManager()) {
                Block block = StaticChild.build(net, arch, b -> b, input, m);
                if (table != null) {
                    return table.predict(block, input);
                }
                ParameterStore ps = new ParameterStore(m, false);
                return Latency.measure(x -> block.forward(ps, x, false), input, m, settings.latencyWarmup(),
                        settings.latencyCalls()).medianMs();
            }
        });
    }

    @Override
    public JsonObject export(Supernet net, NDManager manager, String space, Arch arch, long seed, JsonObject provenance,
            String name, Path target, ServingEngine engine, Set<Format> formats) throws IOException {
        ChildEvaluator eval = evaluator(net, manager, Run.RECALIBRATION_IMAGES, seed);
        eval.recalibrate(arch, manager);
        Cost cost = net.cost(arch);
        JsonObject metrics = new JsonObject();
        metrics.addProperty("validationAccuracy", 100 * eval.score(validation(), manager));
        metrics.addProperty("testAccuracy", 100 * eval.score(test(), manager));
        metrics.addProperty("macs", cost.macs());
        metrics.addProperty("params", cost.params());
        Normalization norm = data.normalization();
        ModelCard card = new ModelCard(ModelCard.FORMAT, name, space, arch.id(), norm.mean().length,
                (int) net.inputShape(arch).get(2), data.train().classes(), norm.mean(), norm.std());
        ModelExporter.export(net, card, metrics, provenance, engine, formats, target);
        return metrics;
    }
}
