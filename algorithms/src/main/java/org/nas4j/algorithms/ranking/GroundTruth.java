package org.nas4j.algorithms.ranking;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.UserException;

/**
 * Architectures trained alone, one JSON line per (arch, seed): the truth that supernet estimates and
 * training-free proxies are ranked against. A line without a seed counts as seed 0, so older files
 * of {@code {"arch", "accuracy"}} lines read too.
 */
public final class GroundTruth {

    /**
     * One arch trained alone with one seed.
     *
     * @param arch the arch id
     * @param seed the training seed
     * @param accuracy validation accuracy in %
     * @param loss validation cross-entropy, NaN where not recorded
     */
    public record Measurement(String arch, long seed, double accuracy, double loss) {

        /** @return the JSON line */
        public String toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("arch", arch);
            o.addProperty("seed", seed);
            o.addProperty("accuracy", Math.round(accuracy * 1e4) / 1e4);
            if (!Double.isNaN(loss)) {
                o.addProperty("loss", Math.round(loss * 1e6) / 1e6);
            }
            return o.toString();
        }
    }

    private final List<Measurement> measurements;

    /** @param measurements the lines, in file order */
    public GroundTruth(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    /**
     * @param file JSON lines, or a path that does not exist yet (an empty truth)
     * @return its measurements
     * @throws UserException naming the first line that is not a measurement
     */
    public static GroundTruth read(Path file) {
        if (!Files.exists(file)) {
            return new GroundTruth(List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
                out.add(new Measurement(o.get("arch").getAsString(), o.has("seed") ? o.get("seed").getAsLong() : 0,
                        o.get("accuracy").getAsDouble(), o.has("loss") ? o.get("loss").getAsDouble() : Double.NaN));
            } catch (RuntimeException ex) {
                throw new UserException(file + " line " + (i + 1) + " is not {\"arch\": ..., \"accuracy\": ...}: "
                        + "write it again, or remove that line");
            }
        }
        return new GroundTruth(out);
    }

    /**
     * Appends one line (one write, so a killed process leaves whole lines).
     *
     * @param file the truth file
     * @param m the measurement
     */
    public static void append(Path file, Measurement m) throws IOException {
        Files.writeString(file, m.toJson() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /**
     * The archs a truth measures: drawn uniformly from the space, one per class of isomorphic archs
     * (never hand-picked), each replaced by its class's representative.
     *
     * @param space the space
     * @param n how many classes
     * @param seed the draw's seed
     * @return n representatives in the order their classes were first drawn
     * @throws UserException if the space has fewer classes than 20 times the draws allow
     */
    public static List<Arch> sample(SearchSpace space, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Set<Arch> picked = new LinkedHashSet<>();
        for (int draws = 0; picked.size() < n; draws++) {
            if (draws > 20 * n + 100) {
                throw new UserException("space " + space.name() + " has fewer than " + n + " distinct archs to draw; ask for fewer");
            }
            picked.add(space.isomorphismRepresentative(space.sample(rng)));
        }
        return List.copyOf(picked);
    }

    /** @return every measurement, in file order */
    public List<Measurement> measurements() {
        return measurements;
    }

    /** @return whether this arch was measured with this seed */
    public boolean has(String arch, long seed) {
        return measurements.stream().anyMatch(m -> m.arch().equals(arch) && m.seed() == seed);
    }

    /** @return the seeds measured, ascending */
    public List<Long> seeds() {
        return List.copyOf(new TreeSet<>(measurements.stream().map(Measurement::seed).toList()));
    }

    /**
     * @param seed a seed
     * @return each arch's accuracy with that seed, in file order
     */
    public Map<String, Double> accuracies(long seed) {
        Map<String, Double> out = new LinkedHashMap<>();
        measurements.stream().filter(m -> m.seed() == seed).forEach(m -> out.put(m.arch(), m.accuracy()));
        return out;
    }

    /** @return the mean accuracy over every seed, of the archs measured with all of them, in file order */
    public Map<String, Double> meanAccuracy() {
        List<Long> seeds = seeds();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            double[] s = sums.computeIfAbsent(m.arch(), a -> new double[2]);
            s[0] += m.accuracy();
            s[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((arch, s) -> {
            if (s[1] == seeds.size()) {
                out.put(arch, s[0] / s[1]);
            }
        });
        return out;
    }
}
