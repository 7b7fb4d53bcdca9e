package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algorithms.search.Archive;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.datasets.TestFiles;
import org.nas4j.runs.RunDirectory;
import org.nas4j.spaces.SpaceRegistry;

/** Every user-facing error: one line, exit code 2, no stack trace, nothing half-written. */
class CliErrorsTest {

    @TempDir
    static Path dir;

    static Path fmnist;
    static Path cifar;
    static Path run;

    @BeforeAll
    static void tinyDataAndRun() throws IOException {
        fmnist = Files.createDirectories(dir.resolve("fmnist"));
        TestFiles.writeFashionMnist(fmnist, 48, false);
        cifar = Files.createDirectories(dir.resolve("cifar"));
        TestFiles.writeCifar(cifar, 4);
        run = dir.resolve("run");
        Result r = nas4j("train", "--space", "ofa-mbv3-fmnist", "--data", fmnist.toString(), "--epochs", "1",
                "--batch-size", "8", "--validation-size", "16", "--out", run.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("validation accuracy"), r.out);
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/latest.ckpt")));
    }

    record Result(int code, String out, String err) {}

    static Result nas4j(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(errStream);
        try {
            int code = Main.run(args, errStream);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Asserts exit 2 with one line on stderr that contains {@code expected}. */
    static void userError(String expected, String... args) {
        Result r = nas4j(args);
        assertEquals(2, r.code, r.err);
        // other threads' log lines ("[thread] LEVEL ...") may land in the same stream
        List<String> lines = r.err.lines().filter(l -> !l.startsWith("[")).toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + r.err);
        assertTrue(lines.get(0).startsWith("nas4j: ") && lines.get(0).contains(expected), lines.get(0));
    }

    /** Every command answers --help with its own usage, exit 0, even without its required flags. */
    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"spaces", "train", "train-arch", "truth", "split", "search", "rank", "eval",
                "quickstart", "export", "predict", "report", "profile", "benchmark", "generate", "wl"}) {
            Result r = nas4j(command, "--help");
            assertEquals(0, r.code, command + ": " + r.err);
            assertTrue(r.out.contains("Usage: " + command), command + ": " + r.out);
        }
    }

    @Test
    void evalPrintsAccuracyMacsAndParams() {
        Result r = nas4j("eval", "--run", run.toString(), "--arch", "min");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("MMACs") && r.out.contains("r20_s1:k3e3,k3e3"), r.out);
    }

    @Test
    void unknownSpace() {
        Path out = dir.resolve("unknown-space");
        userError("unknown space 'nope'", "train", "--space", "nope", "--data", fmnist.toString(), "--out", out.toString());
        assertFalse(Files.exists(out.resolve("run.json")));
    }

    @Test
    void archOutsideTheSpace() {
        userError("not one of [3, 5, 7]", "eval", "--run", run.toString(), "--arch",
                "r28_s1:k9e3,k3e3_s2:k3e3,k3e3_s3:k3e3,k3e3");
        userError("allowed depths are [2, 3, 4]", "eval", "--run", run.toString(), "--arch",
                "r28_s1:k3e3_s2:k3e3,k3e3_s3:k3e3,k3e3");
        userError("is not of the form", "eval", "--run", run.toString(), "--arch", "big");
    }

    @Test
    void missingDataset() {
        Path out = dir.resolve("missing-data");
        userError("not 'fashion-mnist', 'cifar10' or an existing directory", "train", "--space", "ofa-mbv3-fmnist",
                "--data", dir.resolve("nowhere").toString(), "--out", out.toString());
        userError("found neither Fashion-MNIST", "train", "--space", "ofa-mbv3-fmnist", "--data",
                Files.exists(dir.resolve("empty")) ? dir.resolve("empty").toString() : mkdir("empty"), "--out", out.toString());
        assertFalse(Files.exists(out.resolve("run.json")));
    }

    @Test
    void corruptDatasetFile() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad-fmnist"));
        try (Stream<Path> files = Files.list(fmnist)) {
            for (Path f : files.toList()) {
                Files.copy(f, bad.resolve(f.getFileName()));
            }
        }
        Path images = bad.resolve("t10k-images-idx3-ubyte");
        Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 1000));
        Path out = dir.resolve("corrupt");
        userError("truncated", "train", "--space", "ofa-mbv3-fmnist", "--data", bad.toString(), "--out", out.toString());
        assertFalse(Files.exists(out.resolve("run.json")));
    }

    @Test
    void rankComparesEstimatesWithTruthOnTheArchsInBoth() throws IOException {
        Path truth = dir.resolve("truth.jsonl");
        Path estimates = dir.resolve("estimates.jsonl");
        StringBuilder t = new StringBuilder();
        StringBuilder e = new StringBuilder();
        double[] est = {1, 3, 2, 5, 4};
        for (int i = 0; i < 5; i++) {
            t.append("{\"arch\":\"a").append(i).append("\",\"accuracy\":").append(i + 1).append("}\n");
            e.append("{\"arch\":\"a").append(i).append("\",\"accuracy\":").append(est[i] / 10).append("}\n");
        }
        e.append("{\"arch\":\"only-estimated\",\"accuracy\":0.9}\n");
        Files.writeString(truth, t);
        Files.writeString(estimates, e);
        Result r = nas4j("rank", "--truth", truth.toString(), "--estimates", estimates.toString(), "--top", "0.4");
        assertEquals(0, r.code, r.err);
        String line = r.out.lines().filter(l -> l.startsWith(estimates.toString())).findFirst().orElse("");
        assertTrue(line.matches(".* 0\\.600 \\[.*\\] +0\\.800 \\[.*\\] +-1\\.000 \\[.*"), "tau, rho, top-40% tau:\n" + r.out);
        assertTrue(r.out.contains("truth: 5 archs") && r.out.contains("top40%_tau"), r.out);
        Path partial = dir.resolve("partial.jsonl");
        Files.writeString(partial, "{\"arch\":\"a0\",\"accuracy\":0.5}\n");
        userError("has no estimate of 4 of the truth's archs", "rank", "--truth", truth.toString(), "--estimates", partial.toString());
        Files.writeString(estimates, "not json\n");
        userError("line 1 is not", "rank", "--truth", truth.toString(), "--estimates", estimates.toString());
    }

    @Test
    void helpListsEveryCommandOnALineOfItsOwn() {
        Result h = nas4j("--help");
        assertEquals(0, h.code, h.err);
        List<String> lines = h.out.lines().toList();
        for (String c : new String[] {"spaces", "train", "train-arch", "split", "search", "truth", "rank", "eval",
                "quickstart", "export", "predict", "report", "profile", "benchmark", "generate", "wl"}) {
            assertEquals(1, lines.stream().filter(l -> l.startsWith("  " + c + " ")).count(), c + " in:\n" + h.out);
        }
        assertFalse(h.out.contains("--epochs"), "options belong to 'nas4j COMMAND --help':\n" + h.out);
        assertTrue(lines.size() < 25, h.out);
        Result none = nas4j();
        assertEquals(2, none.code);
        assertTrue(none.err.contains("  train "), none.err);
    }

    /** Cell spaces have no largest child to sandwich: by default they train one uniform child per step, RSPS's way. */
    @Test
    void cellSpacesTrainWithTheRspsRecipeByDefaultAndFlagsStillWin() throws IOException {
        Path cells = dir.resolve("cells");
        Result r = nas4j("train", "--space", "nb201-fmnist:width=2", "--data", fmnist.toString(), "--epochs", "1",
                "--batch-size", "8", "--validation-size", "16", "--weight-decay", "1e-4", "--out", cells.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("uniform sampler"), r.out);
        assertEquals(2, r.out.lines().filter(l -> l.startsWith("validation accuracy")).count(), r.out);
        assertFalse(r.out.contains("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"), "not the all-none 'smallest': " + r.out);
        JsonObject train = JsonParser.parseString(Files.readString(cells.resolve("run.json"))).getAsJsonObject()
                .getAsJsonObject("train");
        assertEquals("uniform", train.get("sampler").getAsString());
        assertEquals(0.025f, train.get("learningRate").getAsFloat());
        assertEquals("cosine", train.get("schedule").getAsString());
        assertEquals(0.04f, train.get("lrFloor").getAsFloat());
        assertEquals(1e-4f, train.get("weightDecay").getAsFloat(), "a flag overrides the recipe");
        JsonObject elastic = JsonParser.parseString(Files.readString(run.resolve("run.json"))).getAsJsonObject()
                .getAsJsonObject("train");
        assertEquals("sandwich", elastic.get("sampler").getAsString());
        assertEquals(0.1f, elastic.get("learningRate").getAsFloat());
        assertEquals("bignas", elastic.get("schedule").getAsString());
    }

    /**
     * The complexity-aware samplers train an elastic run end to end and resume it; ShiftNAS's run
     * stopped after its first epoch and resumed ends with the same checkpoint, byte for byte, as a
     * run never stopped (its generator's weights and moments, and the bins' distribution, are saved
     * with it); a space without elastic blocks is refused for the generator before anything is written.
     */
    @Test
    void attentiveAndShiftNasSamplersTrainAndResume() throws IOException {
        String[] shift = {"train", "--space", "ofa-mbv3-fmnist", "--sampler", "shiftnas", "--data", fmnist.toString(),
            "--epochs", "2", "--batch-size", "8", "--validation-size", "16"};
        Path stopped = dir.resolve("shift-stopped");
        Result first = nas4j(Stream.concat(Arrays.stream(shift), Stream.of("--until-epoch", "1", "--out", stopped.toString()))
                .toArray(String[]::new));
        assertEquals(0, first.code, first.err);
        Result rest = nas4j(Stream.concat(Arrays.stream(shift), Stream.of("--resume", "--out", stopped.toString()))
                .toArray(String[]::new));
        assertEquals(0, rest.code, rest.err);
        for (String sampler : List.of("attentive", "shiftnas", "shiftnas-bins", "shiftnas-smallest")) {
            Path out = dir.resolve(sampler);
            String[] args = {"train", "--space", "ofa-mbv3-fmnist", "--sampler", sampler, "--data", fmnist.toString(),
                "--epochs", "2", "--batch-size", "8", "--validation-size", "16", "--out", out.toString()};
            Result r = nas4j(args);
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.contains(sampler + " sampler"), r.out);
            assertEquals(2, Files.readAllLines(out.resolve("train-log.jsonl")).size());
            Result again = nas4j(Stream.concat(Arrays.stream(args), Stream.of("--resume")).toArray(String[]::new));
            assertEquals(0, again.code, again.err);
            assertEquals(2, Files.readAllLines(out.resolve("train-log.jsonl")).size(), "nothing left to train");
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("shiftnas/checkpoints/latest.ckpt")),
                Files.readAllBytes(stopped.resolve("checkpoints/latest.ckpt")), "a resumed ShiftNAS run ends as if never stopped");
        // the generator of the trained run answers a MACs target, and a latency target once the run has measured children
        Path shiftRun = dir.resolve("shiftnas");
        Result gen = nas4j("generate", "--run", shiftRun.toString(), "--macs", "1.5M");
        assertEquals(0, gen.code, gen.err);
        assertTrue(gen.out.startsWith("generated for 1.500 MMACs: "), gen.out);
        Result anchored = nas4j("generate", "--run", dir.resolve("shiftnas-smallest").toString(), "--macs", "1.5M");
        assertEquals(0, anchored.code, anchored.err);
        userError("give one target", "generate", "--run", shiftRun.toString());
        userError("trains no generator", "generate", "--run", dir.resolve("attentive").toString(), "--macs", "1M");
        userError("--latency needs children", "generate", "--run", shiftRun.toString(), "--latency", "1ms");
        // a latency target maps to MACs on the line through the run's measured children (written here:
        // timed latencies of a few tiny children fall with MACs as often as not on a busy machine)
        SearchSpace ofa = SpaceRegistry.get("ofa-mbv3-fmnist").space();
        Path measured = new RunDirectory(shiftRun).evaluations();
        Files.createDirectories(measured.getParent());
        Archive archive = Archive.open(measured, ofa);
        archive.append(new Evaluation(ofa.largest(), 88, 3.0, 3_000_000, 1, 0));
        archive.append(new Evaluation(ofa.smallest(), 85, 1.0, 1_000_000, 1, 0));
        Result byLatency = nas4j("generate", "--run", shiftRun.toString(), "--latency", "1.5ms");
        assertEquals(0, byLatency.code, byLatency.err);
        assertTrue(byLatency.out.startsWith("target 1.500 ms is 1.500 MMACs"), byLatency.out);
        Path unordered = dir.resolve("shiftnas-unordered");
        copyTree(shiftRun, unordered); // without its search: the copy's children are these three
        Archive third = Archive.open(new RunDirectory(unordered).evaluations(), ofa);
        for (Evaluation e : archive.all()) {
            third.append(e);
        }
        third.append(new Evaluation(ofa.sample(new SplittableRandom(1)), 86, 9.0, 500_000, 1, 0));
        userError("do not rise with their MACs", "generate", "--run", unordered.toString(), "--latency", "1.5ms");
        userError("use shiftnas-bins", "train", "--space", "nb201-fmnist:width=2", "--sampler", "shiftnas", "--data",
                fmnist.toString(), "--validation-size", "16", "--out", dir.resolve("cells-shift").toString());
        assertFalse(Files.exists(dir.resolve("cells-shift/run.json")), "nothing written");
    }

    @Test
    void outputPathsThatCannotBeWrittenAndResumingNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "keep");
        userError("is an existing file, not a directory", "train", "--space", "ofa-mbv3-fmnist", "--data",
                fmnist.toString(), "--out", file.toString());
        userError("which is a file", "train", "--space", "ofa-mbv3-fmnist", "--data", fmnist.toString(), "--out",
                file.resolve("run").toString());
        userError("is a directory: give a file path", "rank", "--truth", file.toString(), "--out", dir.toString());
        userError("holds no run to resume", "train", "--space", "ofa-mbv3-fmnist", "--data", fmnist.toString(), "--out",
                dir.resolve("nothing").toString(), "--resume");
        assertEquals("keep", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("nothing/run.json")), "nothing written");
    }

    @Test
    void badFlags() {
        userError("--epochs", "train", "--space", "ofa-mbv3-fmnist", "--epochs", "many", "--out", dir.resolve("x").toString());
        userError("--frobnicate", "train", "--frobnicate", "--out", dir.resolve("x").toString());
        userError("--epochs must be >= 1", "train", "--space", "ofa-mbv3-fmnist", "--epochs", "0", "--data",
                fmnist.toString(), "--out", dir.resolve("x").toString());
        userError("unknown sampler", "train", "--space", "ofa-mbv3-fmnist", "--sampler", "greedy", "--data",
                fmnist.toString(), "--out", dir.resolve("x").toString());
        userError("already holds a run", "train", "--space", "ofa-mbv3-fmnist", "--data", fmnist.toString(), "--out",
                run.toString());
        assertFalse(Files.exists(dir.resolve("x/run.json")));
    }

    @Test
    void checkpointFromAnotherSpace() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other/checkpoints"));
        Files.copy(run.resolve("checkpoints/latest.ckpt"), other.resolve("latest.ckpt"));
        String json = Files.readString(run.resolve("run.json"))
                .replace("\"ofa-mbv3-fmnist\"", "\"ofa-mbv3-cifar10\"")
                .replace(fmnist.toString(), cifar.toString());
        Files.writeString(dir.resolve("other/run.json"), json);
        userError("is of space ofa-mbv3-fmnist, not ofa-mbv3-cifar10", "eval", "--run", dir.resolve("other").toString());
        userError("no run at", "eval", "--run", dir.resolve("none").toString());
    }

    @Test
    void exportedModelPredictsImagesAndReportsBadOnes() throws IOException {
        Path model = dir.resolve("model");
        Result e = nas4j("export", "--run", run.toString(), "--arch", "min", "--format", "djl,onnx", "--out", model.toString());
        assertEquals(0, e.code, e.err);
        for (String f : new String[] {"arch.json", "serving.properties", "synset.txt", "metrics.json", "provenance.json",
                "onnx/model.onnx"}) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        String metrics = Files.readString(model.resolve("metrics.json"));
        assertTrue(metrics.contains("testAccuracy") && metrics.contains("latencyMsBatch1Median"), metrics);
        Path good = dir.resolve("shoe.png");
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(5, 5, 0, 200);
        ImageIO.write(img, "png", good.toFile());
        Path bad = Files.writeString(dir.resolve("notes.png"), "not an image");
        Result p = nas4j("predict", "--model", model.toString(), "--top-k", "2", good.toString(), bad.toString());
        assertEquals(2, p.code, "a bad file makes the exit code non-zero");
        List<String> classes = Files.readAllLines(model.resolve("synset.txt"));
        String line = p.out.strip();
        assertTrue(line.startsWith(good + ": ") && classes.stream().anyMatch(line::contains), p.out);
        // (log lines of other threads may land in the same stream)
        List<String> errors = p.err.lines().filter(l -> l.startsWith("nas4j: ")).toList();
        assertEquals(1, errors.size(), p.err);
        assertTrue(errors.get(0).contains(bad.toString()), p.err);
    }

    @Test
    void searchWritesTheFrontResumesWithoutReEvaluatingAndFeedsExportAndReport() throws IOException {
        String[] common = {"search", "--run", run.toString(), "--strategy", "nsga2", "--recal-images", "8",
            "--val-images", "8", "--latency-calls", "2", "--name", "s1", "--constraint", "macs<=5M"};
        Result r = nas4j(concat(common, "--evals", "6"));
        assertEquals(0, r.code, r.err);
        Path archive = run.resolve("search/evaluations.jsonl");
        // the six asked archs, plus the smallest and largest child that set the hypervolume's box
        // (unless one of them was asked)
        int archived = Files.readAllLines(archive).size();
        assertTrue(archived >= 6 && archived <= 8, "archive lines: " + archived);
        for (String f : new String[] {"pareto.json", "pareto.csv", "pareto.png", "search/s1/config.json"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        // the six asked, and at index 0 the smallest and largest unless asked: every archived evaluation
        List<String> rows = Files.readAllLines(run.resolve("pareto.csv"));
        assertEquals(1 + archived, rows.size(), "header and a row per evaluation");
        assertEquals(6, rows.stream().skip(1).filter(l -> !l.startsWith("0,")).count(), "six asked");
        userError("exists: add --resume", concat(common, "--evals", "8"));
        Result resumed = nas4j(concat(common, "--evals", "8", "--resume"));
        assertEquals(0, resumed.code, resumed.err);
        assertEquals(archived + 2, Files.readAllLines(archive).size(), "only the two new archs were evaluated");
        assertTrue(resumed.err.contains("(archived)"), "the first six come from the archive: " + resumed.err);
        userError("unknown objective 'speed'", "search", "--run", run.toString(), "--objectives", "accuracy,speed");
        userError("not of the form NAME<=VALUE", "search", "--run", run.toString(), "--constraint", "latency=3ms");
        userError("--strategy 'annealing'", "search", "--run", run.toString(), "--strategy", "annealing");
        userError("archived evaluations were made with", "search", "--run", run.toString(), "--strategy", "random", "--val-images", "9",
                "--recal-images", "8", "--latency-calls", "2");

        Path model = dir.resolve("picked");
        Result e = nas4j("export", "--run", run.toString(), "--pick", "knee", "--out", model.toString());
        assertEquals(0, e.code, e.err);
        String front = Files.readString(run.resolve("pareto.json"));
        String arch = Files.readString(model.resolve("arch.json"));
        String picked = arch.replaceAll("(?s).*\"arch\": \"([^\"]+)\".*", "$1");
        assertTrue(front.contains("\"" + picked + "\""), "the exported child is on the front: " + picked);
        userError("--pick 'fastest'", "export", "--run", run.toString(), "--pick", "fastest");
        userError("no member of the front meets", "export", "--run", run.toString(), "--pick", "accuracy@latency<=1us");

        Result rep = nas4j("report", "--run", run.toString());
        assertEquals(0, rep.code, rep.err);
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("./nas4j export --run"), "report content");
    }

    @Test
    void profileWritesATableThatSearchUsesInsteadOfTiming() throws IOException {
        Path table = dir.resolve("lut.json");
        Result p = nas4j("profile", "--space", "ofa-mbv3-fmnist", "--archs", "200", "--check", "4", "--calls", "1",
                "--out", table.toString());
        assertEquals(0, p.code, p.err);
        assertTrue(p.out.contains("distinct layers") && p.out.contains("mapeLayerSum"), p.out);
        // the same search on two copies of the run: timed latencies would differ, predicted ones agree
        List<List<String>> latencies = new java.util.ArrayList<>();
        for (String name : List.of("run-lut-a", "run-lut-b")) {
            Path copy = dir.resolve(name);
            copyTree(run, copy);
            Result r = nas4j("search", "--run", copy.toString(), "--strategy", "random", "--evals", "3",
                    "--recal-images", "8", "--val-images", "8", "--latency-table", table.toString());
            assertEquals(0, r.code, r.err);
            latencies.add(Files.readAllLines(copy.resolve("pareto.csv")).stream().skip(1).filter(l -> !l.startsWith("0,"))
                    .map(l -> l.substring(l.lastIndexOf('"') + 2).split(",")[1]).toList());
        }
        assertEquals(3, latencies.get(0).size(), "the three asked");
        assertEquals(latencies.get(0), latencies.get(1), "latency comes from the table");
        Path cifarTable = dir.resolve("lut-cifar.json");
        assertEquals(0, nas4j("profile", "--space", "ofa-mbv3-cifar10", "--archs", "0", "--check", "4", "--calls", "1",
                "--out", cifarTable.toString()).code);
        Path other = dir.resolve("run-lut-c");
        copyTree(run, other);
        userError("was profiled for ofa-mbv3-cifar10", "search", "--run", other.toString(),
                "--strategy", "random", "--evals", "2", "--latency-table", cifarTable.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!from.relativize(f).startsWith("search")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void brokenModelDirectories() throws IOException {
        Path model = dir.resolve("model-to-break");
        assertEquals(0, nas4j("export", "--run", run.toString(), "--arch", "min", "--out", model.toString()).code);
        Path png = dir.resolve("any.png");
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        String arch = Files.readString(model.resolve("arch.json"));
        Path params;
        try (Stream<Path> files = Files.list(model)) {
            params = files.filter(f -> f.toString().endsWith(".params")).findFirst().orElseThrow();
        }
        byte[] weights = Files.readAllBytes(params);

        Files.writeString(model.resolve("arch.json"), arch.replace("\"ofa-mbv3-fmnist\"", "\"ofa-nope\""));
        userError("unknown space 'ofa-nope'", "predict", "--model", model.toString(), png.toString());
        Files.writeString(model.resolve("arch.json"), arch.substring(0, arch.length() / 2));
        userError("is not valid JSON", "predict", "--model", model.toString(), png.toString());
        Files.delete(model.resolve("arch.json"));
        userError("not a nas4j model directory", "predict", "--model", model.toString(), png.toString());
        Files.writeString(model.resolve("arch.json"), arch);
        Files.write(params, Arrays.copyOf(weights, weights.length / 3));
        userError("cannot load the model", "predict", "--model", model.toString(), png.toString());
        Files.delete(params);
        userError("weights file", "predict", "--model", model.toString(), png.toString());
        userError("no model 'nope' in zoo", "predict", "--model", "nope", "--zoo", dir.toString(), png.toString());
        userError("unknown format 'tflite'", "export", "--run", run.toString(), "--format", "onnx,tflite");
    }

    @Test
    void trainArchTrainsOneChildAloneAndIsDeterministic() throws IOException {
        String arch = "r24_s1:k5e4,k3e3_s2:k3e3,k7e6_s3:k3e6,k3e3";
        byte[][] weights = new byte[2][];
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("alone" + i);
            Result r = nas4j("train-arch", "--space", "ofa-mbv3-fmnist", "--arch", arch, "--data", fmnist.toString(),
                    "--epochs", "1", "--batch-size", "8", "--validation-size", "16", "--seed", "3", "--out", out.toString());
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.contains("the child " + arch + " alone") && r.out.contains("validation accuracy"), r.out);
            assertTrue(Files.readString(out.resolve("run.json")).contains(arch));
            weights[i] = Files.readAllBytes(out.resolve("checkpoints/latest.ckpt"));
        }
        assertTrue(Arrays.equals(weights[0], weights[1]), "same seed, same weights");
        userError("not one of", "train-arch", "--space", "ofa-mbv3-fmnist", "--arch", arch.replace("k5e4", "k9e4"),
                "--data", fmnist.toString(), "--validation-size", "16", "--out", dir.resolve("alone-bad").toString());
        assertFalse(Files.exists(dir.resolve("alone-bad/run.json")));
    }

    @Test
    void splitScheduleTrainsSplitsResumesAndScores() throws IOException {
        // a run of 3 epochs (4 steps each), trained to the end of epoch 1: every schedule continues from there
        Path base = dir.resolve("split-base");
        Result t = nas4j("train", "--space", "ofa-mbv3-fmnist", "--data", fmnist.toString(), "--epochs", "3", "--until-epoch", "1",
                "--batch-size", "8", "--validation-size", "16", "--out", base.toString());
        assertEquals(0, t.code, t.err);
        byte[] atEpoch1 = Files.readAllBytes(base.resolve("checkpoints/latest.ckpt"));

        Path fewshot = dir.resolve("split-fewshot");
        copyTree(base, fewshot);
        Result f = nas4j("split", "--run", fewshot.toString(), "--method", "fewshot", "--split-epochs", "1", "--dimensions", "r");
        assertEquals(0, f.code, f.err);
        int values = SpaceRegistry.get("ofa-mbv3-fmnist").space().dimension("r").size();
        assertEquals(values, f.out.lines().filter(l -> l.matches("sub-supernet \\d+ .*epochs 2 to 3 of 3.*")).count(),
                "every sub-supernet continues from epoch 2 to the last: " + f.out);
        assertTrue(Arrays.equals(atEpoch1, Files.readAllBytes(fewshot.resolve("checkpoints/latest.ckpt"))),
                "the whole supernet stops at the split");
        JsonObject budget = JsonParser.parseString(Files.readString(fewshot.resolve("split/budget.json"))).getAsJsonObject();
        // the sandwich rule trains 4 children a step; the supernet 1 epoch, each sub-supernet 2, 4 steps an epoch
        assertEquals((1 + 2L * values) * 4 * 4, budget.get("trainingPasses").getAsLong(), budget.toString());
        assertEquals(0, budget.get("scoringPasses").getAsLong());
        Result e = nas4j("eval", "--run", fewshot.toString(), "--arch", "min");
        assertTrue(e.code == 0 && e.out.contains("scored by sub-supernet 1"), e.out + e.err);

        // successive halving: at epoch 2, midway from the split to the end, the worse half stops
        Path halved = dir.resolve("split-halving");
        copyTree(base, halved);
        Result h = nas4j("split", "--run", halved.toString(), "--method", "fewshot", "--split-epochs", "1", "--dimensions", "r",
                "--halving", "1");
        assertEquals(0, h.code, h.err);
        JsonObject round = JsonParser.parseString(Files.readString(halved.resolve("split/halving.json"))).getAsJsonArray().get(0)
                .getAsJsonObject();
        assertEquals(2, round.get("epoch").getAsInt());
        assertEquals(values, round.getAsJsonObject("scores").size());
        List<Integer> stoppedIds = new ArrayList<>();
        round.getAsJsonArray("stopped").forEach(id -> stoppedIds.add(id.getAsInt()));
        assertEquals(values / 2, stoppedIds.size(), h.out);
        double worstKept = round.getAsJsonObject("scores").entrySet().stream()
                .filter(en -> !stoppedIds.contains(Integer.parseInt(en.getKey()))).mapToDouble(en -> en.getValue().getAsDouble()).min()
                .orElseThrow();
        for (int id : stoppedIds) {
            assertTrue(round.getAsJsonObject("scores").get(Integer.toString(id)).getAsDouble() <= worstKept, "the worse half stops");
            assertTrue(h.out.lines().noneMatch(l -> l.startsWith("sub-supernet " + id + " (") && l.contains("epochs 3 to 3")),
                    "a stopped sub-supernet trains no further: " + h.out);
        }
        budget = JsonParser.parseString(Files.readString(halved.resolve("split/budget.json"))).getAsJsonObject();
        assertEquals((1 + 2L * values - stoppedIds.size()) * 4 * 4, budget.get("trainingPasses").getAsLong(), budget.toString());

        // GM-NAS, two levels of 2-way splits: every leaf of the first level is split at epoch 2
        Path gm = dir.resolve("split-gm");
        copyTree(base, gm);
        Result g = nas4j("split", "--run", gm.toString(), "--method", "gm", "--split-epochs", "1,2", "--dimensions", "r,s1.d",
                "--draws", "2", "--batch-size", "4", "--search", "4");
        assertEquals(0, g.code, g.err);
        assertTrue(g.out.contains("epoch 1, sub-supernet 0: split") && g.out.contains("epoch 2, sub-supernet 1: split")
                && g.out.contains("epoch 2, sub-supernet 2: split"), g.out);
        assertTrue(g.out.contains("4 sub-supernets") && g.out.contains("best of 4 archs"), g.out);
        String tree = Files.readString(gm.resolve("split/tree.json"));
        assertTrue(tree.contains("\"r\"") && tree.contains("\"s1.d\""), "both candidates scored: " + tree);
        budget = JsonParser.parseString(Files.readString(gm.resolve("split/budget.json"))).getAsJsonObject();
        assertEquals((1 + 2 + 4) * 4 * 4, budget.get("trainingPasses").getAsLong(), budget.toString());
        long scored = 0;
        for (JsonElement node : JsonParser.parseString(tree).getAsJsonArray()) {
            for (var matrix : node.getAsJsonObject().getAsJsonObject("scores").entrySet()) {
                scored += 2L * matrix.getValue().getAsJsonArray().size();
            }
        }
        assertEquals(scored, budget.get("scoringPasses").getAsLong(), "2 draws x the values of every scored dimension: " + budget);
        assertEquals(0, nas4j("report", "--run", gm.toString()).code);
        String report = Files.readString(gm.resolve("report.html"));
        assertTrue(report.contains("<caption>r") && report.contains("<caption>s1.d") && report.contains("(split)</caption>"),
                "a heat map per scored dimension, the split one marked");

        // killed in a leaf's final epochs: a rerun trains that leaf alone, from where its checkpoint stopped
        Files.copy(gm.resolve("split/sub-1.ckpt"), gm.resolve("split/sub-4.ckpt"), StandardCopyOption.REPLACE_EXISTING);
        Result resumed = nas4j("split", "--run", gm.toString(), "--method", "gm", "--split-epochs", "1,2", "--dimensions", "r,s1.d",
                "--draws", "2", "--batch-size", "4");
        assertEquals(0, resumed.code, resumed.err);
        assertEquals(List.of("sub-supernet 4"), resumed.out.lines().filter(l -> l.contains("epochs 3 to 3"))
                .map(l -> l.substring(0, l.indexOf(" ("))).toList(), resumed.out);
        assertFalse(resumed.out.contains(": split "), "no split is made twice: " + resumed.out);

        userError("was split with other settings", "split", "--run", gm.toString(), "--method", "gm", "--split-epochs", "1",
                "--dimensions", "r,s1.d", "--draws", "2", "--batch-size", "4");
        userError("--method must be fewshot or gm", "split", "--run", gm.toString(), "--method", "darts", "--split-epochs", "1");
        userError("need ascending epochs between 1 and 2", "split", "--run", fewshot.toString(), "--split-epochs", "2,1");
        userError("--split-epochs is required", "split", "--run", gm.toString());
        Path trained = dir.resolve("split-trained");
        copyTree(base, trained);
        assertEquals(0, nas4j("train", "--out", trained.toString(), "--resume").code);
        userError("past epoch 1", "split", "--run", trained.toString(), "--split-epochs", "1");
        assertFalse(Files.exists(trained.resolve("split")), "nothing written");
        userError("no continuous relaxation", "search", "--run", run.toString(), "--strategy", "darts", "--steps", "1");
    }

    /**
     * Landmark regularization from the command line: the truth file is checked before anything is
     * written, kept in the run (a resumed run reads its own copy and refuses another), and named in the
     * training header.
     */
    @Test
    void landmarksAreCheckedKeptInTheRunAndResumed() throws IOException {
        String space = "nb201-fmnist:width=2";
        Path truth = Files.writeString(dir.resolve("landmarks.jsonl"),
                "{\"arch\":\"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|\",\"seed\":0,\"accuracy\":86.5}\n"
                + "{\"arch\":\"|avg_pool_3x3~0|+|skip_connect~0|none~1|+|avg_pool_3x3~0|none~1|skip_connect~2|\",\"seed\":0,\"accuracy\":78.0}\n");
        Path run = dir.resolve("landmarked");
        String[] args = {"train", "--space", space, "--data", fmnist.toString(), "--epochs", "2", "--batch-size", "8",
            "--validation-size", "16", "--out", run.toString()};
        userError("--landmark-weight needs --landmarks", concat(args, "--landmark-weight", "1"));
        userError("no landmarks at", concat(args, "--landmarks", dir.resolve("absent.jsonl").toString()));
        Path other = Files.writeString(dir.resolve("other-space.jsonl"), "{\"arch\":\"w=4\",\"accuracy\":80}\n"
                + "{\"arch\":\"w=6\",\"accuracy\":81}\n");
        userError("landmarks " + other + ": arch 'w=4' is not of the form", concat(args, "--landmarks", other.toString()));
        userError("needs a --landmark-weight above 0", concat(args, "--landmarks", truth.toString(), "--landmark-weight", "0"));
        assertFalse(Files.exists(run.resolve("run.json")), "nothing written");
        Result first = nas4j(concat(args, "--landmarks", truth.toString(), "--until-epoch", "1"));
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.contains("uniform sampler with 2 landmarks (weight 1.0)"), first.out);
        assertEquals(Files.readString(truth), Files.readString(run.resolve("landmarks.jsonl")));
        assertEquals(1f, JsonParser.parseString(Files.readString(run.resolve("run.json"))).getAsJsonObject()
                .getAsJsonObject("train").get("landmarkWeight").getAsFloat());
        userError("keeps the landmarks it started with", concat(args, "--resume", "--landmarks", truth.toString()));
        userError("an arch trained alone has none", "truth", "--space", space, "--data", fmnist.toString(), "--archs", "2",
                "--landmarks", truth.toString(), "--out", dir.resolve("landmarked-truth").toString());
        assertFalse(Files.exists(dir.resolve("landmarked-truth")), "nothing written");
        Result rest = nas4j(concat(args, "--resume"));
        assertEquals(0, rest.code, rest.err);
        assertTrue(rest.out.contains("with 2 landmarks"), rest.out);
        assertEquals(2, Files.readAllLines(run.resolve("train-log.jsonl")).size());
    }

    /** DARTS on a split cell-space run: one search per sub-supernet, each within its own sub-space. */
    @Test
    void dartsSearchesEverySubSupernetWithinItsSubSpace() throws IOException {
        Path cell = dir.resolve("nb201");
        Result t = nas4j("train", "--space", "nb201-fmnist", "--data", fmnist.toString(), "--epochs", "2", "--until-epoch", "1",
                "--batch-size", "8", "--validation-size", "16", "--out", cell.toString());
        assertEquals(0, t.code, t.err);
        Result s = nas4j("split", "--run", cell.toString(), "--method", "fewshot", "--split-epochs", "1", "--dimensions", "e03");
        assertEquals(0, s.code, s.err);
        Result d = nas4j("search", "--run", cell.toString(), "--strategy", "darts", "--steps", "2");
        assertEquals(0, d.code, d.err);
        JsonObject result = JsonParser.parseString(Files.readString(cell.resolve("search/darts.json"))).getAsJsonObject();
        SearchSpace space = SpaceRegistry.get("nb201-fmnist").space();
        Set<String> e03 = new HashSet<>();
        double best = 0;
        for (JsonElement e : result.getAsJsonArray("subSupernets")) {
            JsonObject sub = e.getAsJsonObject();
            e03.add(space.parse(sub.get("arch").getAsString()).get("e03"));
            best = Math.max(best, sub.get("validationAccuracy").getAsDouble());
        }
        assertEquals(Set.copyOf(space.dimension("e03").choices()), e03, "each sub-supernet derives its own e03 op");
        assertEquals(best, result.get("validationAccuracy").getAsDouble(), 1e-9, "the best sub-supernet's arch wins");
    }

    /**
     * NASNet end to end: a cell searched on a Fashion-MNIST proxy supernet by the REINFORCE controller,
     * stacked deeper and wider with ScheduledDropPath, trained alone on CIFAR-10 files, exported and
     * run through the export path.
     */
    @Test
    void nasnetCellIsSearchedOnAProxyThenStackedTrainedOnCifarExportedAndRun() throws IOException {
        Path proxy = dir.resolve("nasnet-proxy");
        // the proxy searches fewer operations; its cells are cells of the full space, which the stack uses
        Result t = nas4j("train", "--space", "nasnet-fmnist:filters=4,ops=identity+max_pool_3x3+sep_conv_3x3", "--data",
                fmnist.toString(), "--epochs", "1",
                "--batch-size", "8", "--validation-size", "16", "--out", proxy.toString());
        assertEquals(0, t.code, t.err);
        Result s = nas4j("search", "--run", proxy.toString(), "--strategy", "reinforce", "--objectives", "accuracy,macs",
                "--evals", "6", "--recal-images", "8", "--val-images", "16");
        assertEquals(0, s.code, s.err);
        JsonObject front = JsonParser.parseString(Files.readString(proxy.resolve("pareto.json"))).getAsJsonObject();
        String cell = front.getAsJsonArray("front").get(0).getAsJsonObject().get("arch").getAsString();

        String stacked = "nasnet-cifar10:cells=2,filters=6,drop-path=0.3";
        Path transfer = dir.resolve("nasnet-transfer");
        Result a = nas4j("train-arch", "--space", stacked, "--arch", cell, "--data", cifar.toString(), "--epochs", "1",
                "--batch-size", "4", "--validation-size", "4", "--out", transfer.toString());
        assertEquals(0, a.code, a.err);
        Path model = dir.resolve("nasnet-model");
        Result e = nas4j("export", "--run", transfer.toString(), "--arch", cell, "--format", "djl,onnx",
                "--out", model.toString());
        assertEquals(0, e.code, e.err);
        assertTrue(Files.readString(model.resolve("arch.json")).contains(stacked), "the card names the stacked space");
        Path img = dir.resolve("frog.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", img.toFile());
        Result p = nas4j("predict", "--model", model.toString(), img.toString());
        assertEquals(0, p.code, p.err);
        assertTrue(p.out.startsWith(img + ": "), p.out);
        assertTrue(cell.matches("N\\[((identity|max_pool_3x3|sep_conv_3x3)~\\d[+|]?)+\\]R\\[.*"), cell);
        userError("unknown option 'depth'", "train", "--space", "nasnet-fmnist:depth=3", "--data", fmnist.toString(),
                "--out", dir.resolve("nasnet-bad").toString());
        userError("must join distinct NASNet operations with '+'", "train", "--space", "nasnet-fmnist:ops=identity+conv_9x9",
                "--data", fmnist.toString(), "--out", dir.resolve("nasnet-bad").toString());
        userError("unknown option 'cells'", "train", "--space", "ofa-mbv3-fmnist:cells=3", "--data", fmnist.toString(),
                "--out", dir.resolve("nasnet-bad").toString());
        userError("takes no options", "train", "--space", "transformer-freedict:cells=3", "--data", fmnist.toString(),
                "--out", dir.resolve("nasnet-bad").toString());
    }

    private static Path copyRun(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(run.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    private static String mkdir(String name) {
        try {
            return Files.createDirectories(dir.resolve(name)).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
