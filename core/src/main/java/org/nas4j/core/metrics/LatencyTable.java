package org.nas4j.core.metrics;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/**
 * A latency lookup table for one engine, machine, thread count and batch size: the measured median
 * latency of every distinct layer (a top-level block of a served child, identified by its kind,
 * weight shapes and input and output shapes). A child's predicted latency is {@code scale * sum +
 * offset}, the affine correction fitted on whole children timed when the table was made (it absorbs
 * the per-call overhead that timing layers one by one leaves out).
 */
public final class LatencyTable {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private String space;
    private String runtime;
    private int batch;
    private Map<String, Double> layers = new TreeMap<>();
    private double scale = 1;
    private double offset;
    private Map<String, Double> check = new TreeMap<>();

    /**
     * @param space the search space it was profiled on
     * @param runtime engine, version, device and threads
     * @param batch images per call
     */
    public LatencyTable(String space, String runtime, int batch) {
        this.space = space;
        this.runtime = runtime;
        this.batch = batch;
    }

    /** One layer of a child: what identifies it, the block and the shape it takes. */
    public record Layer(String signature, Block block, Shape input) {}

    /**
     * @param child an initialized static child ({@link SequentialBlock} at the top)
     * @param input its input shape
     * @return its top-level layers with their input shapes
     */
    public static List<Layer> layers(Block child, Shape input) {
        List<Layer> out = new ArrayList<>();
        List<Block> blocks = child instanceof SequentialBlock s
                ? s.getChildren().values() : List.of(child);
        Shape x = input;
        for (Block b : blocks) {
            Shape y = b.getOutputShapes(new Shape[] {x})[0];
            out.add(new Layer(describe(b) + " " + x + "->" + y, b, x));
            x = y;
        }
        return out;
    }

    /** The block's kind and weight shapes, recursively: equal for layers that cost the same. */
    private static String describe(Block b) {
        StringBuilder s = new StringBuilder(b.getClass().getSimpleName()).append('(');
        for (Pair<String, Parameter> p : b.getDirectParameters()) {
            s.append(p.getKey()).append(p.getValue().getArray().getShape()).append(';');
        }
        for (Block c : b.getChildren().values()) {
            s.append(describe(c)).append(';');
        }
        return s.append(')').toString();
    }

    /** @return whether the table holds this layer */
    public boolean has(String signature) {
        return layers.containsKey(signature);
    }

    /** @return how many layers it holds */
    public int size() {
        return layers.size();
    }

    /**
     * Times one layer and adds it.
     *
     * @param layer the layer (initialized)
     * @param manager parent of the per-call managers
     * @param warmup untimed calls
     * @param calls timed calls
     * @throws Exception if the forward pass fails
     */
    public void profile(Layer layer, NDManager manager, int warmup, int calls) throws Exception {
        ParameterStore ps = new ParameterStore(manager, false);
        layers.put(layer.signature(), Latency.measure(x -> layer.block().forward(ps, x, false), layer.input(), manager,
                warmup, calls).medianMs());
    }

    /** @return the sum of the child's layer latencies, uncorrected */
    public double sum(Block child, Shape input) {
        double total = 0;
        for (Layer l : layers(child, input)) {
            Double ms = layers.get(l.signature());
            if (ms == null) {
                throw new UserException("the latency table of " + space + " lacks the layer " + l.signature()
                        + "; profile the space again with 'nas4j profile --space " + space + "'");
            }
            total += ms;
        }
        return total;
    }

    /** @return the predicted latency of the child in milliseconds */
    public double predict(Block child, Shape input) {
        return scale * sum(child, input) + offset;
    }

    /**
     * Sets the affine correction and records how the prediction did on whole children.
     *
     * @param scale multiplies the layer sum
     * @param offset is added
     * @param figures named error figures (e.g. MAPE, Kendall tau on held-out children)
     */
    public void calibrate(double scale, double offset, Map<String, Double> figures) {
        this.scale = scale;
        this.offset = offset;
        this.check = new TreeMap<>(figures);
    }

    /** @return the space profiled */
    public String space() {
        return space;
    }

    /** @return images per call */
    public int batch() {
        return batch;
    }

    /** Writes the table atomically. */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(this) + "\n");
    }

    /**
     * @param file a table written by {@link #save}
     * @return it
     * @throws UserException if it is missing or unreadable
     */
    public static LatencyTable load(Path file) {
        try {
            LatencyTable t = GSON.fromJson(Files.readString(file), LatencyTable.class);
            if (t == null || t.layers == null || t.space == null) {
                throw new UserException(file + " is not a nas4j latency table; write one with 'nas4j profile'");
            }
            return t;
        } catch (NoSuchFileException e) {
            throw new UserException("no latency table at " + file + "; write one with 'nas4j profile'");
        } catch (IOException | JsonParseException e) {
            throw new UserException("cannot read the latency table " + file + " (" + e.getMessage() + "); profile again");
        }
    }

    /** @return the error figures recorded at calibration */
    public Map<String, Double> check() {
        return check;
    }

}
