package org.nas4j.runs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nas4j.algorithms.ranking.GroundTruth;
import org.nas4j.algorithms.sampling.FixedSampler;
import org.nas4j.algorithms.train.LandmarkRanking;
import org.nas4j.algorithms.train.SupernetTrainer;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.util.UserException;
import org.nas4j.core.util.Seeds;

/**
 * Trains a run's supernet (or the one child it trains alone) and the sub-supernets of a split run,
 * resuming from the last checkpoint; writes {@code run.json}, {@code train-log.jsonl} and, when
 * asked, a snapshot of the weights at every epoch's end.
 */
public final class Training {

    private Training() {}

    /**
     * Trains (or resumes) the run; the returned run holds the trained weights and its data.
     *
     * @param dir the run directory
     * @param spec its spec ({@code numClasses} 0: from the data); a run already in {@code dir} keeps its own
     * @param snapshots keep a copy of the weights at every epoch's end
     * @param progress the steps' progress and a header line
     * @return the open run: close it to free its native memory
     */
    public static Run train(RunDirectory dir, RunSpec spec, boolean snapshots, Progress progress) throws IOException {
        return train(dir, spec, snapshots, 0, progress);
    }

    /**
     * Trains (or resumes) the run up to the end of one epoch of its schedule, the learning rate
     * following the schedule of all its epochs: a split schedule continues from there.
     *
     * @param dir the run directory
     * @param spec its spec ({@code numClasses} 0: from the data); a run already in {@code dir} keeps its own
     * @param snapshots keep a copy of the weights at every epoch's end
     * @param untilEpoch stop at the end of this epoch; 0 for all of them
     * @param progress the steps' progress and a header line
     * @return the open run: close it to free its native memory
     */
    public static Run train(RunDirectory dir, RunSpec spec, boolean snapshots, int untilEpoch, Progress progress)
            throws IOException {
        return train(dir, spec, snapshots, untilEpoch, null, progress);
    }

    /**
     * Trains (or resumes) the run, with landmark regularization when its configuration gives a
     * landmark weight.
     *
     * @param dir the run directory
     * @param spec its spec ({@code numClasses} 0: from the data); a run already in {@code dir} keeps its own
     * @param snapshots keep a copy of the weights at every epoch's end
     * @param untilEpoch stop at the end of this epoch; 0 for all of them
     * @param landmarks for a new run with a landmark weight, a truth file ({@code nas4j truth}) of the
     *     landmarks, copied into the run; null otherwise (a resumed run reads its own copy)
     * @param progress the steps' progress and a header line
     * @return the open run: close it to free its native memory
     */
    public static Run train(RunDirectory dir, RunSpec spec, boolean snapshots, int untilEpoch, Path landmarks,
            Progress progress) throws IOException {
        Run run = Run.open(dir.exists() ? dir.read() : spec);
        try {
            RunSpec resolved = run.spec();
            TrainConfig c = resolved.train();
            if (c.sampler().startsWith("shiftnas") && run.heldOutData() == null) {
                throw new UserException("--sampler " + c.sampler() + " learns from held-out images, and a " + run.task().dataName()
                        + " run has none; choose another sampler (sandwich, attentive)");
            }
            // made before the run is written: a sampler that refuses the space leaves nothing behind
            Arch alone = resolved.arch() == null ? null : run.net().space().parse(resolved.arch());
            ArchSampler sampler = alone != null ? new FixedSampler(alone) : run.sampler();
            boolean fresh = !dir.exists();
            if (fresh && (landmarks != null) != (c.landmarkWeight() > 0)) {
                throw new UserException(landmarks == null ? "--landmark-weight needs --landmarks FILE (archs trained alone,"
                        + " from 'nas4j truth')" : "--landmarks needs a --landmark-weight above 0");
            }
            LandmarkRanking ranking = c.landmarkWeight() > 0
                    ? landmarks(run.net().space(), fresh ? landmarks : dir.landmarks(), c.landmarkWeight()) : null;
            if (fresh) {
                if (ranking != null) { // before run.json, which marks the run as begun
                    Files.createDirectories(dir.root());
                    Files.copy(landmarks, dir.landmarks(), StandardCopyOption.REPLACE_EXISTING);
                }
                dir.write(resolved);
            }
            SupernetTrainer trainer = new SupernetTrainer(run.net(), run.trainingData(c), c, sampler, dir.checkpoint(),
                    run.heldOutData(), ranking);
            progress.report(String.format(Locale.ROOT, "training %s on %s, %s%s, %d epochs x %d steps, run %s",
                    resolved.space(), run.task().describe(), alone != null ? "the child " + alone.id() + " alone" : c.sampler()
                    + " sampler" + (ranking == null ? "" : String.format(Locale.ROOT, " with %d landmarks (weight %s)",
                    ranking.size(), ranking.weight())), c.weightMixture().routed() ? ", mixture " + c.weightMixture().describe() : "", c.epochs(),
                    trainer.stepsPerEpoch(), dir.root()));
            long startNanos = System.nanoTime();
            trainer.train(run.manager(), true, untilEpoch > 0 ? (long) untilEpoch * trainer.stepsPerEpoch() : -1,
                    new SupernetTrainer.Listener() {
                @Override
                public void onStep(long step, long total, float loss, double lr) {
                    progress.update("train", step, total, stepStatus(loss, lr));
                }

                @Override
                public void onEpoch(int epoch, double meanLoss, int skipped) {
                    JsonObject o = new JsonObject();
                    o.addProperty("epoch", epoch);
                    o.addProperty("loss", meanLoss);
                    o.addProperty("skippedSteps", skipped);
                    o.addProperty("seconds", (System.nanoTime() - startNanos) / 1e9);
                    JsonObject learned = sampler.state();
                    if (learned != null) {
                        o.add("sampler", learned);
                    }
                    try {
                        if (snapshots) {
                            Files.copy(dir.checkpoint(), dir.snapshot(epoch), StandardCopyOption.REPLACE_EXISTING);
                        }
                        Files.writeString(dir.trainLog(), o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            return run;
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** @return the landmarks of a truth file: each arch's accuracy is its mean over the file's seeds */
    private static LandmarkRanking landmarks(SearchSpace space, Path file, float weight) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no landmarks at " + file + ": give a truth file written by 'nas4j truth'");
        }
        try {
            return new LandmarkRanking(space, GroundTruth.read(file).meanAccuracy(), weight);
        } catch (UserException e) {
            throw new UserException("landmarks " + file + ": " + e.getMessage());
        }
    }

    /**
     * One line of {@code train-log.jsonl}.
     *
     * @param epoch the epoch, from 1
     * @param loss its mean first-child loss
     * @param skippedSteps steps skipped for a non-finite gradient
     * @param seconds time since this process started training
     */
    public record Epoch(int epoch, double loss, int skippedSteps, double seconds) {}

    /** @return the run's training log, an entry per trained epoch (empty before any) */
    public static List<Epoch> log(RunDirectory dir) throws IOException {
        List<Epoch> out = new ArrayList<>();
        if (Files.isRegularFile(dir.trainLog())) {
            for (String line : Files.readAllLines(dir.trainLog(), StandardCharsets.UTF_8)) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                out.add(new Epoch(o.get("epoch").getAsInt(), o.get("loss").getAsDouble(), o.get("skippedSteps").getAsInt(),
                        o.get("seconds").getAsDouble()));
            }
        }
        return out;
    }

    /**
     * Reports the validation score of the child a run trains alone, or of two children of its
     * supernet: the smallest and the largest, or, in a space of unordered choices, where those are
     * arbitrary (nb201's "largest" is all pooling), two children drawn with the run's seed.
     */
    public static void reportChildren(Run run, Progress progress) {
        SearchSpace space = run.net().space();
        Arch[] children;
        if (run.spec().arch() != null) {
            children = new Arch[] {space.parse(run.spec().arch())};
        } else if (space.ordered()) {
            children = new Arch[] {space.smallest(), space.largest()};
        } else {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(run.spec().train().seed(), "reported children", 0));
            children = new Arch[] {space.sample(rng), space.sample(rng)};
        }
        reportScores(run, children, progress);
    }

    private static void reportScores(Run run, Arch[] children, Progress progress) {
        for (Arch a : children) {
            progress.report(String.format(Locale.ROOT, "validation %s %s of %s", run.task().scoreName(),
                    run.task().formatScore(run.validationScore(a)), a.id()));
        }
    }

    static String stepStatus(float loss, double learningRate) {
        return String.format(Locale.ROOT, "loss %.3f lr %.4f", loss, learningRate);
    }
}
