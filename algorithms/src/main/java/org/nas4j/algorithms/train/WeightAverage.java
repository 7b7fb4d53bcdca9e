package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nas4j.core.supernet.Supernet;

/**
 * The running mean of a supernet's weights at the ends of epochs (stochastic weight averaging,
 * Izmailov et al., 2018): shared weights drift from epoch to epoch, and so do the rankings they give;
 * their mean ranks children more steadily. Batch-norm statistics are averaged too and are
 * recalibrated before any child is scored. An epoch is counted once, so a run resumed after an
 * interrupted save does not count it twice.
 */
public final class WeightAverage implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> mean = new LinkedHashMap<>();
    private int count;
    private int lastEpoch;

    /** @param parent owns (through a sub-manager) the averaged arrays */
    public WeightAverage(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** @return how many epochs are averaged */
    public int count() {
        return count;
    }

    /**
     * Adds the supernet's current weights as those at the end of {@code epoch}; an epoch already
     * counted is skipped.
     */
    public void add(Supernet net, int epoch) {
        if (epoch <= lastEpoch) {
            return;
        }
        count++;
        lastEpoch = epoch;
        for (Pair<String, Parameter> p : net.getParameters()) {
            NDArray w = p.getValue().getArray();
            NDArray m = mean.get(p.getKey());
            if (m == null) {
                m = manager.zeros(w.getShape(), w.getDataType());
                mean.put(p.getKey(), m);
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray delta = w.sub(m);
                delta.attach(step);
                NDArray scaled = delta.div(count);
                scaled.attach(step);
                m.addi(scaled);
            }
        }
    }

    /** Sets the supernet's weights to the mean. */
    public void writeTo(Supernet net) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            p.getValue().getArray().set(mean.get(p.getKey()).toByteBuffer());
        }
    }

    /** Saves the mean, with its count and last epoch, as a checkpoint of the supernet's space. */
    public void save(Path file, Supernet net) throws IOException {
        JsonObject header = new JsonObject();
        header.addProperty("averagedEpochs", count);
        header.addProperty("lastEpoch", lastEpoch);
        Checkpoint.save(file, net.space().name(), mean, Map.of(), header);
    }

    /**
     * Restores a saved mean; it passes through the supernet's weights, which the caller loads again.
     *
     * @param file a mean saved by {@link #save}
     * @param net the supernet
     * @param parent owns the averaged arrays
     * @return the mean
     */
    public static WeightAverage load(Path file, Supernet net, NDManager parent) {
        WeightAverage a = new WeightAverage(parent);
        JsonObject header = Checkpoint.load(file, net, null, parent);
        a.count = header.get("averagedEpochs").getAsInt();
        a.lastEpoch = header.get("lastEpoch").getAsInt();
        for (Pair<String, Parameter> p : net.getParameters()) {
            NDArray copy = p.getValue().getArray().duplicate();
            copy.attach(a.manager);
            a.mean.put(p.getKey(), copy);
        }
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }
}
