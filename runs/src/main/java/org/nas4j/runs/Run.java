package org.nas4j.runs;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.train.Checkpoint;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.sampling.Samplers;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.Datasets;
import org.nas4j.datasets.LabelledData;
import org.nas4j.datasets.Splits;
import org.nas4j.spaces.SpaceRegistry;

/**
 * A run's supernet and its task, opened from its spec: what train, eval, search and export share.
 * Closing it frees the supernet's native memory.
 */
public final class Run implements AutoCloseable {

    /** Images used to recalibrate BN statistics before a child is scored (OFA uses 2000). */
    public static final int RECALIBRATION_IMAGES = 2000;

    private final RunSpec spec;
    private final Task task;
    private final Supernet net;
    private final NDManager manager;

    private Run(RunSpec spec, Task task, Supernet net, NDManager manager) {
        this.spec = spec;
        this.task = task;
        this.net = net;
        this.manager = manager;
    }

    /** @return the spec, with the number of classes resolved from the data */
    public RunSpec spec() {
        return spec;
    }

    /** @return what the run learns: its data, score, latency probe and export */
    public Task task() {
        return task;
    }

    /** @return the supernet */
    public Supernet net() {
        return net;
    }

    /** @return the manager that owns the supernet's weights */
    public NDManager manager() {
        return manager;
    }

    /**
     * @param spec the run's spec ({@code numClasses} 0: take it from the data)
     * @return its data (checked against the space's input) and a freshly initialized supernet
     */
    public static Run open(RunSpec spec) {
        SpaceRegistry.Entry entry = SpaceRegistry.get(spec.space());
        Task task = entry.translates() ? openWords(spec) : entry.readsGraphs() ? new GraphTask(Datasets.openGraphs(spec.data()))
                : openImages(spec, entry);
        int outputs = task.outputs();
        if (spec.numClasses() != 0 && spec.numClasses() != outputs) {
            throw new UserException(entry.translates()
                    ? "the run was trained on " + spec.numClasses() + " tokens but " + task.dataName() + " has " + outputs
                            + ": use the run's own dictionary"
                    : entry.readsGraphs() ? "the run predicts " + spec.numClasses() + " values per graph but " + task.dataName()
                            + " has " + outputs + ": use the run's own data"
                    : "the run was trained for " + spec.numClasses() + " classes but " + task.dataName() + " has " + outputs
                            + ": use the run's own dataset");
        }
        NDManager manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed((int) Seeds.derive(spec.train().seed(), "init", 0));
        Supernet net = entry.newSupernet(outputs, spec.train().weightMixture());
        net.initialize(manager);
        if (spec.arch() != null) {
            net.space().parse(spec.arch());
        }
        RunSpec resolved = new RunSpec(spec.space(), spec.data(), outputs, spec.train(), spec.arch());
        return new Run(resolved, task, net, manager);
    }

    private static ImageTask openImages(RunSpec spec, SpaceRegistry.Entry entry) {
        long[] want = entry.inputShape();
        LabelledData data = Datasets.open(spec.data(), (int) want[0], (int) want[1]);
        long[] have = {data.train().channels(), data.train().height(), data.train().width()};
        if (!Arrays.equals(want, have)) {
            throw new UserException("space " + entry.name() + " takes " + shape(want) + " images but " + data.name()
                    + " has " + shape(have) + ": pick a space for this data (see 'nas4j spaces')");
        }
        if (spec.train().validationSize() >= data.train().size()) {
            throw new UserException("--validation-size " + spec.train().validationSize() + " leaves no training images ("
                    + data.train().size() + " in " + data.name() + ")");
        }
        // the validation split belongs to the data, not the run: runs of every seed are scored on the same images
        return new ImageTask(data, Splits.carve(data.train(), spec.train().validationSize(), Seeds.derive(0, "split", 0)));
    }

    private static TranslationTask openWords(RunSpec spec) {
        return new TranslationTask(Datasets.openWords(spec.data(), spec.train().validationSize()));
    }

    /** @return the image task of an image run @throws UserException for a translation or graph run */
    public ImageTask images() {
        if (task instanceof ImageTask images) {
            return images;
        }
        throw new UserException("run of space " + spec.space() + " does not classify images; this works on image runs only");
    }

    /** @return the translation task of a translation run @throws UserException for an image run */
    public TranslationTask translation() {
        if (task instanceof TranslationTask words) {
            return words;
        }
        throw new UserException("run of space " + spec.space() + " classifies images; this works on translation runs only");
    }

    /**
     * @param config the run's configuration (augmentation)
     * @return the training split as the trainer reads it
     */
    public TrainingData trainingData(TrainConfig config) {
        return task.trainingData(config);
    }

    /** @return a new sampler of the run's configuration, binning children by this supernet's MACs */
    public ArchSampler sampler() {
        TrainConfig c = spec.train();
        return Samplers.byName(c.sampler(), c.randomChildren(), net, c.seed());
    }

    /**
     * @return the validation images, without augmentation, for samplers that learn from held-out loss
     *     (ShiftNAS); null for a translation run
     */
    public TrainingData heldOutData() {
        return task instanceof ImageTask images ? TrainingData.heldOut(images.validation()) : null;
    }

    /**
     * @param arch a child
     * @return its validation score in % ({@link Task#scoreName}), on the whole validation split
     */
    public double validationScore(Arch arch) {
        return task.scorer(net, manager, RECALIBRATION_IMAGES, Integer.MAX_VALUE, spec.train().seed()).score(arch);
    }

    /** @return an evaluator of this image run's children: BN recalibration on 2,000 training images */
    public ChildEvaluator evaluator() {
        return images().evaluator(net, manager, RECALIBRATION_IMAGES, spec.train().seed());
    }

    private static String shape(long[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }

    /** Loads the run's trained weights. */
    public void loadWeights(RunDirectory run) {
        loadWeights(run.checkpoint());
    }

    /** @param checkpoint a checkpoint of this run's supernet or of one of its sub-supernets */
    public void loadWeights(Path checkpoint) {
        Checkpoint.load(checkpoint, net, null, manager);
    }

    /**
     * Loads the weights that score this child: the run's, or, once the supernet is split, those of
     * the sub-supernet whose sub-space holds it.
     *
     * @return the sub-supernet's id (0: the whole supernet)
     */
    public int loadWeightsFor(RunDirectory run, Arch arch) throws IOException {
        int id = subSupernetFor(run, arch);
        loadWeights(run.subCheckpoint(id));
        return id;
    }

    /** @return the sub-supernet whose weights score this child (0: the whole supernet, or the run is not split) */
    public int subSupernetFor(RunDirectory run, Arch arch) throws IOException {
        return Files.isRegularFile(run.splitTree()) ? SplitTree.load(run.splitTree()).leafFor(net.space(), arch).id() : 0;
    }

    /**
     * @param text {@code max}, {@code min}, {@code random} or an arch string
     * @param seed for {@code random}
     * @return the arch
     */
    public Arch arch(String text, long seed) {
        return switch (text) {
            case "max" -> net.space().largest();
            case "min" -> net.space().smallest();
            case "random" -> net.space().sample(new SplittableRandom(seed));
            default -> net.space().parse(text);
        };
    }

    @Override
    public void close() {
        manager.close();
    }
}
