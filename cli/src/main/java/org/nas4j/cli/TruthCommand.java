package org.nas4j.cli;

import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.Run;
import org.nas4j.runs.RunSpec;
import org.nas4j.runs.Training;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.nas4j.algorithms.ranking.GroundTruth;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.SpaceRegistry;

/**
 * A ranking ground truth: archs drawn uniformly from a space (one per isomorphism class), each
 * trained alone with every seed and scored on the validation split, which is the same for every run.
 * Each (arch, seed) is a run directory of its own, so a killed job resumes inside the cell it was
 * training; finished cells are appended to {@code OUT/truth.jsonl} and never trained again.
 */
@Parameters(commandDescription = "Train archs drawn uniformly (one per isomorphism class) alone with several seeds:"
        + " the ground truth that 'nas4j rank' ranks estimates against (resumable)")
final class TruthCommand extends TrainCommand {

    @Parameter(names = "--archs", description = "how many archs (distinct up to isomorphism)")
    int archs = 60;

    @Parameter(names = "--seeds", description = "training seeds, comma-separated (two give the noise ceiling)")
    List<Long> seeds = List.of(0L, 1L);

    @Parameter(names = "--sample-seed", description = "seed of the draw of archs")
    long sampleSeed = 0;

    TruthCommand() {
        useAloneDefaults();
    }

    @Override
    public int run() throws IOException {
        if (space == null) {
            throw new UserException("--space is required (see 'nas4j spaces')");
        }
        if (archs < 2 || seeds.isEmpty()) {
            throw new UserException("--archs must be >= 2 and --seeds must name at least one seed");
        }
        List<Arch> picked = GroundTruth.sample(SpaceRegistry.get(space).space(), archs, sampleSeed);
        Path settingsFile = out.resolve("settings.txt");
        String settings = String.format(Locale.ROOT, "space=%s data=%s archs=%d sample-seed=%d recipe=%s%n", space, data,
                archs, sampleSeed, config(0));
        if (Files.isRegularFile(settingsFile) && !Files.readString(settingsFile, StandardCharsets.UTF_8).equals(settings)) {
            throw new UserException(out + " holds a truth made with other settings (" + settingsFile
                    + "): use another --out, or the same flags");
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(settingsFile, settings);
        Path file = out.resolve("truth.jsonl");
        GroundTruth truth = GroundTruth.read(file);
        int total = picked.size() * seeds.size();
        int done = 0;
        for (Arch arch : picked) {
            for (long s : seeds) {
                int position = ++done;
                if (truth.has(arch.id(), s)) {
                    continue;
                }
                RunDirectory run = new RunDirectory(out.resolve("alone").resolve(digest(arch.id()) + "-s" + s));
                RunSpec spec = run.exists() ? run.read() : new RunSpec(space, data, 0, config(s), arch.id());
                long start = System.nanoTime();
                try (Run wb = Training.train(run, spec, false, new ConsoleProgress())) {
                    wb.net().activate(arch);
                    // trained alone: the network's own running statistics, as any network is served
                    ChildEvaluator.Score score = wb.evaluator().measure(wb.images().validation(), wb.manager());
                    GroundTruth.Measurement m = new GroundTruth.Measurement(arch.id(), s, 100 * score.accuracy(), score.loss());
                    GroundTruth.append(file, m);
                    System.out.printf(Locale.ROOT, "[%d/%d] seed %d: %.2f%% (loss %.4f) %.0fs  %s%n", position, total, s,
                            m.accuracy(), m.loss(), (System.nanoTime() - start) / 1e9, arch.id());
                }
            }
        }
        System.out.printf(Locale.ROOT, "truth: %d archs x %d seeds in %s%n", picked.size(), seeds.size(), file);
        return 0;
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
