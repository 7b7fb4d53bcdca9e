package org.nas4j.cli;

import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.RunSpec;
import org.nas4j.runs.Training;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

@Parameters(commandDescription = "Train a supernet on a dataset into a run directory")
class TrainCommand implements Command {

    @Parameter(names = "--space", description = "registered space (see 'nas4j spaces')")
    String space;

    @Parameter(names = "--data", description = "fashion-mnist, cifar10, or a directory with either or with one image folder per class")
    String data = "fashion-mnist";

    @Parameter(names = "--sampler", description = "uniform, distinct (uniform over classes of isomorphic cells, nb201),"
            + " fair (FairNAS: every choice of every dimension once per step),"
            + " sandwich (largest teaches the others), sandwich-labels (all children on the labels),"
            + " attentive / attentive-worst (AttentiveNAS BestUp-3 / WorstUp-3 between largest and smallest)"
            + ", shiftnas (ShiftNAS: children by MACs bin, the bins' probabilities learned from held-out loss, each"
            + " bin's child from a generator trained with the supernet; elastic spaces), shiftnas-bins (the same,"
            + " each bin's child drawn from the bin, no generator), shiftnas-smallest / shiftnas-bins-smallest (either,"
            + " with the smallest child trained every step);"
            + " default: sandwich, uniform for cell spaces (nb201, nasnet)")
    String sampler;

    @Parameter(names = "--epochs", description = "passes over the training split")
    int epochs = 5;

    @Parameter(names = {"--out", "--run"}, description = "run directory", required = true,
            validateValueWith = OutputPaths.Directory.class)
    Path out;

    @Parameter(names = "--until-epoch", description = "stop at the end of this epoch of the --epochs schedule (a split"
            + " schedule, 'nas4j split --split-epochs', continues from there); 0 trains every epoch")
    int untilEpoch = 0;

    @Parameter(names = "--seed", description = "the one seed of the run")
    long seed = 0;

    @Parameter(names = "--resume", description = "continue the run in --out from its last checkpoint")
    boolean resume;

    @Parameter(names = "--batch-size", description = "images per step")
    int batchSize = 64;

    @Parameter(names = "--lr", description = "peak learning rate (default 0.1; 0.025 for cell spaces)")
    Float lr;

    @Parameter(names = "--schedule", description = "bignas (exponential decay to 5%, then constant) or cosine"
            + " (default bignas; cosine for cell spaces)")
    String schedule;

    @Parameter(names = "--lr-floor", description = "the final learning rate as a fraction of --lr (default 0.05;"
            + " 0.04 for cell spaces)")
    Float lrFloor;

    @Parameter(names = "--weight-decay", description = "L2 on conv and linear weights (default 3e-5; 5e-4 for cell"
            + " spaces)")
    Float weightDecay;

    @Parameter(names = "--random-children", description = "children per step between the largest and smallest"
            + " (sandwich, attentive); shiftnas and shiftnas-bins draw this plus 2 children per step, their -smallest"
            + " variants this plus 1 beside the smallest")
    int randomChildren = 2;

    @Parameter(names = "--augment-pad", description = "random-crop padding in pixels, 0 for none")
    int augmentPad = 2;

    @Parameter(names = "--flip", arity = 1, description = "random horizontal flips (true|false)")
    boolean flip = true;

    @Parameter(names = "--validation-size", description = "training images held out for validation")
    int validationSize = 5000;

    @Parameter(names = "--checkpoint-every", description = "steps between checkpoints (also at each epoch's end)")
    int checkpointEvery = 500;

    @Parameter(names = "--mixture", description = "weights of the elastic layers: none (plain weight sharing), "
            + "layer or neuron (Mixture-of-Supernets: experts mixed by a router from the arch)")
    String mixture = "none";

    @Parameter(names = "--experts", description = "experts per layer with --mixture layer|neuron")
    int experts = 2;

    @Parameter(names = "--optimizer", description = "sgd (Nesterov momentum 0.9) or adam (beta1 0.9)")
    String optimizer = "sgd";

    @Parameter(names = "--average-last", description = "average the end-of-epoch weights of this final share of the"
            + " epochs into the weights the run ends with (0: keep the last weights; default 0, 1 for cell spaces: every epoch)")
    Float averageLast;

    @Parameter(names = "--landmarks", description = "landmark regularization (Yu et al., 2021): a truth file of archs"
            + " trained alone ('nas4j truth', mean over its seeds); every step also teaches the supernet the order of one"
            + " pair of them on its batch, two more passes a step")
    Path landmarks;

    @Parameter(names = "--landmark-weight", description = "weight of the landmark hinge against the task loss"
            + " (default 1 with --landmarks)")
    Float landmarkWeight;

    @Parameter(names = "--snapshots", description = "keep the weights of every epoch (checkpoints/epoch-N.ckpt),"
            + " e.g. for 'nas4j rank --snapshots' (ranking quality against epochs)")
    boolean snapshots;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    /** Whether this command trains archs alone (train-arch, truth), not a supernet. */
    private boolean alone;

    /** @return the one child to train alone, or null for the whole supernet */
    String arch() {
        return null;
    }

    @Override
    public int run() throws IOException {
        RunDirectory run = new RunDirectory(out);
        RunSpec spec;
        if (run.exists()) {
            if (!resume) {
                throw new UserException(out + " already holds a run: pass --resume to continue it, or another --out");
            }
            spec = run.read();
        } else {
            if (resume) {
                throw new UserException(out + " holds no run to resume (no run.json): drop --resume to start one there");
            }
            if (space == null) {
                throw new UserException("--space is required for a new run (see 'nas4j spaces')");
            }
            spec = new RunSpec(space, data, 0, config(seed), arch());
        }
        ConsoleProgress progress = new ConsoleProgress();
        if (untilEpoch < 0 || untilEpoch > spec.train().epochs()) {
            throw new UserException("--until-epoch " + untilEpoch + ": give an epoch between 1 and " + spec.train().epochs()
                    + " (--epochs), or 0 for all");
        }
        if (landmarks != null && run.exists()) {
            throw new UserException("a resumed run keeps the landmarks it started with: drop --landmarks");
        }
        try (Run trained = Training.train(run, spec, snapshots, untilEpoch, landmarks, progress)) {
            Training.reportChildren(trained, progress);
        }
        return 0;
    }

    /** Sets the recipe of an architecture trained alone: cosine from lr 0.1, batch 128, no augmentation, 3 epochs. */
    final void useAloneDefaults() {
        alone = true;
        sampler = "uniform";
        schedule = "cosine";
        lr = 0.1f;
        lrFloor = 0.05f;
        weightDecay = 3e-5f;
        batchSize = 128;
        augmentPad = 0;
        flip = false;
        epochs = 3;
        averageLast = 0f;
    }

    /**
     * @param runSeed the run's seed
     * @return the training configuration the flags give, validated
     */
    final TrainConfig config(long runSeed) {
        if (alone && (landmarks != null || landmarkWeight != null)) {
            throw new UserException("--landmarks regularize a supernet; an arch trained alone has none: drop them");
        }
        // spaces of unordered choices have no largest child to sandwich: they get the RSPS recipe
        boolean cells = space != null && !SpaceRegistry.get(space).space().ordered();
        TrainConfig base = cells ? TrainConfig.cellDefaults(epochs) : TrainConfig.defaults("sandwich", epochs);
        TrainConfig config = base.toBuilder().sampler(or(sampler, base.sampler())).randomChildren(randomChildren)
                .batchSize(batchSize).learningRate(or(lr, base.learningRate())).schedule(or(schedule, base.schedule()))
                .warmupEpochs(Math.min(base.warmupEpochs(), epochs / 2f)).lrFloor(or(lrFloor, base.lrFloor()))
                .weightDecay(or(weightDecay, base.weightDecay())).augmentPad(augmentPad).flip(flip)
                .validationSize(validationSize).checkpointEvery(checkpointEvery).seed(runSeed).mixture(mixture)
                .experts(mixture.equals("none") ? 1 : experts).optimizer(optimizer)
                .averageLast(or(averageLast, base.averageLast()))
                .landmarkWeight(or(landmarkWeight, landmarks == null ? 0f : 1f)).build();
        config.validate();
        return config;
    }

    private static <T> T or(T flag, T fallback) {
        return flag != null ? flag : fallback;
    }
}
