package org.nas4j.algorithms.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/**
 * A supernet checkpoint: a JSON header (space, step), every parameter by name, and the optimizer's
 * momentum buffers. Written atomically; read with checks of space, names and shapes.
 */
public final class Checkpoint {

    private static final String MAGIC = "nas4j-checkpoint";
    private static final int VERSION = 1;
    /** The prefix of a sampler's arrays among the buffers. */
    static final String SAMPLER = "sampler:";

    private Checkpoint() {}

    /**
     * @param file the checkpoint file
     * @param net the supernet
     * @param optimizer its optimizer, or null to save weights only
     * @param header what else to record (step, ...); the space name is added
     * @throws IOException if writing fails (the previous file is then intact)
     */
    public static void save(Path file, Supernet net, SupernetOptimizer optimizer, JsonObject header) throws IOException {
        save(file, net, optimizer, header, Map.of());
    }

    /**
     * @param file the checkpoint file
     * @param net the supernet
     * @param optimizer its optimizer, or null to save weights only
     * @param header what else to record (step, ...); the space name is added
     * @param sampler arrays the sampler learns, saved among the buffers under {@value #SAMPLER}NAME
     * @throws IOException if writing fails (the previous file is then intact)
     */
    public static void save(Path file, Supernet net, SupernetOptimizer optimizer, JsonObject header,
            Map<String, NDArray> sampler) throws IOException {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            weights.put(p.getKey(), p.getValue().getArray());
        }
        Map<String, NDArray> buffers = new LinkedHashMap<>(optimizer == null ? Map.of() : optimizer.buffers());
        sampler.forEach((name, a) -> buffers.put(SAMPLER + name, a));
        save(file, net.space().name(), weights, buffers, header);
    }

    /**
     * Writes arrays in a supernet's order as its checkpoint: what {@link #load} reads into the
     * supernet (e.g. a running average of its weights).
     *
     * @param file the checkpoint file
     * @param space the supernet's space
     * @param weights an array per parameter, in the supernet's parameter order
     * @param buffers optimizer state buffers by name (none: empty)
     * @param header what else to record; the space name is added
     */
    public static void save(Path file, String space, Map<String, NDArray> weights, Map<String, NDArray> buffers,
            JsonObject header) throws IOException {
        JsonObject h = header.deepCopy();
        h.addProperty("space", space);
        AtomicFiles.write(
                file,
                raw -> {
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
                    out.writeUTF(MAGIC);
                    out.writeInt(VERSION);
                    out.writeUTF(h.toString());
                    out.writeInt(weights.size());
                    for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                        writeArray(out, w.getKey(), w.getValue());
                    }
                    out.writeInt(buffers.size());
                    for (Map.Entry<String, NDArray> b : buffers.entrySet()) {
                        writeArray(out, b.getKey(), b.getValue());
                    }
                    out.flush();
                });
    }

    private static void writeArray(DataOutputStream out, String name, NDArray a) throws IOException {
        byte[] bytes = a.encode();
        out.writeUTF(name);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Loads weights (and momentum buffers, when an optimizer is given) into an initialized supernet.
     *
     * @param file the checkpoint
     * @param net the supernet, built for the checkpoint's space
     * @param optimizer receives the momentum buffers, or null
     * @param scratch a manager for decoding
     * @return the checkpoint's header
     * @throws UserException if the file is missing, corrupt, or of another space or shape
     */
    public static JsonObject load(Path file, Supernet net, SupernetOptimizer optimizer, NDManager scratch) {
        return load(file, net, optimizer, scratch, (name, a) -> {});
    }

    /**
     * Loads as {@link #load(Path, Supernet, SupernetOptimizer, NDManager)}, and hands the sampler's
     * arrays to it.
     *
     * @param file the checkpoint
     * @param net the supernet, built for the checkpoint's space
     * @param optimizer receives the momentum buffers, or null
     * @param scratch a manager for decoding (the sampler's arrays live there until the call returns)
     * @param sampler receives each array the sampler saved, by its name
     * @return the checkpoint's header
     */
    public static JsonObject load(Path file, Supernet net, SupernetOptimizer optimizer, NDManager scratch,
            BiConsumer<String, NDArray> sampler) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no checkpoint at " + file + ": train first ('nas4j train ... --out RUN_DIR')");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                NDManager tmp = scratch.newSubManager()) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new UserException(file + " is not a nas4j checkpoint (or of an unsupported version)");
            }
            JsonObject header = JsonParser.parseString(in.readUTF()).getAsJsonObject();
            String space = header.get("space").getAsString();
            if (!space.equals(net.space().name())) {
                throw new UserException(
                        "checkpoint " + file + " is of space " + space + ", not " + net.space().name()
                                + ": use a run directory trained on " + net.space().name());
            }
            int n = in.readInt();
            if (n != net.getParameters().size()) {
                throw new UserException(file + " holds " + n + " parameters; the supernet has "
                        + net.getParameters().size() + ": it was written by another version of the space");
            }
            for (Pair<String, Parameter> p : net.getParameters()) {
                String name = in.readUTF();
                NDArray a = readArray(in, tmp);
                NDArray dst = p.getValue().getArray();
                if (!name.equals(p.getKey()) || !a.getShape().equals(dst.getShape())) {
                    throw new UserException(file + ": parameter " + name + " " + a.getShape()
                            + " does not match the supernet's " + p.getKey() + " " + dst.getShape());
                }
                dst.set(a.toByteBuffer());
            }
            int buffers = in.readInt();
            for (int i = 0; i < buffers; i++) {
                String name = in.readUTF();
                NDArray a = readArray(in, tmp);
                if (name.startsWith(SAMPLER)) {
                    sampler.accept(name.substring(SAMPLER.length()), a);
                } else if (optimizer != null) {
                    optimizer.restoreBuffer(name, a);
                }
            }
            return header;
        } catch (EOFException e) {
            throw new UserException("checkpoint " + file + " is truncated");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException("checkpoint " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    /**
     * @param file a checkpoint
     * @return its header (step, space, ...), read without the weights
     * @throws UserException if the file is missing or not a checkpoint
     */
    public static JsonObject header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no checkpoint at " + file + ": train first ('nas4j train ... --out RUN_DIR')");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 12))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new UserException(file + " is not a nas4j checkpoint (or of an unsupported version)");
            }
            return JsonParser.parseString(in.readUTF()).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException("checkpoint " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > (1 << 30)) {
            throw new IOException("bad array length " + len);
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return manager.decode(bytes);
    }
}
