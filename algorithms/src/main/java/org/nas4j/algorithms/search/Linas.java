package org.nas4j.algorithms.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nas4j.algorithms.predict.ArchEncoding;
import org.nas4j.algorithms.predict.MlpRegressor;
import org.nas4j.algorithms.predict.Regressor;
import org.nas4j.algorithms.predict.RidgeRegression;
import org.nas4j.algorithms.ranking.RankCorrelation;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;

/**
 * LINAS, the lightly iterative search of DyNAS-T: a few random archs are evaluated for real; then,
 * repeatedly, accuracy (or error) and latency predictors (ridge regression and a small MLP on one-hot
 * arch features, averaged) are fitted on everything evaluated so far, NSGA-II runs for many generations
 * on the predicted objectives (MACs and params are exact, they cost nothing), and the best new
 * archs of its final population are evaluated for real. Each batch is a held-out test of the
 * predictors fitted before it: their Kendall tau and RMSE on it are reported.
 */
public final class Linas implements SearchStrategy {

    /**
     * How a predictor did on the batch evaluated after it was fitted.
     *
     * @param iteration 1-based predictor iteration
     * @param objective what it predicts
     * @param predictor ridge, mlp or mean (what the search used)
     * @param trained evaluations it was fitted on
     * @param heldOut evaluations it was tested on
     * @param kendallTau rank correlation of prediction and measurement
     * @param rmse root mean squared error, in the objective's unit
     */
    public record PredictorScore(int iteration, Objective objective, String predictor, int trained, int heldOut,
            double kendallTau, double rmse) {}

    private final int initial;
    private final int batch;
    private final int population;
    private final int generations;
    private final double mutation;
    private final Function<Arch, Cost> cost;
    private final Consumer<PredictorScore> report;

    /**
     * @param initial random archs evaluated first
     * @param batch archs evaluated per iteration
     * @param population NSGA-II population on the predicted objectives
     * @param generations NSGA-II generations per iteration
     * @param mutation per-dimension mutation probability
     * @param cost exact MACs and params of an arch
     * @param report told of each predictor's held-out score
     */
    public Linas(int initial, int batch, int population, int generations, double mutation, Function<Arch, Cost> cost,
            Consumer<PredictorScore> report) {
        this.initial = initial;
        this.batch = batch;
        this.population = population;
        this.generations = generations;
        this.mutation = mutation;
        this.cost = cost;
        this.report = report;
    }

    @Override
    public void search(SearchContext context, SplittableRandom rng) {
        for (int attempt = 0; context.asked().size() < initial && context.remaining() > 0 && attempt < 100 * initial;
                attempt++) {
            Arch a = context.space().sample(rng);
            if (!context.wasAsked(a)) {
                context.evaluate(a);
            }
        }
        ArchEncoding encoding = new ArchEncoding(context.space());
        for (int iteration = 1; context.remaining() > 0; iteration++) {
            List<Evaluation> seen = context.asked();
            Map<Objective, List<Regressor>> models = fit(context, seen, encoding, rng);
            Map<String, Evaluation> predicted = new HashMap<>();
            Function<Arch, Evaluation> predict = a -> predicted.computeIfAbsent(a.id(), k -> predict(a, models, encoding));
            List<Arch> start = context.front().stream().map(Evaluation::arch).toList();
            Nsga2.Result r = Nsga2.run(context.space(), a -> Optional.of(context.individual(predict.apply(a))), start,
                    population, generations, mutation, rng);
            List<Arch> chosen = choose(context, r, Math.min(batch, context.remaining()));
            for (int attempt = 0; chosen.size() < Math.min(batch, context.remaining()) && attempt < 100 * batch; attempt++) {
                Arch a = context.space().sample(rng); // the predicted front is all known: explore
                if (!context.wasAsked(a) && !chosen.contains(a)) {
                    chosen.add(a);
                }
            }
            if (chosen.isEmpty()) {
                return;
            }
            Map<String, Map<Objective, Double>> expected = new LinkedHashMap<>();
            for (Arch a : chosen) {
                Map<Objective, Double> m = new EnumMap<>(Objective.class);
                models.keySet().forEach(o -> m.put(o, predict.apply(a).value(o)));
                expected.put(a.id(), m);
            }
            context.expect(expected);
            List<Evaluation> measured = new ArrayList<>();
            for (Arch a : chosen) {
                context.evaluate(a).ifPresent(measured::add);
            }
            score(iteration, seen.size(), models, encoding, measured);
        }
    }

    private Map<Objective, List<Regressor>> fit(SearchContext context, List<Evaluation> seen, ArchEncoding encoding,
            SplittableRandom rng) {
        double[][] x = seen.stream().map(e -> encoding.encode(e.arch())).toArray(double[][]::new);
        Map<Objective, List<Regressor>> models = new EnumMap<>(Objective.class);
        boolean latencyMatters = context.objectives().contains(Objective.LATENCY)
                || context.constraints().stream().anyMatch(c -> c.objective() == Objective.LATENCY);
        Objective quality = Objective.qualityOf(context.objectives());
        for (Objective o : latencyMatters ? List.of(quality, Objective.LATENCY) : List.of(quality)) {
            double[] y = seen.stream().mapToDouble(e -> e.value(o)).toArray();
            List<Regressor> pair = List.of(new RidgeRegression(), new MlpRegressor(32, 300, rng.nextLong()));
            pair.forEach(m -> m.fit(x, y));
            models.put(o, pair);
        }
        return models;
    }

    private Evaluation predict(Arch a, Map<Objective, List<Regressor>> models, ArchEncoding encoding) {
        double[] x = encoding.encode(a);
        Cost c = cost.apply(a);
        double quality = mean(models.get(models.containsKey(Objective.MAE) ? Objective.MAE : Objective.ACCURACY), x);
        double latency = models.containsKey(Objective.LATENCY) ? mean(models.get(Objective.LATENCY), x) : 0;
        return new Evaluation(a, quality, latency, c.macs(), c.params(), 0);
    }

    private static double mean(List<Regressor> models, double[] x) {
        return models.stream().mapToDouble(m -> m.predict(x)).average().orElseThrow();
    }

    /** The final population's new archs: its first front spread along the first cost, then the rest. */
    private static List<Arch> choose(SearchContext context, Nsga2.Result r, int k) {
        List<Nsga2.Individual> front = new ArrayList<>(r.front().stream().filter(i -> !context.wasAsked(i.arch())).toList());
        List<Arch> chosen = new ArrayList<>();
        if (front.size() > k) {
            front.sort(Comparator.comparingDouble(i -> i.objectives()[1]));
            for (int i = 0; i < k; i++) {
                chosen.add(front.get(k == 1 ? 0 : (int) Math.round(i * (front.size() - 1.0) / (k - 1))).arch());
            }
            return chosen;
        }
        front.forEach(i -> chosen.add(i.arch()));
        for (Nsga2.Individual i : r.population()) {
            if (chosen.size() >= k) {
                break;
            }
            if (!context.wasAsked(i.arch()) && !chosen.contains(i.arch())) {
                chosen.add(i.arch());
            }
        }
        return chosen;
    }

    private void score(int iteration, int trained, Map<Objective, List<Regressor>> models, ArchEncoding encoding,
            List<Evaluation> measured) {
        if (measured.size() < 2) {
            return;
        }
        for (Map.Entry<Objective, List<Regressor>> m : models.entrySet()) {
            double[] truth = measured.stream().mapToDouble(e -> e.value(m.getKey())).toArray();
            Map<String, double[]> estimates = new LinkedHashMap<>();
            for (Regressor reg : m.getValue()) {
                estimates.put(reg.name(), measured.stream().mapToDouble(e -> reg.predict(encoding.encode(e.arch()))).toArray());
            }
            estimates.put("mean", measured.stream().mapToDouble(e -> mean(m.getValue(), encoding.encode(e.arch()))).toArray());
            estimates.forEach((name, est) -> report.accept(new PredictorScore(iteration, m.getKey(), name, trained,
                    measured.size(), RankCorrelation.kendallTau(truth, est), rmse(truth, est))));
        }
    }

    private static double rmse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }
}
