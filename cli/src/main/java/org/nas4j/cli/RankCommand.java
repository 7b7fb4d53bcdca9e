package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nas4j.algorithms.ranking.RankCorrelation;
import org.nas4j.core.util.UserException;

@Parameters(commandDescription = "Rank correlation of supernet estimates against true accuracies (JSON lines with arch, accuracy)")
final class RankCommand implements Command {

    @Parameter(names = "--truth", description = "JSON lines {\"arch\": ..., \"accuracy\": ...} of archs trained alone", required = true)
    Path truth;

    @Parameter(names = "--estimates", description = "JSON lines of the same form, e.g. RUN/search/rsps.jsonl", required = true)
    Path estimates;

    @Parameter(names = "--top", description = "the best share by true accuracy for the top-τ")
    double top = 0.1;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() {
        Map<String, Double> t = read(truth);
        Map<String, Double> e = read(estimates);
        List<double[]> pairs = new ArrayList<>();
        t.forEach((arch, acc) -> {
            if (e.containsKey(arch)) {
                pairs.add(new double[] {acc, e.get(arch)});
            }
        });
        if (pairs.size() < 2) {
            throw new UserException(pairs.size() + " archs are in both files; need at least 2 in common");
        }
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        System.out.printf(Locale.ROOT, "archs %d  kendall_tau %.3f  spearman_rho %.3f  top%.0f%%_tau %.3f%n", x.length,
                RankCorrelation.kendallTau(x, y), RankCorrelation.spearmanRho(x, y), 100 * top,
                RankCorrelation.topKendallTau(x, y, top));
        return 0;
    }

    private static Map<String, Double> read(Path file) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
                out.put(o.get("arch").getAsString(), o.get("accuracy").getAsDouble());
            } catch (RuntimeException ex) {
                throw new UserException(file + " line " + (i + 1) + " is not {\"arch\": ..., \"accuracy\": ...}");
            }
        }
        return out;
    }
}
