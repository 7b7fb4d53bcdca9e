package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.train.StepProbe;
import org.nas4j.core.util.Seeds;
import org.nas4j.datasets.ImageBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a supernet: per step, one batch, the sampler's children with gradients accumulated, one
 * optimizer update. With the sandwich rule the first child learns from smoothed labels and the
 * others from its detached soft predictions. Every step's arrays live in a sub-manager closed at
 * the end of the step; data order and sampling derive from (seed, epoch, step), so a run resumed
 * from a checkpoint continues exactly as if never stopped. With {@code averageLast}, the weights at
 * the ends of the last epochs are averaged, and the run ends with (and saves) their mean. With
 * landmarks, each step also teaches the supernet the order of one pair of them.
 */
public final class SupernetTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SupernetTrainer.class);
    /** Held-out images a sampler's losses are measured on: the first of the held-out split, the same at every step. */
    static final int HELD_OUT_BATCH = 256;

    /** Receives progress. */
    public interface Listener {
        /**
         * @param step steps done
         * @param total steps in the run
         * @param loss the step's loss of its first child
         * @param learningRate the step's rate
         */
        void onStep(long step, long total, float loss, double learningRate);

        /**
         * @param epoch the finished epoch, from 1
         * @param meanLoss mean first-child loss over its applied steps run in this process
         * @param skipped steps of the epoch skipped for a non-finite gradient
         */
        default void onEpoch(int epoch, double meanLoss, int skipped) {}
    }

    private final Supernet net;
    private final TrainingData data;
    private final TrainConfig config;
    private final ArchSampler sampler;
    private final Path checkpoint;
    private final TrainingData heldOut;
    private final LandmarkRanking landmarks;

    /**
     * @param net an initialized supernet
     * @param data the training split
     * @param config the run's configuration
     * @param sampler which children each step trains
     * @param checkpoint the checkpoint file (written at every epoch's end and every {@code
     *     checkpointEvery} steps)
     */
    public SupernetTrainer(
            Supernet net, TrainingData data, TrainConfig config, ArchSampler sampler, Path checkpoint) {
        this(net, data, config, sampler, checkpoint, null);
    }

    /**
     * @param net an initialized supernet
     * @param data the training split
     * @param config the run's configuration
     * @param sampler which children each step trains
     * @param checkpoint the checkpoint file (written at every epoch's end and every {@code
     *     checkpointEvery} steps)
     * @param heldOut images the sampler may measure losses on ({@link StepProbe#heldOutLoss}), without
     *     augmentation; null for none
     */
    public SupernetTrainer(Supernet net, TrainingData data, TrainConfig config, ArchSampler sampler, Path checkpoint,
            TrainingData heldOut) {
        this(net, data, config, sampler, checkpoint, heldOut, null);
    }

    /**
     * @param net an initialized supernet
     * @param data the training split
     * @param config the run's configuration
     * @param sampler which children each step trains
     * @param checkpoint the checkpoint file (written at every epoch's end and every {@code
     *     checkpointEvery} steps)
     * @param heldOut images the sampler may measure losses on, or null
     * @param landmarks archs trained alone whose order every step teaches ({@link LandmarkRanking}), or null
     */
    public SupernetTrainer(Supernet net, TrainingData data, TrainConfig config, ArchSampler sampler, Path checkpoint,
            TrainingData heldOut, LandmarkRanking landmarks) {
        this.landmarks = landmarks;
        this.net = net;
        this.data = data;
        this.config = config;
        this.sampler = sampler;
        this.checkpoint = checkpoint;
        this.heldOut = heldOut;
    }

    /** @return optimizer steps per epoch (the last partial batch is dropped) */
    public int stepsPerEpoch() {
        return Math.max(1, data.size() / config.batchSize());
    }

    /**
     * @param manager the supernet's manager
     * @param resume continue from the checkpoint if there is one
     * @param stopAfter stop after this many steps in total (a stand-in for a kill), or -1
     * @param listener progress
     * @return the number of steps done in total
     */
    public long train(NDManager manager, boolean resume, long stopAfter, Listener listener) {
        // the optimizer's state and the running mean of the weights live for this call only
        try (NDManager state = manager.newSubManager()) {
            return train(manager, state, resume, stopAfter, listener);
        }
    }

    private long train(NDManager manager, NDManager state, boolean resume, long stopAfter, Listener listener) {
        ParameterStore ps = new ParameterStore(manager, false);
        SupernetOptimizer optimizer = SupernetOptimizer.of(net.getParameters(), state, config);
        TrainingStep trainingStep = new TrainingStep(net, ps, optimizer, config.labelSmoothing());
        int perEpoch = stepsPerEpoch();
        long total = (long) config.epochs() * perEpoch;
        LearningRateSchedule schedule = new LearningRateSchedule(config, perEpoch);
        long start = 0;
        int firstAveraged = config.firstAveragedEpoch();
        Path averageFile = averageFile();
        // the running mean is loaded first: it passes through the weights, which the checkpoint then sets
        WeightAverage average = firstAveraged == 0 ? null
                : resume && Files.isRegularFile(averageFile) && Files.isRegularFile(checkpoint)
                        ? WeightAverage.load(averageFile, net, state) : new WeightAverage(state);
        if (resume && Files.isRegularFile(checkpoint)) {
            JsonObject header = Checkpoint.load(checkpoint, net, optimizer, manager, sampler::restoreArray);
            start = header.get("step").getAsLong();
            if (header.has("sampler")) {
                sampler.restore(header.getAsJsonObject("sampler"));
            }
        }
        if (stopAfter >= 0 && start >= stopAfter) {
            return start;
        }
        int[] order = null;
        int orderEpoch = -1;
        double lossSum = 0;
        int lossCount = 0;
        int skipped = 0;
        for (long step = start; step < total; step++) {
            int epoch = (int) (step / perEpoch);
            if (epoch != orderEpoch) {
                order = ImageBatches.shuffled(data.size(), Seeds.derive(config.seed(), "data", epoch));
                orderEpoch = epoch;
            }
            int from = (int) (step % perEpoch) * config.batchSize();
            int[] positions = Arrays.copyOfRange(order, from, from + config.batchSize());
            double lr = schedule.at(step);
            TrainingStep.Result result;
            // in-network randomness (drop path) draws from the engine: seeded per step, a resumed run repeats it
            net.setTrainingProgress((double) step / total);
            manager.getEngine().setRandomSeed((int) Seeds.derive(config.seed(), "engine", step));
            try (NDManager sm = manager.newSubManager()) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(config.seed(), "step", step));
                NDList x = data.inputs(sm, positions, rng);
                NDArray y = data.labels(sm, positions);
                StepProbe probe = probe(trainingStep, step, total, x, y, sm);
                StepPlan plan = sampler.plan(net.space(), rng, probe);
                // the pair has its own random source: a run without landmarks draws its children as before
                result = landmarks == null ? trainingStep.run(x, y, plan, lr) : trainingStep.run(x, y, plan,
                        landmarks.draw(new SplittableRandom(Seeds.derive(config.seed(), "landmarks", step))),
                        landmarks.weight(), lr);
                sampler.afterStep(sm);
            }
            if (result.applied()) {
                lossSum += result.loss();
                lossCount++;
            } else {
                skipped++;
                LOG.warn("step {}: gradient norm {}, update skipped", step + 1, result.gradientNorm());
            }
            listener.onStep(step + 1, total, result.loss(), lr);
            boolean epochEnd = (step + 1) % perEpoch == 0;
            if (epochEnd && average != null && epoch + 1 >= firstAveraged) {
                // saved before the checkpoint: a run killed between the two replays the epoch, counted once
                average.add(net, epoch + 1);
                saveAverage(average);
                if (step + 1 == total) {
                    average.writeTo(net);
                }
            }
            if (epochEnd || (step + 1) % config.checkpointEvery() == 0 || step + 1 == total) {
                save(step + 1, optimizer);
            }
            if (epochEnd) {
                listener.onEpoch(epoch + 1, lossSum / Math.max(1, lossCount), skipped);
                lossSum = 0;
                lossCount = 0;
                skipped = 0;
            }
            if (stopAfter >= 0 && step + 1 >= stopAfter) {
                return step + 1;
            }
        }
        return total;
    }

    /** What the step lets the sampler measure; the held-out batch is made only if asked for. */
    private StepProbe probe(TrainingStep trainingStep, long step, long total, NDList x, NDArray y, NDManager sm) {
        return new StepProbe() {
            private NDList heldX;
            private NDArray heldY;

            @Override
            public NDManager manager() {
                return sm;
            }

            @Override
            public long step() {
                return step;
            }

            @Override
            public long totalSteps() {
                return total;
            }

            @Override
            public float batchLoss(Arch child) {
                return trainingStep.loss(x, y, child);
            }

            @Override
            public float heldOutLoss(Arch child) {
                if (heldOut == null) {
                    throw new IllegalStateException("this run has no held-out images for the sampler to measure");
                }
                if (heldX == null) {
                    int[] positions = IntStream.range(0, Math.min(HELD_OUT_BATCH, heldOut.size())).toArray();
                    heldX = heldOut.inputs(sm, positions, new SplittableRandom(0));
                    heldY = heldOut.labels(sm, positions);
                }
                return trainingStep.loss(heldX, heldY, child);
            }
        };
    }

    /** @return where the running mean of the weights is kept while the run trains ({@code NAME.average.ckpt}) */
    public Path averageFile() {
        return averageFile(checkpoint);
    }

    /** @param checkpoint a training checkpoint @return where the running mean of its weights is kept */
    public static Path averageFile(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName().toString().replaceFirst("\\.ckpt$", "") + ".average.ckpt");
    }

    private void saveAverage(WeightAverage average) {
        try {
            average.save(averageFile(), net);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + averageFile(), e);
        }
    }

    private void save(long step, SupernetOptimizer optimizer) {
        JsonObject header = new JsonObject();
        header.addProperty("step", step);
        header.addProperty("stepsPerEpoch", stepsPerEpoch());
        JsonObject samplerState = sampler.state();
        if (samplerState != null) {
            header.add("sampler", samplerState);
        }
        try {
            Checkpoint.save(checkpoint, net, optimizer, header, sampler.arrays());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + checkpoint, e);
        }
    }
}
