package org.nas4j.spaces.serving;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.nas4j.core.export.OnnxExporter;
import org.nas4j.core.export.StaticChild;
import org.nas4j.core.metrics.Latency;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/**
 * Writes a child of a trained supernet, batch norms folded into its convolutions, as a standalone
 * DJL model directory for one of two engines: LibTorch ({@code NAME-0000.params}, rebuilt by {@link
 * ChildBlockFactory}) or ONNX Runtime ({@code NAME.onnx}, 5-9x faster at batch 1 here; the user's
 * program then needs DJL's {@code onnxruntime-engine}). Beside the weights: {@code arch.json},
 * {@code synset.txt}, {@code serving.properties}, {@code metrics.json} (with the batch-1 latency of the
 * written directory, loaded back through DJL's {@code Criteria}), {@code provenance.json} and, for
 * LibTorch on request, {@code onnx/model.onnx} (in a directory of its own, because DJL's ONNX Runtime
 * loader would otherwise follow the PyTorch {@code serving.properties}). The directory appears whole
 * or not at all.
 */
public final class ModelExporter {

    /** The formats a LibTorch model directory can hold. */
    public enum Format {
        /** DJL's parameter file, loaded through {@code serving.properties}. */
        DJL,
        /** An ONNX file of the same network, in {@value ModelExporter#ONNX_FILE}. */
        ONNX
    }

    /** The DJL engine a model directory names in its {@code serving.properties}. */
    public enum ServingEngine {
        /** LibTorch, DJL's PyTorch engine: nothing beyond nas4j's own dependencies. */
        PYTORCH("PyTorch"),
        /** Microsoft's ONNX Runtime, DJL's {@code ai.djl.onnxruntime:onnxruntime-engine}. */
        ONNX_RUNTIME("OnnxRuntime");

        private final String djlName;

        ServingEngine(String djlName) {
            this.djlName = djlName;
        }

        /** @return the engine's name in DJL */
        public String djlName() {
            return djlName;
        }
    }

    /** Where the ONNX file goes inside a LibTorch model directory. */
    public static final String ONNX_FILE = "onnx/model.onnx";

    private static final String PYTORCH = ServingEngine.PYTORCH.djlName();
    private static final int LATENCY_WARMUP = 10;
    private static final int LATENCY_CALLS = 50;

    private ModelExporter() {}

    /**
     * @param net the supernet, its BN statistics recalibrated for the child
     * @param card what the model is (its arch must be of {@code net}'s space)
     * @param metrics measured figures of the child (its batch-1 latency on this machine is added)
     * @param provenance where it came from
     * @param engine the engine the directory is for
     * @param formats for LibTorch, the files to write besides the card ({@link Format#DJL} is always
     *     written)
     * @param out the model directory to (re)place
     * @throws IOException if writing fails; {@code out} is then untouched
     * @throws UserException if the engine is not on the classpath
     */
    public static void export(Supernet net, ModelCard card, JsonObject metrics, JsonObject provenance,
            ServingEngine engine, Set<Format> formats, Path out) throws IOException {
        if (!Engine.hasEngine(engine.djlName())) {
            throw new UserException("DJL's " + engine.djlName() + " engine is not on the classpath; add "
                    + "ai.djl.onnxruntime:onnxruntime-engine or export for pytorch");
        }
        try (Model model = Model.newInstance(card.name(), PYTORCH)) {
            Shape input = new Shape(1, card.channels(), card.resolution(), card.resolution());
            Block block = StaticChild.build(net, card.parsedArch(), card::wrap, input, model.getNDManager());
            model.setBlock(block);
            boolean onnx = engine == ServingEngine.ONNX_RUNTIME || formats.contains(Format.ONNX);
            byte[] onnxBytes = onnx ? OnnxExporter.export(block, input, card.classes().size(), card.name()) : null;
            AtomicFiles.writeDirectory(out, dir -> {
                if (engine == ServingEngine.PYTORCH) {
                    model.save(dir, card.name());
                    if (onnx) {
                        Files.createDirectories(dir.resolve(ONNX_FILE).getParent());
                        Files.write(dir.resolve(ONNX_FILE), onnxBytes);
                    }
                } else {
                    Files.write(dir.resolve(card.name() + ".onnx"), onnxBytes);
                }
                write(dir.resolve(ModelCard.FILE), card.toJson());
                write(dir.resolve("synset.txt"), String.join("\n", card.classes()) + "\n");
                write(dir.resolve("serving.properties"), servingProperties(card, engine));
                write(dir.resolve("provenance.json"), pretty(provenance));
                Latency latency = measureLoaded(dir, input);
                JsonObject measured = metrics.deepCopy();
                measured.addProperty("latencyMsBatch1Median", latency.medianMs());
                measured.addProperty("latencyMsBatch1P90", latency.p90Ms());
                measured.addProperty("latencyRuntime", "DJL " + Engine.getDjlVersion() + ", " + engine.djlName()
                        + " " + Engine.getEngine(engine.djlName()).getVersion() + ", CPU, " + threads(engine)
                        + ", " + LATENCY_CALLS + " calls after " + LATENCY_WARMUP + " warm-up");
                write(dir.resolve("metrics.json"), pretty(measured));
            });
        }
    }

    /**
     * Writes the model directory of a network that nas4j itself loads (a word translator, a graph
     * network): the child's static network (generated weights baked in) in DJL's format for LibTorch,
     * its card, metrics and provenance.
     *
     * @param net the supernet
     * @param arch the child
     * @param name the model's name (its parameter file's prefix)
     * @param card the card's JSON
     * @param metrics measured figures of the child
     * @param provenance where it came from
     * @param out the model directory to (re)place
     * @throws IOException if writing fails; {@code out} is then untouched
     */
    public static void exportForNas4j(Supernet net, Arch arch, String name, String card, JsonObject metrics,
            JsonObject provenance, Path out) throws IOException {
        try (Model model = Model.newInstance(name, PYTORCH)) {
            model.setBlock(net.extract(arch, model.getNDManager()));
            AtomicFiles.writeDirectory(out, dir -> {
                model.save(dir, name);
                write(dir.resolve(ModelCard.FILE), card);
                write(dir.resolve("provenance.json"), pretty(provenance));
                write(dir.resolve("metrics.json"), pretty(metrics));
            });
        }
    }

    /** Batch-1 latency of the written directory, loaded as a user's program loads it. */
    private static Latency measureLoaded(Path dir, Shape input) throws IOException {
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(dir).build();
        try (ZooModel<NDList, NDList> loaded = criteria.loadModel();
                Predictor<NDList, NDList> predictor = loaded.newPredictor();
                NDManager manager = NDManager.newBaseManager(PYTORCH)) {
            return Latency.measure(predictor::predict, input, manager, LATENCY_WARMUP, LATENCY_CALLS);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the written model does not load or run: " + e.getMessage(), e);
        }
    }

    private static String threads(ServingEngine engine) {
        return engine == ServingEngine.PYTORCH
                ? Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors()) + " threads"
                : "engine default threads";
    }

    /** What DJL's loader reads: engine, block factory, and the image translator's arguments. */
    static String servingProperties(ModelCard card, ServingEngine engine) {
        return String.join("\n",
                "# written by nas4j; DJL's Criteria reads it when loading this directory",
                "engine=" + engine.djlName(),
                "option.modelName=" + card.name(),
                engine == ServingEngine.PYTORCH ? "blockFactory=" + ChildBlockFactory.class.getName() : "# the network is " + card.name() + ".onnx",
                "translatorFactory=ai.djl.modality.cv.translator.ImageClassificationTranslatorFactory",
                "width=" + card.resolution(),
                "height=" + card.resolution(),
                "resize=true",
                "flag=" + (card.channels() == 1 ? "GRAYSCALE" : "COLOR"),
                "applySoftmax=true",
                "");
    }

    private static String pretty(JsonObject json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
