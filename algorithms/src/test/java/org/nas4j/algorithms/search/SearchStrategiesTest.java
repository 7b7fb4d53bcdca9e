package org.nas4j.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algorithms.predict.ArchEncoding;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.ArchRule;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

/**
 * Strategies on the real ofa-mbv3-fmnist space with a cheap analytic stand-in for training: accuracy
 * and latency are fixed random functions of the arch's choices (larger choices cost more latency
 * and tend to give more accuracy, with interactions), so a run costs milliseconds.
 */
class SearchStrategiesTest {

    private static final List<Objective> OBJECTIVES = List.of(Objective.ACCURACY, Objective.LATENCY);

    @TempDir
    Path tmp;

    private final SearchSpace space = SpaceRegistry.get("ofa-mbv3-fmnist").space();
    private final AnalyticChild child = new AnalyticChild(space);

    @Test
    void linasAndNsga2BeatRandomSearchAtEqualBudget() throws IOException {
        int budget = 60;
        double[] random = new double[3];
        double[] nsga2 = new double[3];
        double[] linas = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            random[seed] = hypervolume(new RandomSearch(), budget, seed);
            nsga2[seed] = hypervolume(new Nsga2Search(12, 0.15), budget, seed);
            linas[seed] = hypervolume(new Linas(15, 8, 40, 60, 0.15, a -> new Cost(0, 0), s -> {}), budget, seed);
        }
        double r = median(random);
        assertTrue(median(nsga2) > r, "NSGA-II " + Arrays.toString(nsga2) + " vs random " + Arrays.toString(random));
        assertTrue(median(linas) > r, "LINAS " + Arrays.toString(linas) + " vs random " + Arrays.toString(random));
    }

    /** Single objective (NASNet's setting): the best accuracy found, median of 3 seeds, budget 100. */
    @Test
    void evolutionAndTheReinforceControllerFindBetterArchsThanRandom() throws IOException {
        double[] random = new double[3];
        double[] evolution = new double[3];
        double[] reinforce = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            random[seed] = bestAccuracy(new RandomSearch(), 100, seed);
            evolution[seed] = bestAccuracy(new AgingEvolution(20, 5, 0.1), 100, seed);
            reinforce[seed] = bestAccuracy(new ReinforceSearch(5, 32, 0.02f, 0.9, 1e-4f), 100, seed);
        }
        double r = median(random);
        assertTrue(median(evolution) > r, "evolution " + Arrays.toString(evolution) + " vs random " + Arrays.toString(random));
        assertTrue(median(reinforce) > r, "REINFORCE " + Arrays.toString(reinforce) + " vs random " + Arrays.toString(random));
    }

    /** The same stand-in scored as an error (100 - accuracy) under the mae objective: the strategies now minimize. */
    @Test
    void underAnErrorObjectiveEvolutionAndReinforceFindLowerErrorsThanRandom() throws IOException {
        double[] random = new double[3];
        double[] evolution = new double[3];
        double[] reinforce = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            random[seed] = lowestError(new RandomSearch(), 100, seed);
            evolution[seed] = lowestError(new AgingEvolution(20, 5, 0.1), 100, seed);
            reinforce[seed] = lowestError(new ReinforceSearch(5, 32, 0.02f, 0.9, 1e-4f), 100, seed);
        }
        double r = median(random);
        assertTrue(median(evolution) < r, "evolution " + Arrays.toString(evolution) + " vs random " + Arrays.toString(random));
        assertTrue(median(reinforce) < r, "REINFORCE " + Arrays.toString(reinforce) + " vs random " + Arrays.toString(random));
    }

    private double lowestError(SearchStrategy strategy, int budget, long seed) throws IOException {
        Archive archive = Archive.open(tmp.resolve("mae-" + System.nanoTime() + ".jsonl"), space);
        SearchContext ctx = new SearchContext(space, List.of(Objective.MAE), List.of(), budget, archive, a -> {
            Evaluation e = child.evaluate(a);
            return new Evaluation(a, 100 - e.accuracy(), e.latencyMs(), e.macs(), e.params(), 0);
        }, (i, e, f, p) -> {});
        strategy.search(ctx, new SplittableRandom(seed));
        return ctx.asked().stream().mapToDouble(e -> e.value(Objective.MAE)).min().orElseThrow();
    }

    private double bestAccuracy(SearchStrategy strategy, int budget, long seed) throws IOException {
        Archive archive = Archive.open(tmp.resolve("acc-" + System.nanoTime() + ".jsonl"), space);
        SearchContext ctx = new SearchContext(space, List.of(Objective.ACCURACY), List.of(), budget, archive,
                child::evaluate, (i, e, f, p) -> {});
        strategy.search(ctx, new SplittableRandom(seed));
        assertEquals(budget, ctx.asked().size(), "the whole budget is spent");
        return ctx.asked().stream().mapToDouble(Evaluation::accuracy).max().orElseThrow();
    }

    @Test
    void aResumedSearchReEvaluatesNothingAndEndsTheSame() throws IOException {
        Path file = tmp.resolve("evaluations.jsonl");
        List<String> first = run(file, new AgingEvolution(10, 3, 0.2), 30, 7, new int[1]);
        // a kill during the 31st append leaves a torn line behind
        Files.writeString(file, Files.readString(file) + "{\"arch\":\"r2", StandardCharsets.UTF_8);
        int[] fresh = new int[1];
        List<String> resumed = run(file, new AgingEvolution(10, 3, 0.2), 40, 7, fresh);
        assertEquals(first, resumed.subList(0, 30), "the resumed search retraces the first");
        assertEquals(10, fresh[0], "only the 10 new archs are evaluated");
        assertEquals(40, Files.readAllLines(file).size(), "the torn line is gone, 40 intact lines");
    }

    @Test
    void aCorruptArchiveLineIsReportedWithItsNumber() throws IOException {
        Path file = tmp.resolve("evaluations.jsonl");
        run(file, new RandomSearch(), 5, 1, new int[1]);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("accuracy", "accuracx"));
        Files.write(file, lines);
        UserException e = assertThrows(UserException.class, () -> Archive.open(file, space));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void badObjectivesAndConstraintsSayWhatIsWrong() {
        assertTrue(assertThrows(UserException.class, () -> Objective.parseList("accuracy,speed")).getMessage()
                .contains("unknown objective 'speed'"));
        assertTrue(assertThrows(UserException.class, () -> Objective.parseList("latency,macs")).getMessage()
                .contains("must hold one quality (accuracy, or mae for graph runs)"));
        assertTrue(assertThrows(UserException.class, () -> Objective.parseList("accuracy,mae,macs")).getMessage()
                .contains("must hold one quality"));
        assertEquals(Objective.MAE, Objective.qualityOf(Objective.parseList("macs,mae")));
        assertTrue(assertThrows(UserException.class, () -> Constraint.parse("mae>=0.5")).getMessage()
                .contains("use mae<=VALUE"));
        assertTrue(assertThrows(UserException.class, () -> Constraint.parse("latency<3ms")).getMessage()
                .contains("NAME<=VALUE"));
        assertTrue(assertThrows(UserException.class, () -> Constraint.parse("latency<=3M")).getMessage()
                .contains("unit"));
        assertTrue(assertThrows(UserException.class, () -> Constraint.parse("accuracy<=90")).getMessage()
                .contains("accuracy>=VALUE"));
        Constraint c = Constraint.parse("macs<=20M");
        assertEquals(20e6, c.limit());
        assertEquals(0.5, c.violation(new Evaluation(space.largest(), 90, 1, 30_000_000, 1, 0)), 1e-12);
        assertEquals(0.003, Constraint.parse("latency <= 3us").limit(), 1e-15);
        Constraint size = Constraint.parse("size<=200kB");
        assertEquals(0.2, size.limit(), 1e-12);
        // 100,000 float32 parameters are 0.4 MB: twice the limit
        assertEquals(1.0, size.violation(new Evaluation(space.largest(), 90, 1, 1, 100_000, 0)), 1e-12);
        assertTrue(assertThrows(UserException.class, () -> Constraint.parse("size<=2M")).getMessage().contains("unit"));
    }

    @Test
    void constrainedSearchReturnsOnlyFeasibleFrontMembers() throws IOException {
        Archive archive = Archive.open(tmp.resolve("c.jsonl"), space);
        double limit = child.latency(space.largest()) * 0.5;
        SearchContext ctx = new SearchContext(space, OBJECTIVES, List.of(new Constraint(Objective.LATENCY, true, limit)),
                40, archive, child::evaluate, (i, e, f, p) -> {});
        new Nsga2Search(10, 0.2).search(ctx, new SplittableRandom(2));
        assertTrue(!ctx.front().isEmpty(), "a feasible front exists");
        ctx.front().forEach(e -> assertTrue(e.latencyMs() <= limit, e.arch().id() + " breaks the limit"));
    }

    /**
     * A rule on the subgraph GNN space's class narrows every strategy: none asks for an arch below
     * SSWL (half of the space), and each still spends its whole budget.
     */
    @Test
    void everyStrategyAsksOnlyForArchsTheRulesAdmit() throws IOException {
        SearchSpace sgnn = SpaceRegistry.get("sgnn-count").space();
        SearchSpace sswl = sgnn.admitting(List.of(ArchRule.parse("class>=sswl", sgnn).orElseThrow()));
        AnalyticChild analytic = new AnalyticChild(sgnn);
        for (String name : Strategies.NAMES) {
            Archive archive = Archive.open(tmp.resolve("rule-" + name + ".jsonl"), sgnn);
            SearchContext ctx = new SearchContext(sswl, OBJECTIVES, List.of(), 25, archive, analytic::evaluate, (i, e, f, p) -> {});
            Strategies.byName(name, 25, sgnn.dimensions().size(), a -> new Cost(1, 1), r -> {})
                    .search(ctx, new SplittableRandom(4));
            assertEquals(25, ctx.asked().size(), name + " spends its budget");
            ctx.asked().forEach(e -> assertTrue(e.arch().id().contains("vL") || e.arch().id().contains("vu"),
                    name + " asked for " + e.arch().id()));
        }
        assertThrows(IllegalArgumentException.class, () -> new SearchContext(sswl, OBJECTIVES, List.of(), 1,
                Archive.open(tmp.resolve("rule-none.jsonl"), sgnn), analytic::evaluate, (i, e, f, p) -> {})
                .evaluate(sgnn.smallest()));
    }

    private double hypervolume(SearchStrategy strategy, int budget, long seed) throws IOException {
        Archive archive = Archive.open(tmp.resolve("hv-" + System.nanoTime() + ".jsonl"), space);
        SearchContext ctx = new SearchContext(space, OBJECTIVES, List.of(), budget, archive, child::evaluate,
                (i, e, f, p) -> {});
        strategy.search(ctx, new SplittableRandom(seed));
        assertEquals(budget, ctx.asked().size(), "the whole budget is spent");
        // accuracy lies in [80, 100]: errors up to 20 points count
        double[] scale = {20, child.latency(space.largest())};
        List<double[]> points = ctx.asked().stream().map(e -> Hypervolume.normalized(e, OBJECTIVES, scale)).toList();
        return Hypervolume.of(points, Hypervolume.unitReference(2));
    }

    private List<String> run(Path file, SearchStrategy strategy, int budget, long seed, int[] fresh) throws IOException {
        Archive archive = Archive.open(file, space);
        SearchContext ctx = new SearchContext(space, OBJECTIVES, List.of(), budget, archive, a -> {
            fresh[0]++;
            return child.evaluate(a);
        }, (i, e, f, p) -> {});
        strategy.search(ctx, new SplittableRandom(seed));
        return ctx.asked().stream().map(e -> e.arch().id()).toList();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Accuracy and latency as fixed random functions of the one-hot choices and their pairs. */
    private static final class AnalyticChild {
        private final ArchEncoding encoding;
        private final double[] gain;
        private final double[] cost;
        private final double[][] pair;

        AnalyticChild(SearchSpace space) {
            encoding = new ArchEncoding(space);
            int d = encoding.width();
            SplittableRandom rng = new SplittableRandom(99);
            gain = new double[d];
            cost = new double[d];
            pair = new double[d][d];
            int offset = 0;
            for (var dim : space.dimensions()) {
                for (int c = 0; c < dim.size(); c++) {
                    // later choices are larger: more latency, usually more accuracy
                    cost[offset + c] = (c + 1) * (0.5 + rng.nextDouble());
                    gain[offset + c] = c * rng.nextDouble();
                }
                offset += dim.size();
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    pair[i][j] = 0.05 * (rng.nextDouble() - 0.5);
                }
            }
        }

        double latency(Arch a) {
            double[] x = encoding.encode(a);
            double t = 0;
            for (int i = 0; i < x.length; i++) {
                t += cost[i] * x[i];
            }
            return t;
        }

        Evaluation evaluate(Arch a) {
            double[] x = encoding.encode(a);
            double g = 0;
            for (int i = 0; i < x.length; i++) {
                g += gain[i] * x[i];
                for (int j = 0; j < x.length; j++) {
                    g += pair[i][j] * x[i] * x[j];
                }
            }
            double accuracy = 100 - 20 * Math.exp(-g / 8);
            return new Evaluation(a, accuracy, latency(a), 0, 0, 0);
        }
    }
}
