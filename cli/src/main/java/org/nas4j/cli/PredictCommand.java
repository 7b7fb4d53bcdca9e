package org.nas4j.cli;

import ai.djl.modality.Classifications;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.graph.FeaturedGraph;
import org.nas4j.spaces.serving.GraphModelCard;
import org.nas4j.spaces.serving.LocalZoo;
import org.nas4j.spaces.serving.TranslatorCard;

@Parameters(commandDescription = "Classify image files, translate words, or predict a value per graph (SMILES strings or"
        + " edge-list files), with an exported model (a model directory or a zoo id)")
final class PredictCommand implements Command {

    @Parameter(names = "--model", description = "model directory, or artifact id in the zoo", required = true)
    String model;

    @Parameter(names = "--zoo", description = "zoo directory (default: system property nas4j.zoo or NAS4J_ZOO)")
    Path zoo;

    @Parameter(names = "--top-k", description = "classes to print per image")
    int topK = 3;

    @Parameter(names = "--format", description = "text or json (one JSON object per line)")
    String format = "text";

    @Parameter(names = "--beam", description = "translators: beams kept in beam search (1: greedy decoding)")
    int beam = 1;

    @Parameter(description = "FILE... (image classifiers), WORD... (translators), SMILES... or GRAPH.txt... (graph networks)")
    List<String> files = new ArrayList<>();

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserException("--format must be text or json, not '" + format + "'");
        }
        if (topK < 1) {
            throw new UserException("--top-k must be >= 1");
        }
        if (files.isEmpty()) {
            throw new UserException("give one or more image files to classify (words for a translator, SMILES strings or"
                    + " edge-list files for a graph network)");
        }
        Path dir = modelDirectory();
        if (TranslatorCard.isTranslator(dir)) {
            return translate(dir);
        }
        if (GraphModelCard.isGraphModel(dir)) {
            return predictGraphs(dir);
        }
        int failed = 0;
        try (ImageClassifier classifier = ImageClassifier.open(dir)) {
            for (String f : files) {
                try {
                    print(f, classifier.classify(Path.of(f)));
                } catch (IOException | RuntimeException e) {
                    failed++;
                    printError(f, e.getMessage());
                }
            }
        }
        return failed == 0 ? 0 : 2;
    }

    private int predictGraphs(Path dir) {
        int failed = 0;
        try (GraphPredictor predictor = GraphPredictor.open(dir)) {
            List<String> read = new ArrayList<>();
            List<FeaturedGraph> graphs = new ArrayList<>();
            for (String f : files) {
                try {
                    graphs.add(predictor.read(f));
                    read.add(f);
                } catch (IOException | RuntimeException e) {
                    failed++;
                    printError(f, e.getMessage());
                }
            }
            double[] values = graphs.isEmpty() ? new double[0] : predictor.predict(graphs);
            for (int i = 0; i < values.length; i++) {
                if (format.equals("json")) {
                    JsonObject o = new JsonObject();
                    o.addProperty("input", read.get(i));
                    o.addProperty(predictor.target(), values[i]);
                    System.out.println(o);
                } else {
                    System.out.printf(Locale.ROOT, "%s -> %s %.4g%n", read.get(i), predictor.target(), values[i]);
                }
            }
        }
        return failed == 0 ? 0 : 2;
    }

    private int translate(Path dir) {
        if (beam < 1) {
            throw new UserException("--beam must be >= 1");
        }
        try (WordTranslator translator = WordTranslator.open(dir)) {
            List<String> translations = translator.translate(files, beam);
            for (int i = 0; i < files.size(); i++) {
                if (format.equals("json")) {
                    JsonObject o = new JsonObject();
                    o.addProperty("word", files.get(i));
                    o.addProperty("translation", translations.get(i));
                    System.out.println(o);
                } else {
                    System.out.println(files.get(i) + " -> " + translations.get(i));
                }
            }
        }
        return 0;
    }

    private Path modelDirectory() {
        Path asPath = Path.of(model);
        if (Files.isDirectory(asPath)) {
            return asPath;
        }
        Path root = zoo != null ? zoo : LocalZoo.root();
        if (root == null) {
            throw new UserException("--model '" + model + "' is not a directory; to name a zoo model, give --zoo DIR or set "
                    + LocalZoo.ENV);
        }
        Path dir = root.resolve(model);
        if (!Files.isDirectory(dir)) {
            throw new UserException("no model '" + model + "' in zoo " + root + " (it has: " + listing(root) + ")");
        }
        return dir;
    }

    private static String listing(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            String names = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "no models" : names;
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private void print(String file, Classifications c) {
        List<Classifications.Classification> best = c.topK(topK);
        if (format.equals("json")) {
            JsonObject o = new JsonObject();
            o.addProperty("file", file);
            JsonArray top = new JsonArray();
            for (Classifications.Classification k : best) {
                JsonObject e = new JsonObject();
                e.addProperty("class", k.getClassName());
                e.addProperty("probability", k.getProbability());
                top.add(e);
            }
            o.add("top", top);
            System.out.println(o);
        } else {
            System.out.println(file + ": " + best.stream()
                    .map(k -> String.format(Locale.ROOT, "%s %.1f%%", k.getClassName(), 100 * k.getProbability()))
                    .collect(Collectors.joining(", ")));
        }
    }

    private void printError(String file, String message) {
        if (format.equals("json")) {
            JsonObject o = new JsonObject();
            o.addProperty("file", file);
            o.addProperty("error", message);
            System.out.println(o);
        } else {
            System.err.println("nas4j: " + file + ": " + message);
        }
    }
}
