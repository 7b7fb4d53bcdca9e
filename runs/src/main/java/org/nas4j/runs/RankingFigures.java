package org.nas4j.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nas4j.algorithms.ranking.GroundTruth;
import org.nas4j.algorithms.ranking.RankBootstrap;
import org.nas4j.algorithms.ranking.RankCorrelation;
import org.nas4j.core.util.UserException;

/**
 * How well estimators rank a truth's archs: Kendall's τ, Spearman's ρ and τ within the truth's best
 * share, each with a bootstrap interval over archs; the truth's noise ceiling (its two seeds' mutual
 * τ, and their noise against the archs' spread); paired-bootstrap differences of each baseline
 * against the first, and of each supernet estimator against each baseline and against the first
 * supernet estimator.
 */
public final class RankingFigures {

    /** How the name of a supernet estimator that ranks by validation loss ends. */
    public static final String LOSS = " -loss";

    private RankingFigures() {}

    /**
     * The truth's two seeds against each other.
     *
     * @param seedA the first seed
     * @param seedB the second
     * @param archs archs measured with both
     * @param tau their mutual Kendall τ
     * @param rho their mutual Spearman ρ
     * @param seedSd the seed-to-seed standard deviation of an arch's accuracy (points)
     * @param spreadSd the standard deviation of the archs' mean accuracies (points)
     */
    public record Ceiling(long seedA, long seedB, int archs, RankBootstrap.Interval tau, RankBootstrap.Interval rho,
            double seedSd, double spreadSd) {}

    /** One estimator's agreement with the truth. */
    public record Row(Estimator estimator, RankBootstrap.Interval tau, RankBootstrap.Interval rho,
            RankBootstrap.Interval topTau) {}

    /** {@code estimator}'s τ minus {@code minus}'s, paired over the same resampled archs. */
    public record Difference(Estimator estimator, Estimator minus, RankBootstrap.Interval tau) {}

    /** @return the noise ceiling of a truth of two or more seeds (its first two) */
    public static Ceiling ceiling(GroundTruth t, RankBootstrap boot) {
        long s0 = t.seeds().get(0);
        long s1 = t.seeds().get(1);
        Map<String, Double> a = t.accuracies(s0);
        Map<String, Double> b = t.accuracies(s1);
        List<String> both = a.keySet().stream().filter(b::containsKey).toList();
        double[] x = both.stream().mapToDouble(a::get).toArray();
        double[] y = both.stream().mapToDouble(b::get).toArray();
        double noise = 0;
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            noise += (x[i] - y[i]) * (x[i] - y[i]) / 2;
            mean += (x[i] + y[i]) / 2 / x.length;
        }
        double spread = 0;
        for (int i = 0; i < x.length; i++) {
            spread += Math.pow((x[i] + y[i]) / 2 - mean, 2) / (x.length - 1);
        }
        return new Ceiling(s0, s1, both.size(), boot.interval(x, y, RankCorrelation::kendallTau),
                boot.interval(x, y, RankCorrelation::spearmanRho), Math.sqrt(noise / x.length), Math.sqrt(spread));
    }

    /**
     * Leaves out the estimators that did not score every arch: no rank correlation is defined for
     * them (SynFlow's float32 score turns NaN or overflows on NASNet stacks). Minus infinity is a
     * score, the lowest: NASWOT's log-determinant of a singular kernel, SynFlow's log of zero, as
     * for a cell cut off from its input.
     *
     * @param estimators the estimators by name; the unscored ones are removed
     * @return a line for each one left out, naming it and the archs it could not score
     */
    public static List<String> dropUnscored(Map<String, Estimator> estimators) {
        List<String> out = new ArrayList<>();
        estimators.values().removeIf(e -> {
            long bad = Arrays.stream(e.scores()).filter(v -> Double.isNaN(v) || v == Double.POSITIVE_INFINITY).count();
            if (bad > 0) {
                out.add(e.name() + ": left out, no score for " + bad + " of " + e.scores().length + " archs");
            }
            return bad > 0;
        });
        return out;
    }

    /**
     * @param truth the truth's accuracies in its order
     * @param estimators every estimator
     * @param top the truth's best share for the top-τ
     * @return a row per estimator
     */
    public static List<Row> rows(double[] truth, Collection<Estimator> estimators, double top, RankBootstrap boot) {
        List<Row> rows = new ArrayList<>();
        for (Estimator e : estimators) {
            rows.add(new Row(e, boot.interval(truth, e.scores(), RankCorrelation::kendallTau),
                    boot.interval(truth, e.scores(), RankCorrelation::spearmanRho),
                    boot.interval(truth, e.scores(), (t, s) -> RankCorrelation.topKendallTau(t, s, top))));
        }
        return rows;
    }

    /**
     * @param truth the truth's accuracies in its order
     * @param estimators every estimator, the first supernet estimator being the reference
     * @param baselines the names of the training-free baselines among them
     * @return each baseline against the first; each supernet estimator against each baseline; each
     *     supernet estimator scored by accuracy against every earlier one scored so, and each scored by
     *     loss against its own run's accuracy
     */
    public static List<Difference> differences(double[] truth, Collection<Estimator> estimators, Set<String> baselines,
            RankBootstrap boot) {
        List<Estimator> bases = estimators.stream().filter(e -> e.epoch() < 0 && baselines.contains(e.name())).toList();
        List<Estimator> supernets = estimators.stream().filter(e -> !bases.contains(e)).toList();
        List<Difference> out = new ArrayList<>();
        // the baselines against the first (the parameter count, by default)
        for (Estimator b : bases.subList(Math.min(1, bases.size()), bases.size())) {
            out.add(new Difference(b, bases.get(0), boot.difference(truth, b.scores(), bases.get(0).scores(),
                    RankCorrelation::kendallTau)));
        }
        for (Estimator s : supernets) {
            for (Estimator b : bases) {
                out.add(new Difference(s, b, boot.difference(truth, s.scores(), b.scores(), RankCorrelation::kendallTau)));
            }
            List<Estimator> against = s.name().endsWith(LOSS)
                    ? supernets.stream().filter(e -> e.name().equals(s.name().replace(LOSS, " acc"))).toList()
                    : supernets.subList(0, supernets.indexOf(s)).stream().filter(e -> !e.name().endsWith(LOSS)).toList();
            for (Estimator other : against) {
                out.add(new Difference(s, other, boot.difference(truth, s.scores(), other.scores(), RankCorrelation::kendallTau)));
            }
        }
        return out;
    }

    /**
     * @param file JSON lines {@code {"arch", "accuracy"}} of other estimates
     * @param archs the truth's archs
     * @return the file's estimates in the truth's order @throws UserException if it misses one
     */
    public static Estimator fromFile(Path file, List<String> archs) {
        Map<String, Double> e = GroundTruth.read(file).accuracies(0);
        List<String> missing = archs.stream().filter(a -> !e.containsKey(a)).toList();
        if (!missing.isEmpty()) {
            throw new UserException(file + " has no estimate of " + missing.size() + " of the truth's archs (e.g. "
                    + missing.get(0) + "): score them all");
        }
        return new Estimator(file.toString(), -1, archs.stream().mapToDouble(e::get).toArray());
    }
}
