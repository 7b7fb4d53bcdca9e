package org.nas4j.cli;

import ai.djl.engine.Engine;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/** A run directory: {@code run.json} (configuration + provenance) and {@code checkpoints/}. */
final class RunDirectory {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path root;

    RunDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path runJson() {
        return root.resolve("run.json");
    }

    Path checkpoint() {
        return root.resolve("checkpoints").resolve("latest.ckpt");
    }

    /** @return the split tree, if the supernet was split */
    Path splitTree() {
        return root.resolve("split").resolve("tree.json");
    }

    /** @return the checkpoint of sub-supernet {@code id} (0, the whole supernet, is the run's own) */
    Path subCheckpoint(int id) {
        return id == 0 ? checkpoint() : root.resolve("split").resolve("sub-" + id + ".ckpt");
    }

    boolean exists() {
        return Files.isRegularFile(runJson());
    }

    /** Writes {@code run.json}: the spec and where it came from. */
    void write(RunSpec spec) throws IOException {
        JsonObject o = GSON.toJsonTree(spec).getAsJsonObject();
        o.add("provenance", provenance());
        AtomicFiles.writeString(runJson(), GSON.toJson(o) + "\n");
    }

    /** @return versions, commit, threads and time of this process */
    static JsonObject provenance() {
        JsonObject provenance = new JsonObject();
        provenance.addProperty("nas4j", version());
        provenance.addProperty("gitCommit", System.getProperty("nas4j.git.commit", "unknown"));
        provenance.addProperty("djl", Engine.getDjlVersion());
        provenance.addProperty("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        provenance.addProperty("java", System.getProperty("java.version"));
        provenance.addProperty("threads", Integer.getInteger("ai.djl.pytorch.num_threads", -1));
        provenance.addProperty("created", Instant.now().toString());
        return provenance;
    }

    /** @return the spec in {@code run.json} @throws UserException if missing or unreadable */
    RunSpec read() {
        if (!exists()) {
            throw new UserException("no run at " + root + " (run.json missing): create one with 'nas4j train --out " + root + " ...'");
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(runJson(), StandardCharsets.UTF_8)).getAsJsonObject();
            RunSpec spec = GSON.fromJson(o, RunSpec.class);
            if (spec.space() == null || spec.data() == null || spec.train() == null) {
                throw new JsonParseException("space, data or train missing");
            }
            return spec;
        } catch (IOException | RuntimeException e) {
            throw new UserException(runJson() + " is corrupt (" + e.getMessage() + "): restore it or train a new run");
        }
    }

    static String version() {
        try (InputStream in = RunDirectory.class.getResourceAsStream("/nas4j.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
