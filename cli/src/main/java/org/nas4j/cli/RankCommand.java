package org.nas4j.cli;

import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.SupernetEstimates;
import org.nas4j.runs.TrainingFreeBaselines;
import org.nas4j.runs.Estimator;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nas4j.algorithms.ranking.GroundTruth;
import org.nas4j.algorithms.ranking.RankBootstrap;
import org.nas4j.algorithms.ranking.RankCorrelation;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/**
 * How well estimators rank the archs of a ground truth: supernets (each checkpoint, or every epoch
 * snapshot), training-free baselines and files of estimates, each with Kendall's τ, Spearman's ρ and
 * τ within the truth's best share, 95% bootstrap intervals, and paired-bootstrap differences
 * between estimators. With several seeds in the truth, their mutual τ is the noise ceiling.
 */
@Parameters(commandDescription = "Rank correlation of supernet estimates and training-free baselines against archs trained"
        + " alone (see 'nas4j truth'), with bootstrap intervals")
final class RankCommand implements Command {

    @Parameter(names = "--truth", description = "JSON lines {\"arch\", \"seed\", \"accuracy\"} of archs trained alone", required = true)
    Path truth;

    @Parameter(names = "--run", description = "a supernet run to score the truth's archs with (repeatable)")
    List<Path> runs = new ArrayList<>();

    @Parameter(names = "--snapshots", description = "score epoch snapshots of each run (train --snapshots) instead of its"
            + " last weights: all, or epochs such as 1,2,4,8 (those past a run's end are skipped)")
    String snapshots;

    @Parameter(names = "--fine-tune-steps", description = "train each child this many steps from the supernet's weights"
            + " (its rate cosine to zero, a fresh optimizer) before scoring it; 0: score the shared weights as they are")
    int fineTuneSteps = 0;

    @Parameter(names = "--fine-tune-lr", description = "the fine-tuning's first rate (default: the supernet's peak rate)")
    Float fineTuneLr;

    @Parameter(names = "--estimates", description = "JSON lines {\"arch\", \"accuracy\"} of other estimates (repeatable)")
    List<Path> estimates = new ArrayList<>();

    @Parameter(names = "--space", description = "the truth's space, for the training-free baselines")
    String space;

    @Parameter(names = "--data", description = "the truth's data, for the baselines that look at images")
    String data = "fashion-mnist";

    @Parameter(names = "--baselines", description = "training-free baselines with --space: params, macs, synflow, naswot")
    List<String> baselines = new ArrayList<>(List.of("params", "macs", "synflow", "naswot"));

    @Parameter(names = "--top", description = "the best share by true accuracy for the top-τ")
    double top = 0.5;

    @Parameter(names = "--bootstrap", description = "bootstrap resamples of the archs")
    int bootstrap = 2000;

    @Parameter(names = "--seed", description = "seed of the bootstrap and of the baselines' initialization")
    long seed = 0;

    @Parameter(names = "--out", description = "also write every figure here as JSON",
            validateValueWith = OutputPaths.File.class)
    Path out;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        if (!(top > 0 && top <= 1)) {
            throw new UserException("--top must be in (0, 1], e.g. 0.5 for the best half");
        }
        if (fineTuneSteps < 0) {
            throw new UserException("--fine-tune-steps must be >= 0, e.g. 50");
        }
        if (fineTuneLr != null && !(fineTuneLr > 0)) {
            throw new UserException("--fine-tune-lr must be > 0, e.g. 0.0025");
        }
        if (bootstrap < 100) {
            throw new UserException("--bootstrap must be >= 100");
        }
        if (!Files.isRegularFile(truth)) {
            throw new UserException("no truth file " + truth + ": make one with 'nas4j truth'");
        }
        GroundTruth t = GroundTruth.read(truth);
        Map<String, Double> mean = t.meanAccuracy();
        if (mean.size() < 4) {
            throw new UserException(truth + " has " + mean.size() + " archs measured with every seed; need at least 4");
        }
        List<String> archs = List.copyOf(mean.keySet());
        double[] truthValues = archs.stream().mapToDouble(mean::get).toArray();
        RankBootstrap boot = new RankBootstrap(bootstrap, seed);
        JsonObject report = new JsonObject();
        report.addProperty("truth", truth.toString());
        report.addProperty("archs", archs.size());
        report.addProperty("seeds", t.seeds().toString());

        System.out.printf(Locale.ROOT, "truth: %d archs, mean of seeds %s, accuracy %.2f-%.2f%%%n", archs.size(), t.seeds(),
                min(truthValues), max(truthValues));
        if (t.seeds().size() >= 2) {
            report.add("ceiling", ceiling(t, boot));
        }

        Map<String, Estimator> all = new LinkedHashMap<>();
        if (space != null) {
            new TrainingFreeBaselines(space, data, seed).score(baselines, archs)
                    .forEach((name, scores) -> all.put(name, new Estimator(name, -1, scores)));
        }
        for (Path run : runs) {
            all.putAll(SupernetEstimates.score(new RunDirectory(run), archs, snapshots, fineTuneSteps, fineTuneLr, new ConsoleProgress()));
        }
        for (Path file : estimates) {
            Map<String, Double> e = GroundTruth.read(file).accuracies(0);
            List<String> missing = archs.stream().filter(a -> !e.containsKey(a)).toList();
            if (!missing.isEmpty()) {
                throw new UserException(file + " has no estimate of " + missing.size() + " of the truth's archs (e.g. "
                        + missing.get(0) + "): score them all");
            }
            all.put(file.toString(), new Estimator(file.toString(), -1, archs.stream().mapToDouble(e::get).toArray()));
        }

        JsonArray rows = new JsonArray();
        System.out.printf(Locale.ROOT, "%-40s %-22s %-22s %-22s%n", "estimator", "kendall_tau [95% CI]",
                "spearman_rho [95% CI]", String.format(Locale.ROOT, "top%.0f%%_tau [95%% CI]", 100 * top));
        for (Estimator e : all.values()) {
            JsonObject row = new JsonObject();
            row.addProperty("estimator", e.name());
            if (e.epoch() >= 0) {
                row.addProperty("epoch", e.epoch());
            }
            RankBootstrap.Interval tau = boot.interval(truthValues, e.scores(), RankCorrelation::kendallTau);
            RankBootstrap.Interval rho = boot.interval(truthValues, e.scores(), RankCorrelation::spearmanRho);
            RankBootstrap.Interval topTau = boot.interval(truthValues, e.scores(), this::topTau);
            put(row, "kendallTau", tau);
            put(row, "spearmanRho", rho);
            put(row, "topKendallTau", topTau);
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-40s %-22s %-22s %-22s%n", e.name(), text(tau), text(rho), text(topTau));
        }
        report.add("estimators", rows);
        report.add("differences", differences(all, truthValues, boot));
        if (out != null) {
            AtomicFiles.writeString(out, report + "\n");
            Path png = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".png");
            byte[] image = Charts.png(List.of(RankingChart.tauAgainstEpochs(report)));
            AtomicFiles.write(png, w -> w.write(image));
        }
        for (Path run : runs) {
            AtomicFiles.writeString(new RunDirectory(run).ranking(), report + "\n");
        }
        return 0;
    }


    private double topTau(double[] truthValues, double[] estimate) {
        return RankCorrelation.topKendallTau(truthValues, estimate, top);
    }

    private JsonObject ceiling(GroundTruth t, RankBootstrap boot) {
        long s0 = t.seeds().get(0);
        long s1 = t.seeds().get(1);
        Map<String, Double> a = t.accuracies(s0);
        Map<String, Double> b = t.accuracies(s1);
        List<String> both = a.keySet().stream().filter(b::containsKey).toList();
        double[] x = both.stream().mapToDouble(a::get).toArray();
        double[] y = both.stream().mapToDouble(b::get).toArray();
        RankBootstrap.Interval tau = boot.interval(x, y, RankCorrelation::kendallTau);
        RankBootstrap.Interval rho = boot.interval(x, y, RankCorrelation::spearmanRho);
        double noise = 0;
        double spread = 0;
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            noise += (x[i] - y[i]) * (x[i] - y[i]) / 2;
            mean += (x[i] + y[i]) / 2 / x.length;
        }
        for (int i = 0; i < x.length; i++) {
            spread += Math.pow((x[i] + y[i]) / 2 - mean, 2) / (x.length - 1);
        }
        double noiseSd = Math.sqrt(noise / x.length);
        System.out.printf(Locale.ROOT, "ceiling (seed %d vs seed %d, %d archs): kendall_tau %s  spearman_rho %s;"
                + " seed-to-seed SD %.2f points vs spread (SD of the mean) %.2f%n", s0, s1, both.size(), text(tau), text(rho),
                noiseSd, Math.sqrt(spread));
        JsonObject o = new JsonObject();
        put(o, "kendallTau", tau);
        put(o, "spearmanRho", rho);
        o.addProperty("seedSd", noiseSd);
        o.addProperty("spreadSd", Math.sqrt(spread));
        return o;
    }

    /** Each supernet estimator against each baseline and against the first supernet estimator, paired. */
    private JsonArray differences(Map<String, Estimator> all, double[] truthValues, RankBootstrap boot) {
        List<Estimator> supernets = all.values().stream().filter(e -> e.epoch() >= 0 || !isBaseline(e)).toList();
        List<Estimator> bases = all.values().stream().filter(this::isBaseline).toList();
        JsonArray out = new JsonArray();
        if (supernets.isEmpty()) {
            return out;
        }
        System.out.println("paired differences in kendall_tau [95% CI]:");
        List<Estimator[]> pairs = new ArrayList<>();
        for (Estimator s : supernets) {
            bases.forEach(b -> pairs.add(new Estimator[] {s, b}));
            if (s != supernets.get(0)) {
                pairs.add(new Estimator[] {s, supernets.get(0)});
            }
        }
        for (Estimator[] p : pairs) {
            RankBootstrap.Interval d = boot.difference(truthValues, p[0].scores(), p[1].scores(), RankCorrelation::kendallTau);
            System.out.printf(Locale.ROOT, "  %-40s - %-28s %s%s%n", p[0].name(), p[1].name(), text(d),
                    d.aboveZero() ? "  (above zero)" : d.high() < 0 ? "  (below zero)" : "");
            JsonObject o = new JsonObject();
            o.addProperty("estimator", p[0].name());
            o.addProperty("minus", p[1].name());
            put(o, "kendallTau", d);
            out.add(o);
        }
        return out;
    }

    private boolean isBaseline(Estimator e) {
        return e.epoch() < 0 && baselines.contains(e.name());
    }

    private static void put(JsonObject o, String key, RankBootstrap.Interval i) {
        o.addProperty(key, i.value());
        o.addProperty(key + "Low", i.low());
        o.addProperty(key + "High", i.high());
    }

    private static String text(RankBootstrap.Interval i) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.value(), i.low(), i.high());
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }
}
