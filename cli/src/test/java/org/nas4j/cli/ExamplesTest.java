package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.datasets.TestFiles;

/**
 * The programs under {@code examples/} run as a user runs them: {@code java} in source-file mode on
 * nas4j's classpath, in a process of their own.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    static Path dir;

    @Test
    void searchYourImagesTrainsSearchesExportsAndPredictsThenClassifyWithDjlLoadsTheExport() throws Exception {
        Path images = dir.resolve("images");
        TestFiles.writeColourFolder(images, 4, 16, 3);
        Path out = dir.resolve("run");

        Result api = java(EXAMPLES.resolve("SearchYourImages.java").toString(), images.toString(), out.toString(), "2");
        assertEquals(0, api.code(), api.output());
        Matcher searched = Pattern.compile("searched (\\d+) children; the knee of the front: ([\\d.]+)% in").matcher(api.output());
        assertTrue(searched.find(), api.output());
        assertEquals(10, Integer.parseInt(searched.group(1)), api.output());
        Path model = out.resolve("export").resolve("chosen");
        assertEquals(List.of("class-a", "class-b", "class-c", "class-d"), Files.readAllLines(model.resolve("synset.txt")));
        Path first = images.resolve("class-a").resolve("img-000.png");
        assertTrue(api.output().contains(first + ": class-"), api.output());
        assertTrue(Files.isRegularFile(out.resolve("pareto.json")) && Files.isRegularFile(out.resolve("run.json")));

        // run again: the run and its search resume, nothing is trained or evaluated twice
        long trainedBytes = Files.size(out.resolve("train-log.jsonl"));
        Result again = java(EXAMPLES.resolve("SearchYourImages.java").toString(), images.toString(), out.toString(), "2");
        assertEquals(0, again.code(), again.output());
        assertEquals(trainedBytes, Files.size(out.resolve("train-log.jsonl")), "no epoch trained again");
        assertTrue(again.output().contains(searched.group()), again.output());

        Path image = images.resolve("class-c").resolve("img-002.png");
        Result djl = java(EXAMPLES.resolve("ClassifyWithDjl.java").toString(), model.toString(), image.toString());
        assertEquals(0, djl.code(), djl.output());
        assertTrue(djl.output().matches("(?s).*" + Pattern.quote(image.toString()) + ": class-[a-d] \\(\\d+\\.\\d%\\).*"),
                djl.output());
    }

    private record Result(int code, String output) {}

    /** Runs a source file with this test's classpath and engine settings; stdout and stderr together. */
    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "1"),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
