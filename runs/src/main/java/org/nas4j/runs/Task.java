package org.nas4j.runs;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.core.metrics.LatencyTable;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;

/**
 * What a run learns, where image classification and word translation differ: the training data, the
 * validation score and its name, the latency probe and the export. {@link Run} opens the task its
 * space names; everything else works on any task.
 */
public interface Task {

    /** @return the network's outputs: classes or tokens */
    int outputs();

    /** @return the dataset's name */
    String dataName();

    /** @return the data and its split, for a log line */
    String describe();

    /**
     * @param config the run's configuration (augmentation)
     * @return the training split as the trainer reads it
     */
    TrainingData trainingData(TrainConfig config);

    /** @return what the validation score measures, e.g. {@code accuracy} */
    String scoreName();

    /** @return a short column title for the score, e.g. {@code val acc} */
    String scoreTitle();

    /** @return the search objective its score is: accuracy (maximized) by default */
    default Objective quality() {
        return Objective.ACCURACY;
    }

    /** @return a score as printed: a percentage by default */
    default String formatScore(double score) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", score);
    }

    /**
     * Scores children on validation data, one after another.
     *
     * @param net the supernet, holding the weights that score the children
     * @param manager its manager
     * @param recalibrationImages training images for each child's BN statistics (images only)
     * @param items validation items scored (at most the validation split)
     * @param seed the run's seed: which training images recalibrate, which validation items are scored
     * @return the scorer
     */
    ChildScorer scorer(Supernet net, NDManager manager, int recalibrationImages, int items, long seed);

    /** Scores one child at a time. */
    interface ChildScorer {
        /** @return the child's validation score in % */
        double score(Arch arch);
    }

    /**
     * @param net the supernet
     * @param arch the child
     * @param manager its manager
     * @param settings batch, warm-up and timed calls
     * @param table a latency table to predict from instead of timing, or null
     * @return the served child's median latency in ms
     */
    double latencyMs(Supernet net, Arch arch, NDManager manager, ChildMeasurer.Settings settings, LatencyTable table)
            throws IOException;

    /**
     * Scores the child on the validation and test data and writes its model directory.
     *
     * @param net the supernet, holding the child's weights
     * @param manager its manager
     * @param space the registered space
     * @param arch the child
     * @param seed the run's seed (BN recalibration)
     * @param provenance where it came from
     * @param name the model's name
     * @param target the directory to write
     * @param engine the serving engine
     * @param formats DJL, and ONNX on request
     * @return its scores, MACs and params
     */
    JsonObject export(Supernet net, NDManager manager, String space, Arch arch, long seed, JsonObject provenance,
            String name, Path target, ServingEngine engine, Set<Format> formats) throws IOException;
}
