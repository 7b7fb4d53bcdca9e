package org.nas4j.runs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.train.ChildFineTuning;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.WeightAverage;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.UserException;

/**
 * A supernet's estimates of a truth's archs: optionally a few steps of fine-tuning from the shared
 * weights, BN recalibrated for each child, then accuracy and loss on the validation split (the
 * truth's own). Scores are cached per checkpoint in {@code
 * RUN/search/rank-CHECKPOINT.jsonl} and never recomputed.
 */
public final class SupernetEstimates {

    private SupernetEstimates() {}

    /**
     * How a run's weights score the archs.
     *
     * @param snapshots null for the last weights, else which epoch snapshots: {@code all} or a comma-separated list
     * @param fineTuneSteps optimizer steps of each child from the shared weights before it is scored (0: none)
     * @param fineTuneLr the fine-tuning's first rate; null: the supernet's peak rate
     * @param averageLast null, or the final share of the epochs whose snapshots are averaged into the
     *     weights that score (what {@code train --average-last} ends with)
     */
    public record Options(String snapshots, int fineTuneSteps, Float fineTuneLr, Float averageLast) {}

    /**
     * @param run a trained supernet run (split or not)
     * @param archIds the archs to score
     * @param options which weights, and how
     * @param progress scoring's progress
     * @return per checkpoint two estimators, by accuracy and by negated loss
     */
    public static Map<String, Estimator> score(RunDirectory run, List<String> archIds, Options options, Progress progress)
            throws IOException {
        if (!run.exists()) {
            throw new UserException(run.root() + " holds no run: train a supernet there first");
        }
        RunSpec spec = run.read();
        String snapshots = options.snapshots();
        Map<String, Estimator> out = new LinkedHashMap<>();
        try (Run wb = Run.open(spec)) {
            List<Path> checkpoints =
                    snapshots != null ? snapshots(run, snapshots, spec.train().epochs()) : List.of(run.checkpoint());
            ChildEvaluator eval = wb.evaluator();
            ChildFineTuning tuning = options.fineTuneSteps() > 0
                    ? new ChildFineTuning(wb.net(), wb.manager(), wb.trainingData(spec.train()), spec.train(),
                            options.fineTuneSteps(), options.fineTuneLr() != null ? options.fineTuneLr() : spec.train().learningRate())
                    : null;
            WeightAverage average = options.averageLast() != null ? averageOfSnapshots(run, wb, options.averageLast()) : null;
            String variant = (average != null ? "-avg" + options.averageLast() : "")
                    + (tuning == null ? "" : "-ft" + options.fineTuneSteps()
                            + (options.fineTuneLr() != null ? "@" + options.fineTuneLr() : ""));
            String name = run.root().getFileName().toString() + variant.replace('-', '+');
            for (Path checkpoint : checkpoints) {
                boolean end = checkpoint.equals(run.checkpoint());
                int epoch = end ? spec.train().epochs() : epochOf(checkpoint);
                // a run trained with weight averaging ends with a mean, not its last epoch's weights: named
                // apart, so that it is not drawn as one more point of the curve
                String at = end && spec.train().averageLast() > 0 ? "+mean@" : "@";
                String label = name + (snapshots != null ? at + epoch : "");
                Path cache = run.rankCache(checkpoint, variant);
                Map<String, double[]> done = read(cache);
                Path loaded = null;
                int n = 0;
                for (String id : archIds) {
                    progress.update("score " + label, ++n, archIds.size(), "");
                    if (done.containsKey(id)) {
                        continue;
                    }
                    Arch arch = wb.net().space().parse(id);
                    // a snapshot, or the (sub-)supernet holding the arch; loaded once while it stays the same
                    Path weights = snapshots != null ? checkpoint : run.subCheckpoint(wb.subSupernetFor(run, arch));
                    // a tuned child changed the shared weights: the next one starts from them again
                    if (!weights.equals(loaded) || tuning != null) {
                        if (average != null) {
                            average.writeTo(wb.net());
                        } else {
                            wb.loadWeights(weights);
                        }
                        loaded = weights;
                    }
                    if (tuning != null) {
                        tuning.tune(arch);
                    }
                    eval.recalibrate(arch, wb.manager());
                    ChildEvaluator.Score s = eval.measure(wb.images().validation(), wb.manager());
                    done.put(id, new double[] {100 * s.accuracy(), s.loss()});
                    JsonObject o = new JsonObject();
                    o.addProperty("arch", id);
                    o.addProperty("accuracy", 100 * s.accuracy());
                    o.addProperty("loss", s.loss());
                    Files.createDirectories(cache.getParent());
                    Files.writeString(cache, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.put(label + " acc", new Estimator(label + " acc", epoch,
                        archIds.stream().mapToDouble(a -> done.get(a)[0]).toArray()));
                out.put(label + RankingFigures.LOSS, new Estimator(label + RankingFigures.LOSS, epoch,
                        archIds.stream().mapToDouble(a -> -done.get(a)[1]).toArray()));
            }
        }
        return out;
    }

    /** @return the mean of the run's snapshots over the final share of its epochs */
    private static WeightAverage averageOfSnapshots(RunDirectory run, Run wb, float share) {
        TrainConfig config = wb.spec().train().toBuilder().averageLast(share).build();
        config.validate();
        if (Files.isRegularFile(run.splitTree()) || config.firstAveragedEpoch() == 0) {
            throw new UserException("--average-last " + share + ": averages the epoch snapshots of an unsplit run"
                    + " (train --snapshots), over a share in (0, 1]");
        }
        if (wb.spec().train().averageLast() > 0) {
            // its last snapshot holds that mean, not the last epoch's weights, so a mean of snapshots would count it
            throw new UserException(run.root() + " ended with the mean of its epochs (trained with --average-last "
                    + wb.spec().train().averageLast() + "), which it scores without --average-last; averaging snapshots"
                    + " needs a run trained with --average-last 0 --snapshots");
        }
        WeightAverage average = new WeightAverage(wb.manager());
        for (int e = config.firstAveragedEpoch(); e <= config.epochs(); e++) {
            if (!Files.isRegularFile(run.snapshot(e))) {
                throw new UserException(run.root() + " has no snapshot of epoch " + e + " (" + run.snapshot(e)
                        + "): --average-last needs the snapshots of every averaged epoch (train --snapshots)");
            }
            wb.loadWeights(run.snapshot(e));
            average.add(wb.net(), e);
        }
        return average;
    }

    /** Epochs listed past the run's last are skipped, so one list serves runs of different lengths. */
    private static List<Path> snapshots(RunDirectory run, String which, int epochs) throws IOException {
        Path dir = run.checkpoint().getParent();
        List<Path> out = new ArrayList<>();
        if (which.equals("all")) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().matches("epoch-\\d+\\.ckpt")).forEach(out::add);
            }
        } else {
            for (String e : which.split(",")) {
                boolean number = e.trim().matches("\\d+");
                if (number && Integer.parseInt(e.trim()) > epochs) {
                    continue;
                }
                Path f = number ? run.snapshot(Integer.parseInt(e.trim())) : null;
                if (!number || !Files.isRegularFile(f)) {
                    throw new UserException(run.root() + " has no snapshot of epoch '" + e.trim() + "' (" + (f != null ? f : "not a number")
                            + "): name epochs it was trained with --snapshots, e.g. --snapshots 1,2,4, or all");
                }
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new UserException(run.root() + " has no epoch snapshots: train it with --snapshots, or rank without --snapshots");
        }
        if (Files.isRegularFile(run.splitTree())) {
            throw new UserException(run.root() + " is split: its sub-supernets have no snapshots; rank it without --snapshots");
        }
        out.sort(Comparator.comparingInt(SupernetEstimates::epochOf));
        // the last epoch's snapshot holds the run's final weights: score (and cache) them once, as the run's
        Path last = run.snapshot(epochs);
        if (out.remove(last)) {
            out.add(run.checkpoint());
        }
        return out;
    }

    private static int epochOf(Path snapshot) {
        String f = snapshot.getFileName().toString();
        return Integer.parseInt(f.substring("epoch-".length(), f.length() - ".ckpt".length()));
    }

    private static Map<String, double[]> read(Path cache) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        if (Files.isRegularFile(cache)) {
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    out.put(o.get("arch").getAsString(), new double[] {o.get("accuracy").getAsDouble(), o.get("loss").getAsDouble()});
                }
            }
        }
        return out;
    }
}
