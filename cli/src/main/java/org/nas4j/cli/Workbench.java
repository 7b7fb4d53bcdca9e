package org.nas4j.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.train.Checkpoint;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.algorithms.translate.TranslationBatches;
import org.nas4j.algorithms.translate.TranslationEvaluator;
import org.nas4j.algorithms.translate.TranslationMetrics;
import org.nas4j.core.nn.SequenceToSequence;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.Datasets;
import org.nas4j.datasets.ImageBatches;
import org.nas4j.datasets.LabelledData;
import org.nas4j.datasets.Splits;
import org.nas4j.datasets.text.TranslationData;
import org.nas4j.datasets.text.WordPair;
import org.nas4j.spaces.SpaceRegistry;

/**
 * A run's supernet and data, opened from its spec: what train, eval, search and export share. An
 * image run has labelled images ({@link #data}, {@link #split}); a word-translation run has word
 * pairs ({@link #words}) instead.
 */
final class Workbench implements AutoCloseable {

    /** Images used to recalibrate BN statistics before a child is scored (OFA uses 2000). */
    static final int RECALIBRATION_IMAGES = 2000;
    private static final int EVAL_BATCH = 200;

    final RunSpec spec;
    final LabelledData data;
    final Splits.TrainValidation split;
    final TranslationData words;
    final Supernet net;
    final NDManager manager;

    private Workbench(RunSpec spec, LabelledData data, Splits.TrainValidation split, TranslationData words, Supernet net,
            NDManager manager) {
        this.spec = spec;
        this.data = data;
        this.split = split;
        this.words = words;
        this.net = net;
        this.manager = manager;
    }

    /**
     * @param spec the run's spec ({@code numClasses} 0: take it from the data)
     * @return its dataset (checked against the space's input) and a freshly initialized supernet
     */
    static Workbench open(RunSpec spec) {
        SpaceRegistry.Entry entry = SpaceRegistry.get(spec.space());
        if (entry.translates()) {
            return openWords(spec, entry);
        }
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
        Splits.TrainValidation split = Splits.carve(data.train(), spec.train().validationSize(), Seeds.derive(0, "split", 0));
        NDManager manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed((int) Seeds.derive(spec.train().seed(), "init", 0));
        int classes = data.train().classes().size();
        if (spec.numClasses() != 0 && spec.numClasses() != classes) {
            throw new UserException("the run was trained for " + spec.numClasses() + " classes but " + data.name()
                    + " has " + classes + ": use the run's own dataset");
        }
        Supernet net = entry.newSupernet(classes, spec.train().weightMixture());
        net.initialize(manager);
        if (spec.arch() != null) {
            net.space().parse(spec.arch());
        }
        RunSpec resolved = new RunSpec(spec.space(), spec.data(), classes, spec.train(), spec.arch());
        return new Workbench(resolved, data, split, null, net, manager);
    }

    private static Workbench openWords(RunSpec spec, SpaceRegistry.Entry entry) {
        TranslationData words = Datasets.openWords(spec.data(), spec.train().validationSize());
        int tokens = words.vocabulary().size();
        if (spec.numClasses() != 0 && spec.numClasses() != tokens) {
            throw new UserException("the run was trained on " + spec.numClasses() + " tokens but " + words.name()
                    + " has " + tokens + ": use the run's own dictionary");
        }
        NDManager manager = NDManager.newBaseManager();
        manager.getEngine().setRandomSeed((int) Seeds.derive(spec.train().seed(), "init", 0));
        Supernet net = entry.newSupernet(tokens, spec.train().weightMixture());
        net.initialize(manager);
        if (spec.arch() != null) {
            net.space().parse(spec.arch());
        }
        RunSpec resolved = new RunSpec(spec.space(), spec.data(), tokens, spec.train(), spec.arch());
        return new Workbench(resolved, null, null, words, net, manager);
    }

    /** @return whether this run translates words */
    boolean translates() {
        return words != null;
    }

    /**
     * @param config the run's configuration (augmentation)
     * @return the training split as the trainer reads it
     */
    TrainingData trainingData(TrainConfig config) {
        return translates() ? new TranslationBatches(words.train(), words.vocabulary())
                : TrainingData.images(train(), config, data.flip());
    }

    /**
     * @param arch a child of this translation run
     * @param pairs words and their references
     * @return exact match, character error rate and character BLEU of its greedy translations
     */
    TranslationMetrics translationMetrics(Arch arch, List<WordPair> pairs) {
        net.activate(arch);
        // a translation supernet's input shape is (1, longest sequence)
        return new TranslationEvaluator(words.vocabulary(), (int) net.inputShape().get(1), EVAL_BATCH)
                .score((SequenceToSequence) net, new ParameterStore(manager, false), pairs, manager);
    }

    /** @return the data and its split, for a log line */
    String describeData() {
        return translates()
                ? String.format(Locale.ROOT, "%s (%d train / %d validation word pairs)", words.name(), words.train().size(),
                        words.validation().size())
                : String.format(Locale.ROOT, "%s (%d train / %d validation images)", data.name(), split.train().size(),
                        split.validation().size());
    }

    /** @return what {@link #validationScore} measures */
    String scoreName() {
        return translates() ? "character BLEU" : "accuracy";
    }

    /**
     * @param arch a child
     * @return its validation score in %: top-1 accuracy after BN recalibration, or the character
     *     BLEU-4 of its greedy translations
     */
    double validationScore(Arch arch) {
        if (translates()) {
            return 100 * translationMetrics(arch, words.validation()).bleu();
        }
        return 100 * evaluator().accuracy(arch, validation(), manager);
    }

    private void requireImages() {
        if (translates()) {
            throw new UserException("run of space " + spec.space() + " translates words; this works on image runs only");
        }
    }

    private static String shape(long[] s) {
        return s[0] + "x" + s[1] + "x" + s[2];
    }

    ImageBatches train() {
        requireImages();
        return new ImageBatches(split.train(), data.normalization());
    }

    ImageBatches validation() {
        requireImages();
        return new ImageBatches(split.validation(), data.normalization());
    }

    ImageBatches test() {
        requireImages();
        return new ImageBatches(data.test(), data.normalization());
    }

    /** Loads the run's trained weights. */
    void loadWeights(RunDirectory run) {
        loadWeights(run.checkpoint());
    }

    /** @param checkpoint a checkpoint of this run's supernet or of one of its sub-supernets */
    void loadWeights(Path checkpoint) {
        Checkpoint.load(checkpoint, net, null, manager);
    }

    /**
     * Loads the weights that score this child: the run's, or, once the supernet is split, those of
     * the sub-supernet whose sub-space holds it.
     *
     * @return the sub-supernet's id (0: the whole supernet)
     */
    int loadWeightsFor(RunDirectory run, Arch arch) throws IOException {
        int id = subSupernetFor(run, arch);
        loadWeights(run.subCheckpoint(id));
        return id;
    }

    /** @return the sub-supernet whose weights score this child (0: the whole supernet, or the run is not split) */
    int subSupernetFor(RunDirectory run, Arch arch) throws IOException {
        return Files.isRegularFile(run.splitTree()) ? SplitTree.load(run.splitTree()).leafFor(net.space(), arch).id() : 0;
    }

    ChildEvaluator evaluator() {
        return new ChildEvaluator(net, manager, train(), RECALIBRATION_IMAGES, EVAL_BATCH,
                Seeds.derive(spec.train().seed(), "recalibration", 0));
    }

    /**
     * @param text {@code max}, {@code min}, {@code random} or an arch string
     * @param seed for {@code random}
     * @return the arch
     */
    Arch arch(String text, long seed) {
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
