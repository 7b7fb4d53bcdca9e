package org.nas4j.runs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.nas4j.algorithms.search.Archive;
import org.nas4j.algorithms.search.Constraint;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Hypervolume;
import org.nas4j.algorithms.search.Linas;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.algorithms.search.SearchContext;
import org.nas4j.algorithms.search.Strategies;
import org.nas4j.core.space.ArchLevel;
import org.nas4j.core.space.ArchRule;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;

/**
 * A hardware-aware search over a trained supernet: a strategy spends a budget of real evaluations
 * (kept in {@code RUN/search/evaluations.jsonl}, reused by every later search and by a resumed
 * one), and the run gets {@code pareto.json} and {@code pareto.csv} (whose reader is here too); the
 * search's own directory {@code RUN/search/NAME} keeps its config, the same files and, for LINAS, the
 * predictors' held-out scores.
 */
public final class ParetoSearch {

    /**
     * What to search for.
     *
     * @param strategy one of {@link Strategies#NAMES}
     * @param objectives the quality (accuracy or mae) and at least one cost
     * @param constraints limits on measured values
     * @param rules limits on the space's levels, known before evaluation ({@code class>=pswl}): no arch
     *     outside them is evaluated, nor on the front
     * @param evals budget of real evaluations
     * @param seed the strategy's seed
     * @param resume continue an earlier search of the same name
     * @param name the search's directory name
     */
    public record Plan(String strategy, List<Objective> objectives, List<Constraint> constraints, List<ArchRule> rules,
            int evals, long seed, boolean resume, String name) {}

    /** What a search leaves: its evaluations in order, their front, and the hypervolume after each. */
    public record Outcome(List<Evaluation> evaluations, List<Evaluation> front, double[] hypervolume, Path directory) {}

    private ParetoSearch() {}

    /**
     * @param run the trained run's directory
     * @param wb its supernet and task
     * @param plan what to search for
     * @param settings how children are evaluated (an archive is reused only under equal settings)
     * @param progress a bar of the evaluations
     * @return the evaluations in order, their front and the hypervolume after each
     */
    public static Outcome run(RunDirectory run, Run wb, Plan plan, ChildMeasurer.Settings settings, Progress progress)
            throws IOException {
        SearchSpace space = wb.net().space().admitting(plan.rules());
        Objective quality = Objective.qualityOf(plan.objectives());
        if (quality != wb.task().quality()) {
            throw new UserException("a " + wb.task().dataName() + " run is scored by " + wb.task().quality().label() + ", not "
                    + quality.label() + ": use --objectives " + wb.task().quality().label() + ",COST (e.g. "
                    + wb.task().quality().label() + ",macs)");
        }
        Path dir = run.search(plan.name());
        JsonObject config = config(plan);
        Path configFile = run.searchConfig(plan.name());
        if (Files.isRegularFile(configFile)) {
            if (!plan.resume()) {
                throw new UserException(dir + " exists: add --resume to continue that search, or give another --name");
            }
            JsonObject old = JsonParser.parseString(Files.readString(configFile)).getAsJsonObject();
            old.remove("evals");
            JsonObject now = config.deepCopy();
            now.remove("evals");
            if (!old.equals(now)) {
                throw new UserException("--resume: " + configFile + " describes another search (" + old
                        + "); use the same strategy, objectives, constraints and seed, or another --name");
            }
        }
        ai.djl.engine.Engine engine = wb.manager().getEngine();
        checkSettings(run.evaluatorSettings(), settings.toJson(engine.getEngineName() + " " + engine.getVersion()));
        AtomicFiles.writeString(configFile, pretty(config));
        Archive archive = Archive.open(run.evaluations(), space);
        ChildMeasurer measurer = new ChildMeasurer(wb, run, settings);

        // the smallest and largest children are measured for every search (they fix the hypervolume's box) and
        // belong to its front like any child it evaluated
        List<Evaluation> extremes = List.of(archived(space.smallest(), archive, measurer),
                archived(space.largest(), archive, measurer));
        ToDoubleFunction<Evaluation> violation = e -> SearchContext.violation(e, plan.constraints(), space);
        double[] scale = scale(plan.objectives(), extremes.get(0), extremes.get(1));
        double[] reference = Hypervolume.unitReference(plan.objectives().size());
        List<Double> hv = new ArrayList<>();
        List<Map<Objective, Double>> predictions = new ArrayList<>();
        List<Evaluation> done = new ArrayList<>();
        List<Linas.PredictorScore> scores = new ArrayList<>();
        SearchContext context = new SearchContext(space, plan.objectives(), plan.constraints(), plan.evals(), archive,
                measurer, (i, e, fresh, predicted) -> {
                    done.add(e);
                    predictions.add(predicted);
                    List<double[]> points = feasible(withExtremes(done, extremes), violation).stream()
                            .map(x -> Hypervolume.normalized(x, plan.objectives(), scale)).toList();
                    hv.add(Hypervolume.of(points, reference));
                    progress.update(plan.strategy(), i, plan.evals(), String.format(Locale.ROOT, "%s%s %.2fms hv %.4f",
                            fresh ? "" : "(archived) ", wb.task().formatScore(e.accuracy()), e.latencyMs(), hv.get(hv.size() - 1)));
                });
        Strategies.byName(plan.strategy(), plan.evals(), space.dimensions().size(), a -> wb.net().cost(a), scores::add)
                .search(context, new SplittableRandom(Seeds.derive(plan.seed(), "search", 0)));
        List<Evaluation> front = SearchContext.front(withExtremes(done, extremes), plan.objectives(), violation);
        double[] curve = hv.stream().mapToDouble(Double::doubleValue).toArray();
        double before = Hypervolume.of(feasible(extremes, violation).stream()
                .map(x -> Hypervolume.normalized(x, plan.objectives(), scale)).toList(), reference);
        writeOutputs(List.of(dir, run.root()), wb, plan, extremes, before, done, predictions, front, curve);
        if (!scores.isEmpty()) {
            StringBuilder csv = new StringBuilder("iteration,objective,predictor,trained,held_out,kendall_tau,rmse\n");
            for (Linas.PredictorScore s : scores) {
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%.4f,%.4f%n", s.iteration(), s.objective().label(),
                        s.predictor(), s.trained(), s.heldOut(), s.kendallTau(), s.rmse()));
            }
            AtomicFiles.writeString(run.predictors(plan.name()), csv.toString());
        }
        return new Outcome(done, front, curve, dir);
    }

    /**
     * Random search with parameter sharing (Li and Talwalkar, 2019): {@code evals} distinct random
     * archs, each scored with the shared weights of the (sub-)supernet that holds it, best first. It
     * is the random strategy under accuracy and MACs, named {@code rsps-sSEED}: its evaluations join the
     * run's archive and a rerun scores nothing twice.
     */
    public static List<Evaluation> rsps(RunDirectory run, Run wb, int evals, long seed, ChildMeasurer.Settings settings,
            Progress progress) throws IOException {
        List<Objective> objectives = List.of(wb.task().quality(), Objective.MACS);
        Plan plan = new Plan("random", objectives, List.of(), List.of(), evals, seed, true, "rsps-s" + seed);
        return run(run, wb, plan, settings, progress).evaluations().stream()
                .sorted(Comparator.comparingDouble((Evaluation e) -> e.goodness(objectives)).reversed()).toList();
    }

    /**
     * What maps to 1 in the hypervolume: an accuracy error 5 points worse than the smallest child's (an
     * error 1.2 times the worse of the two children's), and 1.2 times the largest child's costs. The two children are evaluated once, kept in the
     * archive, and not counted against any search's budget; every search of a run thus measures its
     * hypervolume in the same box.
     */
    private static double[] scale(List<Objective> objectives, Evaluation smallest, Evaluation largest) {
        double[] scale = new double[objectives.size()];
        for (int k = 0; k < scale.length; k++) {
            Objective o = objectives.get(k);
            scale[k] = o.maximized() ? 100 - (smallest.accuracy() - 5)
                    : 1.2 * (o.quality() ? Math.max(smallest.value(o), largest.value(o)) : largest.value(o));
        }
        return scale;
    }

    /** @return the search's evaluations and, unless it asked for them, the smallest and largest children */
    private static List<Evaluation> withExtremes(List<Evaluation> done, List<Evaluation> extremes) {
        List<Evaluation> all = new ArrayList<>(done);
        extremes.stream().filter(x -> done.stream().noneMatch(e -> e.arch().equals(x.arch()))).forEach(all::add);
        return all;
    }

    private static Evaluation archived(org.nas4j.core.space.Arch arch, Archive archive, ChildMeasurer measurer)
            throws IOException {
        var known = archive.get(arch.id());
        if (known.isPresent()) {
            return known.get();
        }
        Evaluation e = measurer.evaluate(arch);
        archive.append(e);
        return e;
    }

    private static List<Evaluation> feasible(List<Evaluation> all, ToDoubleFunction<Evaluation> violation) {
        return all.stream().filter(e -> violation.applyAsDouble(e) == 0).toList();
    }

    private static void checkSettings(Path file, JsonObject settings) throws IOException {
        if (Files.isRegularFile(file)) {
            JsonObject old = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (!old.equals(settings)) {
                throw new UserException("this run's archived evaluations were made with " + old + ", not " + settings
                        + "; use the same evaluation flags, or move " + file.getParent() + " away to start afresh");
            }
            return;
        }
        AtomicFiles.writeString(file, pretty(settings));
    }

    private static JsonObject config(Plan plan) {
        JsonObject o = new JsonObject();
        o.addProperty("strategy", plan.strategy());
        o.addProperty("objectives", plan.objectives().stream().map(Objective::label).collect(Collectors.joining(",")));
        JsonArray cs = new JsonArray();
        plan.constraints().forEach(c -> cs.add(c.toString()));
        plan.rules().forEach(r -> cs.add(r.toString()));
        o.add("constraints", cs);
        o.addProperty("evals", plan.evals());
        o.addProperty("seed", plan.seed());
        return o;
    }

    /**
     * What {@code pareto.json} holds.
     *
     * @param search the search's name
     * @param strategy its strategy
     * @param objectives its objectives, the quality (accuracy or mae) first
     * @param constraints its limits, as written
     * @param evaluations how many real evaluations it spent
     * @param hypervolume the front's hypervolume
     * @param front the front, by latency
     */
    public record Saved(String search, String strategy, List<Objective> objectives, List<String> constraints,
            int evaluations, double hypervolume, List<Evaluation> front) {}

    /** @return the front a search wrote in {@code dir} (a run's root or a search's directory) */
    public static Saved readFront(Path dir, SearchSpace space) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(RunDirectory.pareto(dir, "json"))).getAsJsonObject();
        List<Objective> objectives = Objective.parseList(o.get("objectives").getAsString());
        Objective quality = Objective.qualityOf(objectives);
        List<Evaluation> front = new ArrayList<>();
        for (var el : o.getAsJsonArray("front")) {
            JsonObject m = el.getAsJsonObject();
            front.add(new Evaluation(space.parse(m.get("arch").getAsString()), m.get(quality.label()).getAsDouble(),
                    m.get("latencyMs").getAsDouble(), m.get("macs").getAsLong(), m.get("params").getAsLong(), 0));
        }
        List<String> constraints = new ArrayList<>();
        o.getAsJsonArray("constraints").forEach(c -> constraints.add(c.getAsString()));
        return new Saved(o.get("search").getAsString(), o.get("strategy").getAsString(),
                objectives, constraints, o.get("evaluations").getAsInt(),
                o.get("hypervolume").getAsDouble(), front);
    }

    /**
     * One row of {@code pareto.csv}: an evaluation, whether it is on the front, the hypervolume after it.
     *
     * @param index its place in the search, from 1; 0 for the smallest and largest children, measured before it
     */
    public record Row(int index, Evaluation evaluation, boolean onFront, double hypervolume) {}

    /** @return the rows of a {@code pareto.csv} written by a search of this space */
    public static List<Row> readCsv(Path csv, SearchSpace space) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            // index,"arch",accuracy,latency_ms,macs,params,predicted_accuracy,predicted_latency_ms,on_front,hypervolume
            int open = line.indexOf('"');
            int close = line.indexOf('"', open + 1);
            String[] f = line.substring(close + 2).split(",", -1);
            Evaluation e = new Evaluation(space.parse(line.substring(open + 1, close)), Double.parseDouble(f[0]),
                    Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), 0);
            rows.add(new Row(Integer.parseInt(line.substring(0, open - 1)), e,
                    Boolean.parseBoolean(f[6]), Double.parseDouble(f[7])));
        }
        return rows;
    }

    private static void writeOutputs(List<Path> places, Run wb, Plan plan, List<Evaluation> extremes, double before,
            List<Evaluation> done, List<Map<Objective, Double>> predictions, List<Evaluation> front, double[] hv)
            throws IOException {
        Set<String> onFront = front.stream().map(e -> e.arch().id()).collect(Collectors.toCollection(HashSet::new));
        Objective quality = Objective.qualityOf(plan.objectives());
        List<ArchLevel> levels = wb.net().space().levels();
        StringBuilder csv = new StringBuilder(String.format(Locale.ROOT,
                "index,arch,%1$s,latency_ms,macs,params,predicted_%1$s,predicted_latency_ms,on_front,hypervolume%2$s%n",
                quality.label(), levels.stream().map(l -> "," + l.name()).collect(Collectors.joining())));
        // index 0: the smallest and largest children, measured before the search (not counted in its budget)
        for (Evaluation e : extremes) {
            if (done.stream().noneMatch(d -> d.arch().equals(e.arch()))) {
                csv.append(String.format(Locale.ROOT, "0,\"%s\",%.4f,%.4f,%d,%d,,,%s,%.6f%s%n", e.arch().id(), e.accuracy(),
                        e.latencyMs(), e.macs(), e.params(), onFront.contains(e.arch().id()), before, labels(levels, e)));
            }
        }
        for (int i = 0; i < done.size(); i++) {
            Evaluation e = done.get(i);
            Map<Objective, Double> p = predictions.get(i);
            csv.append(String.format(Locale.ROOT, "%d,\"%s\",%.4f,%.4f,%d,%d,%s,%s,%s,%.6f%s%n", i + 1, e.arch().id(),
                    e.accuracy(), e.latencyMs(), e.macs(), e.params(), number(p.get(quality)),
                    number(p.get(Objective.LATENCY)), onFront.contains(e.arch().id()), hv[i], labels(levels, e)));
        }
        JsonObject json = config(plan);
        json.addProperty("search", plan.name());
        json.addProperty("space", wb.spec().space());
        json.addProperty("evaluations", done.size());
        json.addProperty("hypervolume", hv.length == 0 ? 0 : hv[hv.length - 1]);
        JsonArray members = new JsonArray();
        front.stream().sorted(Comparator.comparingDouble(Evaluation::latencyMs)).forEach(e -> {
            JsonObject m = new JsonObject();
            m.addProperty("arch", e.arch().id());
            m.addProperty(quality.label(), e.accuracy());
            m.addProperty("latencyMs", e.latencyMs());
            m.addProperty("macs", e.macs());
            m.addProperty("params", e.params());
            levels.forEach(l -> m.addProperty(l.name(), l.label().apply(e.arch())));
            int asked = done.indexOf(e);
            Map<Objective, Double> p = asked < 0 ? Map.of() : predictions.get(asked);
            if (!p.isEmpty()) {
                JsonObject predicted = new JsonObject();
                p.forEach((o, v) -> predicted.addProperty(o.label(), v));
                m.add("predicted", predicted);
            }
            members.add(m);
        });
        json.add("front", members);
        for (Path where : places) {
            AtomicFiles.writeString(RunDirectory.pareto(where, "csv"), csv.toString());
            AtomicFiles.writeString(RunDirectory.pareto(where, "json"), pretty(json));
        }
    }

    /** @return the arch's value of every level, each after a comma (the last columns of {@code pareto.csv}) */
    private static String labels(List<ArchLevel> levels, Evaluation e) {
        return levels.stream().map(l -> "," + l.label().apply(e.arch())).collect(Collectors.joining());
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pretty(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }
}
