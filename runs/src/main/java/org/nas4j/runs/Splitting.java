package org.nas4j.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.nas4j.algorithms.split.GradientMatch;
import org.nas4j.algorithms.split.GradientMatchingScorer;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.split.Splitter;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.Seeds;

/**
 * Splits a trained run's supernet into sub-supernets and trains them: split after split until the
 * budget, each new sub-supernet starting from its parent's weights ({@code split/sub-ID.ckpt}),
 * GM's halves optionally trained before the next split is scored, then every leaf trained. The tree
 * is saved after each split and each trained leaf leaves a marker, so a killed split resumes.
 */
public final class Splitting {

    private Splitting() {}

    /**
     * What to split and how.
     *
     * @param method few-shot or GM
     * @param budget sub-supernets wanted in all
     * @param dimensions the dimensions that may be split
     * @param measure GM's gradient agreement
     * @param batches GM: batches averaged per value
     * @param batchSize GM: images per batch
     * @param betweenEpochs GM: epochs each half of a split trains before the next split is scored
     * @param trainEpochs epochs each leaf trains at the end
     */
    public record Plan(Splitter.Method method, int budget, List<String> dimensions, GradientMatch measure, int batches,
            int batchSize, int betweenEpochs, int trainEpochs) {}

    /**
     * @param dir a run with a trained supernet
     * @param run its supernet and data
     * @param plan what to split
     * @param progress GM's scoring, the training, a line per split
     * @return the split tree
     */
    public static SplitTree split(RunDirectory dir, Run run, Plan plan, Progress progress) throws IOException {
        SplitTree tree = Files.isRegularFile(dir.splitTree()) ? SplitTree.load(dir.splitTree()) : new SplitTree();
        GradientMatchingScorer scorer = new GradientMatchingScorer(run.net(), run.images().train(), plan.batchSize(),
                plan.batches(), plan.measure(), Seeds.derive(run.spec().train().seed(), "split", tree.nodes().size()));
        Splitter splitter = new Splitter(plan.method(), run.net().space(), plan.dimensions(), scorer,
                id -> run.loadWeights(dir.subCheckpoint(id)));
        Splitter.Split s;
        while ((s = splitter.splitWidest(tree, plan.budget(), run.manager(),
                (done, total) -> progress.update("gm scores", done, total, ""))) != null) {
            progress.report(plan.method() == Splitter.Method.FEWSHOT
                    ? String.format(Locale.ROOT, "sub-supernet %d: one sub-supernet per value of %s", s.parent().id(), s.dimension())
                    : String.format(Locale.ROOT, "sub-supernet %d: split %s into %s | %s (mean cross score %.3f)",
                            s.parent().id(), s.dimension(), s.groups().get(0), s.groups().get(1), s.crossScore()));
            for (SplitTree.Node child : s.children()) {
                Files.createDirectories(dir.subCheckpoint(child.id()).getParent());
                Files.copy(dir.subCheckpoint(s.parent().id()), dir.subCheckpoint(child.id()), StandardCopyOption.REPLACE_EXISTING);
            }
            tree.save(dir.splitTree());
            if (plan.method() == Splitter.Method.GM && plan.betweenEpochs() > 0 && tree.leaves().size() < plan.budget()) {
                Training.trainSubSupernets(dir, run, s.children(), plan.betweenEpochs(), progress);
            }
        }
        if (plan.trainEpochs() > 0) {
            for (SplitTree.Node leaf : tree.leaves()) {
                if (!Files.exists(dir.subTrained(leaf.id()))) {
                    Training.trainSubSupernets(dir, run, List.of(leaf), plan.trainEpochs(), progress);
                    AtomicFiles.writeString(dir.subTrained(leaf.id()), plan.trainEpochs() + " epochs\n");
                }
            }
        }
        return tree;
    }
}
