package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nas4j.cli.CliErrorsTest.nas4j;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.datasets.TestFiles;

/**
 * A ranking canary: a one-shot supernet trained here with the default recipe of cell spaces must
 * rank 12 cells of a tiny NAS-Bench-201 proxy in the order they reach trained alone. The truth is
 * cached in {@code canary/truth.jsonl} (12 cells drawn uniformly, 2 seeds each, seed-to-seed τ
 * 0.47; {@code bench/canary-truth.sh} writes it again), on noisy gratings that this test writes
 * the same way, scored on 5,000 held-out images. Measured when written: Kendall τ 0.61 by
 * accuracy after 10 epochs; a supernet whose estimates run against the truth (as they did with a
 * negative τ on nb201-fmnist) fails.
 */
class RankingCanaryTest {

    static final String SPACE = "nb201-fmnist:width=4,input=8";
    /** Below the measured 0.61 by about one standard error of a 12-cell τ, well above any sign flip. */
    static final double FLOOR = 0.3;

    @TempDir
    Path dir;

    @Test
    void oneShotSupernetRanksTheCanaryCells() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        TestFiles.writeGratings(data, 8000, 100, 8, 0);
        Path truth = dir.resolve("truth.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/canary/truth.jsonl")) {
            Files.copy(in, truth);
        }
        Path run = dir.resolve("supernet");
        // the recipe is the default of cell spaces (uniform sampling, RSPS's hyperparameters)
        CliErrorsTest.Result t = nas4j("train", "--space", SPACE, "--epochs", "10", "--batch-size", "32",
                "--augment-pad", "0", "--flip", "false", "--data", data.toString(), "--validation-size", "5000",
                "--out", run.toString());
        assertEquals(0, t.code(), t.err());
        Path json = dir.resolve("canary.json");
        CliErrorsTest.Result r = nas4j("rank", "--truth", truth.toString(), "--run", run.toString(), "--bootstrap", "200",
                "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(12, report.get("archs").getAsInt());
        double tau = Double.NaN;
        for (JsonElement e : report.getAsJsonArray("estimators")) {
            if (e.getAsJsonObject().get("estimator").getAsString().equals("supernet acc")) {
                tau = e.getAsJsonObject().get("kendallTau").getAsDouble();
            }
        }
        System.out.println("ranking canary: Kendall tau " + tau + " (floor " + FLOOR + ")\n" + r.out());
        assertTrue(tau >= FLOOR, "one-shot Kendall tau " + tau + " is below the canary's floor " + FLOOR + ":\n" + r.out());
    }
}
