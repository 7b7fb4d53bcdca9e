package org.nas4j.spaces.serving;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.nas4j.core.export.BatchNormFolding;
import org.nas4j.core.export.OnnxExporter;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.AtomicFiles;

/**
 * Writes a child of a trained supernet, batch norms folded into its convolutions, as a standalone
 * DJL model directory: {@code NAME-0000.params},
 * {@code arch.json}, {@code synset.txt}, {@code serving.properties}, {@code metrics.json}, {@code
 * provenance.json} and, on request, {@code onnx/model.onnx} (in a directory of its own, because DJL's
 * ONNX Runtime loader would otherwise follow the PyTorch {@code serving.properties}). The directory
 * appears whole or not at all.
 */
public final class ModelExporter {

    /** The formats a model can be written in. */
    public enum Format {
        /** DJL's parameter file, loaded through {@code serving.properties}. */
        DJL,
        /** An ONNX file of the same network. */
        ONNX
    }

    /** The engine whose parameter files nas4j writes. */
    public static final String ENGINE = "PyTorch";
    /** Where the ONNX file goes inside a model directory. */
    public static final String ONNX_FILE = "onnx/model.onnx";

    private static final int LATENCY_WARMUP = 10;
    private static final int LATENCY_CALLS = 50;

    private ModelExporter() {}

    /**
     * @param net the supernet, its BN statistics recalibrated for the child
     * @param card what the model is (its arch must be of {@code net}'s space)
     * @param metrics measured figures of the child (its batch-1 latency on this machine is added)
     * @param provenance where it came from
     * @param formats which files to write besides the card ({@link Format#DJL} is always written)
     * @param out the model directory to (re)place
     * @throws IOException if writing fails; {@code out} is then untouched
     */
    public static void export(
            Supernet net, ModelCard card, JsonObject metrics, JsonObject provenance, Set<Format> formats, Path out)
            throws IOException {
        try (Model model = Model.newInstance(card.name(), ENGINE)) {
            WeightCopier folded = new WeightCopier();
            Block child = net.extract(card.parsedArch(), model.getNDManager());
            Block block = card.wrap(BatchNormFolding.fold(child, folded));
            Shape input = new Shape(1, card.channels(), card.resolution(), card.resolution());
            block.initialize(model.getNDManager(), DataType.FLOAT32, input);
            folded.apply();
            model.setBlock(block);
            Latency latency = Latency.measure(block, input, model.getNDManager(), LATENCY_WARMUP, LATENCY_CALLS);
            JsonObject measured = metrics.deepCopy();
            measured.addProperty("latencyMsBatch1Median", latency.medianMs());
            measured.addProperty("latencyMsBatch1P90", latency.p90Ms());
            measured.addProperty("latencyRuntime", "DJL " + Engine.getDjlVersion() + ", " + ENGINE + " "
                    + Engine.getEngine(ENGINE).getVersion() + ", CPU, "
                    + Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors())
                    + " threads, " + LATENCY_CALLS + " calls after " + LATENCY_WARMUP + " warm-up");
            AtomicFiles.writeDirectory(out, dir -> {
                model.save(dir, card.name());
                write(dir.resolve(ModelCard.FILE), card.toJson());
                write(dir.resolve("synset.txt"), String.join("\n", card.classes()) + "\n");
                write(dir.resolve("serving.properties"), servingProperties(card));
                write(dir.resolve("metrics.json"), pretty(measured));
                write(dir.resolve("provenance.json"), pretty(provenance));
                if (formats.contains(Format.ONNX)) {
                    Files.createDirectories(dir.resolve(ONNX_FILE).getParent());
                    Files.write(dir.resolve(ONNX_FILE),
                            OnnxExporter.export(block, input, card.classes().size(), card.name()));
                }
            });
        }
    }

    /** What DJL's loader reads: engine, block factory, and the image translator's arguments. */
    static String servingProperties(ModelCard card) {
        return String.join("\n",
                "# written by nas4j; DJL's Criteria reads it when loading this directory",
                "engine=" + ENGINE,
                "option.modelName=" + card.name(),
                "blockFactory=" + ChildBlockFactory.class.getName(),
                "translatorFactory=ai.djl.modality.cv.translator.ImageClassificationTranslatorFactory",
                "width=" + card.resolution(),
                "height=" + card.resolution(),
                "resize=true",
                "flag=" + (card.channels() == 1 ? "GRAYSCALE" : "COLOR"),
                "applySoftmax=true",
                "");
    }

    private static String pretty(JsonObject json) {
        return new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
