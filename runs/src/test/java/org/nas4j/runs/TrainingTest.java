package org.nas4j.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algorithms.search.Archive;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.datasets.TestFiles;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;

/** The drivers as a library: they report to a listener, never print, write where RunDirectory says, and resume. */
class TrainingTest {

    @TempDir
    static Path dir;

    /** Records what a driver reports. */
    private static final class Recorder implements Progress {
        final List<long[]> steps = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final List<String> tasks = new ArrayList<>();

        @Override
        public void update(String task, long done, long total, String status) {
            steps.add(new long[] {done, total});
            tasks.add(task);
        }

        @Override
        public void report(String line) {
            lines.add(line);
        }
    }

    /**
     * The front holds exactly the archived evaluations that no other dominates (higher accuracy, fewer
     * MACs), the smallest and largest children included, though they are measured outside the budget;
     * {@code pareto.csv} lists those two at index 0 with the same flags.
     */
    private static void assertFrontIsEveryUndominatedEvaluation(RunDirectory run, SearchSpace space,
            ParetoSearch.Outcome outcome) throws IOException {
        List<Evaluation> archived = new ArrayList<>(Archive.open(run.evaluations(), space).all());
        Set<String> expected = new HashSet<>();
        for (Evaluation e : archived) {
            boolean dominated = archived.stream().anyMatch(o -> o.accuracy() >= e.accuracy() && o.macs() <= e.macs()
                    && (o.accuracy() > e.accuracy() || o.macs() < e.macs()));
            if (!dominated) {
                expected.add(e.arch().id());
            }
        }
        assertTrue(expected.contains(space.smallest().id()), "the smallest child has the fewest MACs");
        assertEquals(expected, outcome.front().stream().map(e -> e.arch().id()).collect(Collectors.toSet()));
        List<ParetoSearch.Row> rows = ParetoSearch.readCsv(RunDirectory.pareto(run.search("lib"), "csv"), space);
        assertEquals(6, rows.size());
        assertEquals(Set.of(space.smallest().id(), space.largest().id()), rows.stream().filter(r -> r.index() == 0)
                .map(r -> r.evaluation().arch().id()).collect(Collectors.toSet()));
        assertEquals(expected, rows.stream().filter(ParetoSearch.Row::onFront).map(r -> r.evaluation().arch().id())
                .collect(Collectors.toSet()));
    }

    @Test
    void trainSearchPickExportReportToTheListenerAndResume() throws Exception {
        Path data = Files.createDirectories(dir.resolve("fmnist"));
        TestFiles.writeFashionMnist(data, 48, false);
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        TrainConfig config = TrainConfig.defaults("sandwich", 2).toBuilder().batchSize(8).validationSize(16).build();
        RunSpec spec = new RunSpec("ofa-mbv3-fmnist", data.toString(), 0, config, null);

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Recorder training = new Recorder();
        Recorder search = new Recorder();
        Path model = run.export("m");
        try (Run trained = Training.train(run, spec, true, training)) {
            Training.reportChildren(trained, training);
            ParetoSearch.Plan plan = new ParetoSearch.Plan("random", List.of(Objective.ACCURACY, Objective.MACS), List.of(),
                    List.of(), 4, 0, false, "lib");
            ParetoSearch.Outcome outcome = ParetoSearch.run(run, trained, plan, ChildMeasurer.Settings.defaults(), search);
            assertEquals(4, outcome.evaluations().size());
            assertFrontIsEveryUndominatedEvaluation(run, trained.net().space(), outcome);
            Evaluation best = FrontPick.pick(run.root(), trained.net().space(), "best");
            Export.Exported e = Export.export(trained, run, best.arch(), "m", model, ServingEngine.PYTORCH, Set.of(Format.DJL));
            assertTrue(e.metrics().get("testAccuracy").getAsDouble() >= 0);
        } finally {
            System.setOut(stdout);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "drivers never print");

        // 32 training images at batch 8: 4 steps an epoch, reported one by one to the end
        assertEquals(8, training.steps.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(i + 1, training.steps.get(i)[0]);
            assertEquals(8, training.steps.get(i)[1]);
        }
        assertTrue(training.lines.get(0).startsWith("training ofa-mbv3-fmnist"), training.lines.get(0));
        assertTrue(training.lines.get(1).startsWith("validation accuracy ")
                && training.lines.get(2).startsWith("validation accuracy "), training.lines.toString());
        assertEquals(List.of(1L, 2L, 3L, 4L), search.steps.stream().map(s -> s[0]).toList());
        assertEquals(Set.of("random"), Set.copyOf(search.tasks));

        // every file where the run directory names it
        assertTrue(Files.isRegularFile(run.snapshot(1)) && Files.isRegularFile(run.snapshot(2)));
        assertEquals(2, Files.readAllLines(run.trainLog()).size());
        // the four, and the smallest and largest child, which fix the hypervolume's box outside the budget
        assertEquals(6, Files.readAllLines(run.evaluations()).size());
        assertTrue(Files.isRegularFile(RunDirectory.pareto(run.search("lib"), "json")));
        assertFalse(Files.exists(RunDirectory.pareto(run.root(), "png")), "charts are the CLI's");
        assertTrue(Files.isRegularFile(model.resolve("m-0000.params")));

        // a finished run resumes to nothing: no step, no new log line
        Recorder again = new Recorder();
        try (Run resumed = Training.train(run, spec, true, again)) {
            assertTrue(again.steps.isEmpty());
        }
        assertEquals(2, Files.readAllLines(run.trainLog()).size());
    }
}
