package org.nas4j.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.LongFunction;
import org.nas4j.algorithms.ranking.GroundTruth;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

/**
 * A ranking ground truth: archs drawn uniformly from a space (one per isomorphism class), each
 * trained alone with every seed and scored on the validation split, which is the same for every run.
 * Each (arch, seed) is a run directory of its own ({@code OUT/alone/HASH-sSEED}), so a killed job
 * resumes inside the cell it was training; finished cells are appended to {@code OUT/truth.jsonl} and
 * never trained again; {@code OUT/settings.txt} holds what the truth was made with, and other
 * settings in the same directory are refused.
 */
public final class TruthTraining {

    private TruthTraining() {}

    /**
     * What to train.
     *
     * @param space the registered space
     * @param data the data
     * @param archs how many archs to draw
     * @param given archs to train as well, after the drawn ones (a search's picks)
     * @param seeds the training seeds
     * @param sampleSeed the draw's seed
     * @param recipe the training configuration for a seed
     */
    public record Plan(String space, String data, int archs, List<String> given, List<Long> seeds, long sampleSeed,
            LongFunction<TrainConfig> recipe) {}

    /**
     * @param out the truth's directory
     * @param plan what to train
     * @param progress training bars and a line per finished cell
     * @return the truth file
     */
    public static Path train(Path out, Plan plan, Progress progress) throws IOException {
        SearchSpace space = SpaceRegistry.get(plan.space()).space();
        Set<Arch> archs = new LinkedHashSet<>(GroundTruth.sample(space, plan.archs(), plan.sampleSeed()));
        plan.given().forEach(a -> archs.add(space.parse(a)));
        List<Arch> picked = List.copyOf(archs);
        Path settingsFile = out.resolve("settings.txt");
        String settings = String.format(Locale.ROOT, "space=%s data=%s archs=%d%s sample-seed=%d recipe=%s%n", plan.space(),
                plan.data(), plan.archs(), plan.given().isEmpty() ? "" : " given=" + String.join(";", plan.given()),
                plan.sampleSeed(), plan.recipe().apply(0));
        if (Files.isRegularFile(settingsFile) && !Files.readString(settingsFile, StandardCharsets.UTF_8).equals(settings)) {
            throw new UserException(out + " holds a truth made with other settings (" + settingsFile
                    + "): use another --out, or the same flags");
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(settingsFile, settings);
        Path file = out.resolve("truth.jsonl");
        GroundTruth truth = GroundTruth.read(file);
        int total = picked.size() * plan.seeds().size();
        int done = 0;
        for (Arch arch : picked) {
            for (long s : plan.seeds()) {
                int position = ++done;
                if (truth.has(arch.id(), s)) {
                    continue;
                }
                RunDirectory dir = new RunDirectory(out.resolve("alone").resolve(digest(arch.id()) + "-s" + s));
                RunSpec spec = new RunSpec(plan.space(), plan.data(), 0, plan.recipe().apply(s), arch.id());
                long start = System.nanoTime();
                try (Run run = Training.train(dir, spec, false, progress)) {
                    run.net().activate(arch);
                    // trained alone: the network's own running statistics, as any network is served
                    ChildEvaluator.Score score = run.evaluator().measure(run.images().validation(), run.manager());
                    GroundTruth.Measurement m = new GroundTruth.Measurement(arch.id(), s, 100 * score.accuracy(), score.loss());
                    GroundTruth.append(file, m);
                    progress.report(String.format(Locale.ROOT, "[%d/%d] seed %d: %.2f%% (loss %.4f) %.0fs  %s", position,
                            total, s, m.accuracy(), m.loss(), (System.nanoTime() - start) / 1e9, arch.id()));
                }
            }
        }
        return file;
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
