package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nas4j.cli.CliErrorsTest.nas4j;
import static org.nas4j.cli.CliErrorsTest.userError;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.datasets.TestFiles;

/** The ranking benchmark's commands end to end: truth (resumable), train with snapshots, rank, report. */
class RankingCliTest {

    private static final String SPACE = "nb201-fmnist:width=2,input=8";

    @TempDir
    Path dir;

    @Test
    void truthResumesRankScoresSnapshotsAndBaselinesAndTheReportDrawsThem() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        TestFiles.writeGratings(data, 300, 20, 8, 1);
        Path truth = dir.resolve("truth");
        String[] truthArgs = {"truth", "--space", SPACE, "--data", data.toString(), "--validation-size", "100", "--archs", "4",
            "--seeds", "0,1", "--epochs", "1", "--batch-size", "50", "--out", truth.toString()};
        CliErrorsTest.Result t = nas4j(truthArgs);
        assertEquals(0, t.code(), t.err());
        Path file = truth.resolve("truth.jsonl");
        assertEquals(8, Files.readAllLines(file).size());
        String before = Files.readString(file);
        CliErrorsTest.Result again = nas4j(truthArgs);
        assertEquals(0, again.code(), again.err());
        assertFalse(again.out().contains("[1/8]"), "nothing is trained twice: " + again.out());
        assertEquals(before, Files.readString(file));
        String[] otherEpochs = truthArgs.clone();
        otherEpochs[12] = "2";
        userError("other settings", otherEpochs);
        assertEquals(before, Files.readString(file), "a refused truth leaves the file alone");

        // a search's picks, trained with the same recipe as the drawn archs
        String a = "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_3x3~0|avg_pool_3x3~1|skip_connect~2|";
        String b = "|avg_pool_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|nor_conv_1x1~2|";
        Path picks = dir.resolve("picks");
        CliErrorsTest.Result p = nas4j("truth", "--space", SPACE, "--data", data.toString(), "--validation-size", "100",
                "--archs", "0", "--arch", a, "--arch", b, "--seeds", "0", "--epochs", "1", "--batch-size", "50", "--out",
                picks.toString());
        assertEquals(0, p.code(), p.err());
        String given = Files.readString(picks.resolve("truth.jsonl"));
        assertTrue(given.contains(a) && given.contains(b) && given.lines().count() == 2, given);
        userError("at least 2 archs", "truth", "--space", SPACE, "--data", data.toString(), "--archs", "0", "--arch", a,
                "--out", dir.resolve("one").toString());
        userError("is not of the form", "truth", "--space", SPACE, "--data", data.toString(), "--archs", "0", "--arch", a,
                "--arch", "|conv~0|", "--out", dir.resolve("bad").toString());
        assertFalse(Files.exists(dir.resolve("bad")), "a refused arch writes nothing");

        Path run = dir.resolve("supernet");
        CliErrorsTest.Result tr = nas4j("train", "--space", SPACE + ",affine=false", "--sampler", "fair", "--epochs", "2",
                "--snapshots", "--batch-size", "50", "--data", data.toString(), "--validation-size", "100", "--out", run.toString());
        assertEquals(0, tr.code(), tr.err());
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/epoch-1.ckpt")) && Files.isRegularFile(run.resolve("checkpoints/epoch-2.ckpt")));

        Path json = dir.resolve("ranking.json");
        CliErrorsTest.Result r = nas4j("rank", "--truth", file.toString(), "--space", SPACE, "--data", data.toString(),
                "--run", run.toString(), "--snapshots", "1,2,9", "--bootstrap", "200", "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        for (String expected : new String[] {"ceiling (seed 0 vs seed 1, 4 archs)", "params", "macs", "synflow", "naswot",
            "supernet@1 acc", "supernet+mean@2 -loss", "paired differences", "supernet+mean@2 acc                      - params"}) {
            assertTrue(r.out().contains(expected), expected + " in:\n" + r.out());
        }
        JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(4, report.get("archs").getAsInt());
        assertEquals(4 + 4, report.getAsJsonArray("estimators").size(), "4 baselines, 2 snapshots x (accuracy, loss)");
        // cell spaces train with weight averaging: the run ends with the mean of its epochs, named apart from epoch 1
        assertFalse(r.out().contains("supernet@2"), r.out());
        assertTrue(Files.size(dir.resolve("ranking.png")) > 1000);
        assertTrue(Files.isRegularFile(run.resolve("search/rank-epoch-1.jsonl")), "estimates are cached per checkpoint");
        assertTrue(Files.isRegularFile(run.resolve("search/rank-latest.jsonl")), "the last epoch is scored as the run's weights");
        CliErrorsTest.Result report2 = nas4j("report", "--run", run.toString());
        assertEquals(0, report2.code(), report2.err());
        assertTrue(Files.readString(run.resolve("report.html")).contains("Ranking quality"));

        // its last snapshot is the mean it ended with: a mean of snapshots would count it as the last epoch
        userError("ended with the mean of its epochs", "rank", "--truth", file.toString(), "--run", run.toString(),
                "--average-last", "0.5");
        userError("no snapshot of epoch 'x'", "rank", "--truth", file.toString(), "--run", run.toString(), "--snapshots", "x");
        userError("--top must be in (0, 1]", "rank", "--truth", file.toString(), "--top", "0");
        userError("no truth file", "rank", "--truth", dir.resolve("none.jsonl").toString());
    }
}
