package org.nas4j.runs;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nas4j.algorithms.split.GradientMatch;
import org.nas4j.algorithms.split.GradientMatchingScorer;
import org.nas4j.algorithms.split.RestrictedSampler;
import org.nas4j.algorithms.split.SplitTree;
import org.nas4j.algorithms.split.Splitter;
import org.nas4j.algorithms.train.Checkpoint;
import org.nas4j.algorithms.train.SupernetTrainer;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;

/**
 * GM-NAS's schedule (and few-shot NAS's, with one level): the run's supernet trains to the first
 * split epoch; there every leaf of the split tree is split, and each new sub-supernet continues from
 * its parent's checkpoint (weights, optimizer state, running weight average and place in the
 * learning-rate schedule) in its own sub-space, to the next split epoch, where every leaf is split
 * again; after the last split every leaf trains to the run's final epoch. Checkpoints and the tree
 * are saved as it goes, so a killed schedule resumes where it stopped. Successive halving, as an
 * option, stops the worse half of the sub-supernets at set epochs after the last split, so that the
 * budget goes to the sub-spaces whose children score best.
 */
public final class Splitting {

    private Splitting() {}

    /**
     * What to split and how.
     *
     * @param method few-shot or GM
     * @param ways GM: groups per split
     * @param splitEpochs the epochs of the run's schedule at which every leaf is split, ascending
     * @param dimensions the dimensions that may be split
     * @param measure GM's gradient agreement
     * @param draws GM: batches (each with its child) averaged per dimension
     * @param batchSize GM: images per batch
     * @param halvingRounds successive halving after the last split: at this many evenly spaced epochs
     *     before the last, the worse half of the sub-supernets still training stops there (0: off)
     */
    public record Plan(Splitter.Method method, int ways, List<Integer> splitEpochs, List<String> dimensions,
            GradientMatch measure, int draws, int batchSize, int halvingRounds) {}

    /** Children of a sub-supernet's own sub-space whose mean validation score ranks it in successive halving. */
    static final int HALVING_CHILDREN = 4;

    /**
     * Every forward and backward pass the schedule spent.
     *
     * @param trainingPasses passes of supernet training, the whole supernet's included
     * @param scoringPasses passes of GM's gradient scoring
     */
    public record Budget(long trainingPasses, long scoringPasses) {

        public long total() {
            return trainingPasses + scoringPasses;
        }
    }

    /**
     * Checks a plan against the run before anything is trained or written.
     *
     * @throws UserException naming the problem
     */
    public static void check(Plan plan, TrainConfig config) {
        List<Integer> epochs = plan.splitEpochs();
        if (epochs.isEmpty()) {
            throw new UserException("--split-epochs: give at least one epoch, e.g. --split-epochs 10,20");
        }
        for (int i = 0; i < epochs.size(); i++) {
            if (epochs.get(i) < 1 || epochs.get(i) >= config.epochs() || (i > 0 && epochs.get(i) <= epochs.get(i - 1))) {
                throw new UserException("--split-epochs " + epochs + ": need ascending epochs between 1 and "
                        + (config.epochs() - 1) + " (the run trains " + config.epochs() + " epochs in all)");
            }
        }
    }

    /**
     * Runs (or resumes) the schedule.
     *
     * @param dir a run directory
     * @param run its supernet and data
     * @param plan what to split and when
     * @param progress the training, GM's scoring, a line per split
     * @return the split tree
     */
    public static SplitTree split(RunDirectory dir, Run run, Plan plan, Progress progress) throws IOException {
        TrainConfig config = run.spec().train();
        check(plan, config);
        SplitTree tree = Files.isRegularFile(dir.splitTree()) ? SplitTree.load(dir.splitTree()) : new SplitTree();
        if (tree.nodes().size() == 1) {
            // before anything is written: the whole supernet must not have trained past the first split
            SplitTree.Node root = tree.nodes().get(0);
            stepsDone(dir, trainer(dir, run, root), root, plan.splitEpochs().get(0));
        }
        keepPlan(dir, plan);
        GradientMatchingScorer scorer = new GradientMatchingScorer(run.net(), run.images().train(), plan.batchSize(),
                plan.draws(), plan.measure(), Seeds.derive(config.seed(), "split", 0));
        Splitter splitter = new Splitter(plan.method(), plan.ways(), run.net().space(), plan.dimensions(), scorer);
        for (int level = 0; level < plan.splitEpochs().size(); level++) {
            int epoch = plan.splitEpochs().get(level);
            for (SplitTree.Node leaf : leavesAt(tree, level)) {
                trainTo(dir, run, leaf, epoch, progress);
                run.loadWeights(dir.subCheckpoint(leaf.id()));
                Splitter.Split s = splitter.split(tree, leaf, run.manager(),
                        (done, total) -> progress.update("gm scores", done, total, "sub-supernet " + leaf.id()));
                if (s == null) {
                    continue;
                }
                for (SplitTree.Node child : s.children()) {
                    copyTrainingState(dir.subCheckpoint(leaf.id()), dir.subCheckpoint(child.id()));
                }
                tree.save(dir.splitTree());
                progress.report(describe(s, epoch));
            }
        }
        Map<Integer, Integer> stopped = readStops(dir);
        int from = plan.splitEpochs().get(plan.splitEpochs().size() - 1);
        for (int round = 1; round <= plan.halvingRounds(); round++) {
            int epoch = from + (config.epochs() - from) * round / (plan.halvingRounds() + 1);
            List<SplitTree.Node> alive = tree.leaves().stream().filter(l -> !stopped.containsKey(l.id())).toList();
            if (alive.size() < 2 || epoch <= from || stopped.containsValue(epoch)) {
                continue;
            }
            for (SplitTree.Node leaf : alive) {
                trainTo(dir, run, leaf, epoch, progress);
            }
            halve(dir, run, alive, epoch, stopped, progress);
        }
        for (SplitTree.Node leaf : tree.leaves()) {
            if (!stopped.containsKey(leaf.id())) {
                trainTo(dir, run, leaf, config.epochs(), progress);
            }
        }
        Budget budget = budget(tree, plan, config, run, stopped);
        JsonObject o = new JsonObject();
        o.addProperty("trainingPasses", budget.trainingPasses());
        o.addProperty("scoringPasses", budget.scoringPasses());
        o.addProperty("total", budget.total());
        AtomicFiles.writeString(dir.splitBudget(), o + "\n");
        return tree;
    }

    /**
     * Successive halving's cut: every sub-supernet still training is scored by the mean validation
     * score of a few children of its own sub-space; the better half goes on, the rest stop here.
     */
    private static void halve(RunDirectory dir, Run run, List<SplitTree.Node> alive, int epoch, Map<Integer, Integer> stopped,
            Progress progress) throws IOException {
        Map<Integer, Double> scores = new LinkedHashMap<>();
        for (SplitTree.Node leaf : alive) {
            run.loadWeights(dir.subCheckpoint(leaf.id()));
            SearchSpace sub = SplitTree.subspace(run.net().space(), leaf);
            SplittableRandom rng = new SplittableRandom(Seeds.derive(run.spec().train().seed(), "halving", leaf.id()));
            double sum = 0;
            for (int i = 0; i < HALVING_CHILDREN; i++) {
                sum += run.validationScore(sub.sample(rng));
            }
            scores.put(leaf.id(), sum / HALVING_CHILDREN);
        }
        List<Integer> ranked = scores.keySet().stream().sorted(Comparator.comparing(scores::get).reversed()).toList();
        List<Integer> stop = ranked.subList((ranked.size() + 1) / 2, ranked.size());
        stop.forEach(id -> stopped.put(id, epoch));
        JsonArray all = Files.isRegularFile(dir.splitHalving())
                ? JsonParser.parseString(Files.readString(dir.splitHalving())).getAsJsonArray() : new JsonArray();
        JsonObject o = new JsonObject();
        o.addProperty("epoch", epoch);
        JsonObject byLeaf = new JsonObject();
        scores.forEach((id, score) -> byLeaf.addProperty(Integer.toString(id), score));
        o.add("scores", byLeaf);
        JsonArray ids = new JsonArray();
        stop.forEach(ids::add);
        o.add("stopped", ids);
        all.add(o);
        AtomicFiles.writeString(dir.splitHalving(), all + "\n");
        progress.report(String.format(Locale.ROOT, "epoch %d, successive halving: sub-supernets %s go on, %s stop (mean %s of %d"
                + " children each: %s)", epoch, ranked.subList(0, (ranked.size() + 1) / 2), stop, run.task().scoreName(),
                HALVING_CHILDREN, scores.entrySet().stream().map(e -> String.format(Locale.ROOT, "%d: %.2f", e.getKey(), e.getValue()))
                        .toList()));
    }

    /** @return the sub-supernets successive halving stopped, with the epoch they stopped at */
    private static Map<Integer, Integer> readStops(RunDirectory dir) throws IOException {
        Map<Integer, Integer> stopped = new LinkedHashMap<>();
        if (Files.isRegularFile(dir.splitHalving())) {
            for (JsonElement round : JsonParser.parseString(Files.readString(dir.splitHalving())).getAsJsonArray()) {
                int epoch = round.getAsJsonObject().get("epoch").getAsInt();
                round.getAsJsonObject().getAsJsonArray("stopped").forEach(id -> stopped.put(id.getAsInt(), epoch));
            }
        }
        return stopped;
    }

    /** Records the plan with the split; a resumed schedule must follow the plan it started with. */
    private static void keepPlan(RunDirectory dir, Plan plan) throws IOException {
        String json = new Gson().toJson(plan);
        if (Files.isRegularFile(dir.splitPlan())) {
            String kept = Files.readString(dir.splitPlan()).trim();
            if (!kept.equals(json)) {
                throw new UserException(dir.root() + " was split with other settings (" + kept + "): resume it with the same"
                        + " flags, or split a fresh copy of the run");
            }
            return;
        }
        Files.createDirectories(dir.splitPlan().getParent());
        AtomicFiles.writeString(dir.splitPlan(), json + "\n");
    }

    /** @return the leaves made by {@code level} splits: those the split at that level's epoch divides */
    private static List<SplitTree.Node> leavesAt(SplitTree tree, int level) {
        return tree.leaves().stream().filter(l -> tree.depth(l) == level).toList();
    }

    /** Trains a (sub-)supernet from its checkpoint, in its sub-space, up to the end of an epoch of the run's schedule. */
    private static void trainTo(RunDirectory dir, Run run, SplitTree.Node node, int epoch, Progress progress) {
        TrainConfig c = run.spec().train();
        SupernetTrainer trainer = trainer(dir, run, node);
        long target = (long) epoch * trainer.stepsPerEpoch();
        long done = stepsDone(dir, trainer, node, epoch);
        if (done == target) {
            return;
        }
        progress.report(String.format(Locale.ROOT, "%s (%s archs): epochs %d to %d of %d, %d steps each",
                node.id() == 0 ? "supernet" : "sub-supernet " + node.id(), SplitTree.subspace(run.net().space(), node).size(),
                done / trainer.stepsPerEpoch() + 1, epoch, c.epochs(), trainer.stepsPerEpoch()));
        trainer.train(run.manager(), true, target, (step, total, loss, lr) -> progress.update(
                node.id() == 0 ? "train" : "sub " + node.id(), step, target, Training.stepStatus(loss, lr)));
    }

    /** @return the steps a (sub-)supernet has trained; refused when they run past the end of {@code epoch} */
    private static long stepsDone(RunDirectory dir, SupernetTrainer trainer, SplitTree.Node node, int epoch) {
        long target = (long) epoch * trainer.stepsPerEpoch();
        Path checkpoint = dir.subCheckpoint(node.id());
        long done = Files.isRegularFile(checkpoint) ? Checkpoint.header(checkpoint).get("step").getAsLong() : 0;
        if (done > target) {
            throw new UserException(checkpoint + " has trained " + done + " steps, past epoch " + epoch + " ("
                    + target + " steps): split a run trained with 'nas4j train --until-epoch " + epoch + "', or split later");
        }
        return done;
    }

    private static SupernetTrainer trainer(RunDirectory dir, Run run, SplitTree.Node node) {
        TrainConfig c = run.spec().train();
        return new SupernetTrainer(run.net(), run.trainingData(c), c, sampler(run, node), dir.subCheckpoint(node.id()),
                run.heldOutData());
    }

    private static ArchSampler sampler(Run run, SplitTree.Node node) {
        ArchSampler inner = run.sampler();
        return node.id() == 0 ? inner : new RestrictedSampler(SplitTree.subspace(run.net().space(), node), inner);
    }

    /** A child continues exactly where its parent stopped: its checkpoint and, while weights are averaged, the running mean. */
    private static void copyTrainingState(Path parent, Path child) throws IOException {
        Files.createDirectories(child.getParent());
        Path parentAverage = SupernetTrainer.averageFile(parent);
        if (Files.isRegularFile(parentAverage)) {
            Files.copy(parentAverage, SupernetTrainer.averageFile(child), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(parent, child, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * @return the passes of a finished schedule: every node trained from its parent's split epoch to
     *     its own (the last epoch for a leaf, or where successive halving stopped it), times the
     *     children a step trains, plus GM's scoring
     */
    public static Budget budget(RunDirectory dir, SplitTree tree, Plan plan, TrainConfig config, Run run) throws IOException {
        return budget(tree, plan, config, run, readStops(dir));
    }

    private static Budget budget(SplitTree tree, Plan plan, TrainConfig config, Run run, Map<Integer, Integer> stopped) {
        int perEpoch = Math.max(1, run.trainingData(config).size() / config.batchSize());
        SearchSpace space = run.net().space();
        int perStep = run.sampler().plan(space, new SplittableRandom(0)).children().size();
        long steps = 0;
        long scoring = 0;
        for (SplitTree.Node n : tree.nodes()) {
            int depth = tree.depth(n);
            int from = depth == 0 ? 0 : plan.splitEpochs().get(depth - 1);
            int to = !n.children().isEmpty() ? plan.splitEpochs().get(depth) : stopped.getOrDefault(n.id(), config.epochs());
            steps += (long) (to - from) * perEpoch;
            scoring += n.scoringPasses();
        }
        return new Budget(steps * perStep, scoring);
    }

    private static String describe(Splitter.Split s, int epoch) {
        String groups = String.join(" | ", s.groups().stream().map(Object::toString).toList());
        return Double.isNaN(s.crossScore())
                ? String.format(Locale.ROOT, "epoch %d, sub-supernet %d: one sub-supernet per value of %s", epoch, s.parent().id(), s.dimension())
                : String.format(Locale.ROOT, "epoch %d, sub-supernet %d: split %s into %s (mean cross score %.3f, %d scoring passes)",
                        epoch, s.parent().id(), s.dimension(), groups, s.crossScore(), s.passes());
    }
}
