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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algorithms.translate.TranslationMetrics;
import org.nas4j.datasets.Datasets;
import org.nas4j.datasets.TestFiles;
import org.nas4j.datasets.text.TranslationData;
import org.nas4j.datasets.text.WordPair;

/** The word-translation path through the CLI: train a MoS supernet, eval, search, export, predict. */
class TranslationCliTest {

    private static final int VALIDATION = 30;

    @TempDir
    static Path dir;

    static Path dictionary;
    static Path run;

    /** A dictionary of made-up words whose "translation" is learnable: capitalized, with "en" appended. */
    @BeforeAll
    static void dictionaryAndRun() throws IOException {
        dictionary = Files.createDirectories(dir.resolve("dict"));
        SplittableRandom rng = new SplittableRandom(4);
        List<String[]> entries = new ArrayList<>();
        java.util.TreeSet<String> words = new java.util.TreeSet<>();
        while (words.size() < 300) {
            StringBuilder w = new StringBuilder();
            for (int i = 0, n = 3 + rng.nextInt(4); i < n; i++) {
                w.append((char) ('a' + rng.nextInt(8)));
            }
            words.add(w.toString());
        }
        for (String w : words) {
            String target = Character.toUpperCase(w.charAt(0)) + w.substring(1) + "en";
            entries.add(new String[] {w, w + " /x/\n" + target + " <neut>\n"});
        }
        TestFiles.writeDictionary(dictionary, "toy-eng-deu", entries.toArray(String[][]::new), true);
        // ShiftNAS learns from held-out images, which a translation run has not: refused before anything is written
        CliErrorsTest.Result shift = nas4j("train", "--space", "transformer-freedict", "--data", dictionary.toString(),
                "--validation-size", Integer.toString(VALIDATION), "--sampler", "shiftnas", "--out", dir.resolve("shift").toString());
        assertEquals(2, shift.code(), shift.err());
        assertTrue(shift.err().contains("--sampler shiftnas") && shift.err().lines().count() == 1, shift.err());
        assertFalse(Files.exists(dir.resolve("shift")), "nothing written");
        run = dir.resolve("run");
        CliErrorsTest.Result r = nas4j("train", "--space", "transformer-freedict", "--data", dictionary.toString(),
                "--epochs", "2", "--batch-size", "16", "--validation-size", Integer.toString(VALIDATION), "--mixture", "layer",
                "--optimizer", "adam", "--lr", "0.003", "--sampler", "sandwich-labels", "--random-children", "0",
                "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("validation character BLEU") && r.out().contains("mixture layer x2"), r.out());
        JsonObject spec = JsonParser.parseString(Files.readString(run.resolve("run.json"))).getAsJsonObject();
        assertEquals("layer", spec.getAsJsonObject("train").get("mixture").getAsString(), spec.toString());
    }

    @Test
    void evalSearchExportAndPredictAgree() throws IOException {
        CliErrorsTest.Result eval = nas4j("eval", "--run", run.toString(), "--arch", "min", "--split", "test");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("exact match") && eval.out().contains("character error rate"), eval.out());

        CliErrorsTest.Result search = nas4j("search", "--run", run.toString(), "--strategy", "nsga2", "--objectives",
                "accuracy,latency", "--evals", "4", "--val-images", "20", "--latency-calls", "2", "--seed", "1");
        assertEquals(0, search.code(), search.err());
        JsonObject pareto = JsonParser.parseString(Files.readString(run.resolve("pareto.json"))).getAsJsonObject();
        assertTrue(pareto.getAsJsonArray("front").size() >= 1, pareto.toString());

        Path model = dir.resolve("model");
        CliErrorsTest.Result export = nas4j("export", "--run", run.toString(), "--arch", "min", "--out", model.toString());
        assertEquals(0, export.code(), export.err());
        JsonObject card = JsonParser.parseString(Files.readString(model.resolve("arch.json"))).getAsJsonObject();
        assertEquals("nas4j-translator/1", card.get("format").getAsString());
        JsonObject metrics = JsonParser.parseString(Files.readString(model.resolve("metrics.json"))).getAsJsonObject();

        // the exported model, loaded without the supernet or its router, translates the test words as the export scored them
        TranslationData words = Datasets.openWords(dictionary.toString(), VALIDATION);
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString()));
        words.test().forEach(p -> args.add(p.source()));
        CliErrorsTest.Result predict = nas4j(args.toArray(String[]::new));
        assertEquals(0, predict.code(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(words.test().size(), lines.size(), predict.out());
        List<String> hypotheses = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String prefix = words.test().get(i).source() + " -> ";
            assertTrue(lines.get(i).startsWith(prefix), lines.get(i));
            hypotheses.add(lines.get(i).substring(prefix.length()));
        }
        TranslationMetrics m = TranslationMetrics.of(hypotheses, words.test().stream().map(WordPair::target).toList());
        assertEquals(metrics.get("testCharacterErrorRate").getAsDouble(), 100 * m.characterErrorRate(), 1e-9);
        assertEquals(metrics.get("testCharacterBleu").getAsDouble(), 100 * m.bleu(), 1e-9);
    }

    @Test
    void translationErrorsAreOneLine() throws IOException {
        Path fmnist = Files.createDirectories(dir.resolve("fmnist"));
        TestFiles.writeFashionMnist(fmnist, 48, false);
        Path onnx = dir.resolve("onnx-model");
        userError("pytorch only", "export", "--run", run.toString(), "--arch", "min", "--engine", "onnxruntime",
                "--out", onnx.toString());
        assertTrue(!Files.exists(onnx), "nothing written");
        userError("no elastic layers to route", "train", "--space", "nb201-fmnist", "--data", fmnist.toString(),
                "--mixture", "layer", "--validation-size", "16", "--out", dir.resolve("nb").toString());
        userError("choose none, layer or neuron", "train", "--space", "transformer-freedict", "--data",
                dictionary.toString(), "--mixture", "experts", "--out", dir.resolve("bad").toString());
        userError("one dictd dictionary", "train", "--space", "transformer-freedict", "--data", dir.toString(),
                "--out", dir.resolve("nodict").toString());
    }
}
