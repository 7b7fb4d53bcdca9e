package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.datasets.TestFiles;

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
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }
    }

    /** Asserts exit 2 with one line on stderr that contains {@code expected}. */
    static void userError(String expected, String... args) {
        Result r = nas4j(args);
        assertEquals(2, r.code, r.err);
        String[] lines = r.err.strip().split("\n");
        assertEquals(1, lines.length, "one line, no stack trace: " + r.err);
        assertTrue(lines[0].startsWith("nas4j: ") && lines[0].contains(expected), lines[0]);
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

    private static String mkdir(String name) {
        try {
            return Files.createDirectories(dir.resolve(name)).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
