package org.nas4j.runs;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.nas4j.algorithms.darts.Darts;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Relaxable;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/**
 * First-order DARTS on a run's supernet, or on each sub-supernet of a split run (its own sub-space,
 * from its own weights); the derived arch with the best validation accuracy wins. Every derived arch,
 * its accuracy and softmax(α) go to {@code search/darts.json}.
 */
public final class DartsSearch {

    private DartsSearch() {}

    /**
     * The winner.
     *
     * @param arch the derived arch
     * @param validationAccuracy its validation accuracy in %, BN recalibrated
     */
    public record Result(Arch arch, double validationAccuracy) {}

    /**
     * @param dir the run
     * @param run its supernet and data
     * @param steps DARTS steps per (sub-)supernet
     * @param seed DARTS's seed
     * @param progress a line per (sub-)supernet
     * @return the best derived arch
     */
    public static Result run(RunDirectory dir, Run run, int steps, long seed, Progress progress) throws IOException {
        if (!(run.net() instanceof Relaxable)) {
            throw new UserException("space " + run.spec().space() + " has no continuous relaxation for DARTS; use --strategy rsps");
        }
        SearchSpace space = run.net().space();
        List<SplitTree.Node> leaves = Files.isRegularFile(dir.splitTree())
                ? SplitTree.load(dir.splitTree()).leaves() : List.of(new SplitTree().nodes().get(0));
        ImageTask images = run.images();
        JsonArray subs = new JsonArray();
        Result best = null;
        for (SplitTree.Node leaf : leaves) {
            run.loadWeights(dir.subCheckpoint(leaf.id()));
            Darts.Result r = Darts.search(run.net(), SplitTree.subspace(space, leaf), images.train(), images.validation(),
                    new Darts.Config(steps, run.spec().train().batchSize(), run.spec().train().learningRate() / 10, 3e-4f, seed),
                    run.manager());
            double accuracy = 100 * run.evaluator().accuracy(r.arch(), images.validation(), run.manager());
            JsonObject o = new JsonObject();
            o.addProperty("sub", leaf.id());
            o.addProperty("arch", r.arch().id());
            o.addProperty("validationAccuracy", accuracy);
            JsonObject weights = new JsonObject();
            r.weights().forEach((d, w) -> {
                JsonArray row = new JsonArray();
                for (float v : w) {
                    row.add(v);
                }
                weights.add(d, row);
            });
            o.add("softmaxAlpha", weights);
            subs.add(o);
            progress.report(String.format(Locale.ROOT, "darts on sub-supernet %d: %s, validation accuracy %.2f%%", leaf.id(),
                    r.arch().id(), accuracy));
            if (best == null || accuracy > best.validationAccuracy()) {
                best = new Result(r.arch(), accuracy);
            }
        }
        JsonObject result = new JsonObject();
        result.addProperty("arch", best.arch().id());
        result.addProperty("validationAccuracy", best.validationAccuracy());
        result.add("subSupernets", subs);
        AtomicFiles.writeString(dir.darts(), result + "\n");
        return best;
    }
}
