package org.nas4j.cli;

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
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.UserException;

/**
 * A supernet's estimates of a truth's archs: BN recalibrated for each child, then accuracy and loss
 * on the validation split (the truth's own). Scores are cached per checkpoint in {@code
 * RUN/search/rank-CHECKPOINT.jsonl} and never recomputed.
 */
final class SupernetEstimates {

    private SupernetEstimates() {}

    /**
     * @param run a trained supernet run (split or not)
     * @param archIds the archs to score
     * @param snapshots null for the last weights, else which epoch snapshots: {@code all} or a comma-separated list
     * @return per checkpoint two estimators, by accuracy and by negated loss
     */
    static Map<String, RankCommand.Estimator> score(RunDirectory run, List<String> archIds, String snapshots)
            throws IOException {
        if (!run.exists()) {
            throw new UserException(run.root() + " holds no run: train a supernet there first");
        }
        RunSpec spec = run.read();
        Map<String, RankCommand.Estimator> out = new LinkedHashMap<>();
        try (Workbench wb = Workbench.open(spec)) {
            List<Path> checkpoints =
                    snapshots != null ? snapshots(run, snapshots, spec.train().epochs()) : List.of(run.checkpoint());
            ChildEvaluator eval = wb.evaluator();
            String name = run.root().getFileName().toString();
            for (Path checkpoint : checkpoints) {
                int epoch = checkpoint.equals(run.checkpoint()) ? spec.train().epochs() : epochOf(checkpoint);
                String label = name + (snapshots != null ? "@" + epoch : "");
                Path cache = run.root().resolve("search").resolve("rank-" + checkpoint.getFileName().toString().replace(".ckpt", "") + ".jsonl");
                Map<String, double[]> done = read(cache);
                Path loaded = null;
                ProgressBar bar = new ProgressBar(System.err, "score " + label, 0);
                int n = 0;
                for (String id : archIds) {
                    bar.update(++n, archIds.size(), "");
                    if (done.containsKey(id)) {
                        continue;
                    }
                    Arch arch = wb.net.space().parse(id);
                    // a snapshot, or the (sub-)supernet holding the arch; loaded once while it stays the same
                    Path weights = snapshots != null ? checkpoint : run.subCheckpoint(wb.subSupernetFor(run, arch));
                    if (!weights.equals(loaded)) {
                        wb.loadWeights(weights);
                        loaded = weights;
                    }
                    eval.recalibrate(arch, wb.manager);
                    ChildEvaluator.Score s = eval.measure(wb.validation(), wb.manager);
                    done.put(id, new double[] {100 * s.accuracy(), s.loss()});
                    JsonObject o = new JsonObject();
                    o.addProperty("arch", id);
                    o.addProperty("accuracy", 100 * s.accuracy());
                    o.addProperty("loss", s.loss());
                    Files.createDirectories(cache.getParent());
                    Files.writeString(cache, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.put(label + " acc", new RankCommand.Estimator(label + " acc", epoch,
                        archIds.stream().mapToDouble(a -> done.get(a)[0]).toArray()));
                out.put(label + " -loss", new RankCommand.Estimator(label + " -loss", epoch,
                        archIds.stream().mapToDouble(a -> -done.get(a)[1]).toArray()));
            }
        }
        return out;
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
                Path f = dir.resolve("epoch-" + e.trim() + ".ckpt");
                if (e.trim().matches("\\d+") && Integer.parseInt(e.trim()) > epochs) {
                    continue;
                }
                if (!e.trim().matches("\\d+") || !Files.isRegularFile(f)) {
                    throw new UserException(run.root() + " has no snapshot of epoch '" + e.trim() + "' (" + f
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
        Path last = dir.resolve("epoch-" + epochs + ".ckpt");
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
