package org.nas4j.runs;

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

/**
 * A run directory, and the name of every file it holds: {@code run.json} (configuration and
 * provenance), {@code checkpoints/} (the latest weights, epoch snapshots and, while weights are averaged,
 * their running mean, named by the trainer), {@code train-log.jsonl},
 * {@code split/} (the split tree and sub-supernets), {@code search/} (archived evaluations, each
 * search's own directory, cached rank scores), the last search's {@code pareto.*}, {@code
 * ranking.json}, {@code report.html}, and {@code export/} with {@code samples/}.
 */
public final class RunDirectory {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path root;

    /** @param root the directory (it need not exist yet) */
    public RunDirectory(Path root) {
        this.root = root;
    }

    /** @return the directory */
    public Path root() {
        return root;
    }

    /** @return the spec and provenance */
    public Path runJson() {
        return root.resolve("run.json");
    }

    /** @return the latest weights and optimizer state (the whole supernet's) */
    public Path checkpoint() {
        return root.resolve("checkpoints").resolve("latest.ckpt");
    }

    /** @return the split tree, if the supernet was split */
    public Path splitTree() {
        return root.resolve("split").resolve("tree.json");
    }

    /** @return the checkpoint of sub-supernet {@code id} (0, the whole supernet, is the run's own) */
    public Path subCheckpoint(int id) {
        return id == 0 ? checkpoint() : root.resolve("split").resolve("sub-" + id + ".ckpt");
    }

    /** @return the weights at the end of an epoch (kept by training with snapshots) */
    public Path snapshot(int epoch) {
        return root.resolve("checkpoints").resolve("epoch-" + epoch + ".ckpt");
    }

    /** @return one JSON line per trained epoch: mean loss, skipped steps, seconds */
    public Path trainLog() {
        return root.resolve("train-log.jsonl");
    }

    /** @return the settings a split schedule was started with ({@code split/plan.json}) */
    public Path splitPlan() {
        return root.resolve("split").resolve("plan.json");
    }

    /** @return successive halving's rounds: each one's epoch, sub-supernet scores and the sub-supernets it stopped */
    public Path splitHalving() {
        return root.resolve("split").resolve("halving.json");
    }

    /** @return the passes a split schedule spent, training and scoring ({@code split/budget.json}) */
    public Path splitBudget() {
        return root.resolve("split").resolve("budget.json");
    }

    /** @return where searches keep what they share and their own directories */
    public Path searchRoot() {
        return root.resolve("search");
    }

    /** @return the directory of the search called {@code name} (its config, front and predictors) */
    public Path search(String name) {
        return searchRoot().resolve(name);
    }

    /** @return what the search called {@code name} was asked for (strategy, objectives, constraints, seed) */
    public Path searchConfig(String name) {
        return search(name).resolve("config.json");
    }

    /** @return LINAS's predictors' held-out scores in the search called {@code name} */
    public Path predictors(String name) {
        return search(name).resolve("predictors.csv");
    }

    /** @return the archs trained alone whose order the supernet is taught ({@code train --landmarks}) */
    public Path landmarks() {
        return root.resolve("landmarks.jsonl");
    }

    /** @return every real evaluation of every search of this run, reused by later ones */
    public Path evaluations() {
        return searchRoot().resolve("evaluations.jsonl");
    }

    /** @return the settings the archived evaluations were made with */
    public Path evaluatorSettings() {
        return searchRoot().resolve("evaluator.json");
    }

    /** @return the archs DARTS derived, one per (sub-)supernet, and the best */
    public Path darts() {
        return searchRoot().resolve("darts.json");
    }

    /** @return cached estimates of a truth's archs by the weights in this checkpoint, under a variant ("" for none) */
    public Path rankCache(Path checkpoint, String variant) {
        return searchRoot().resolve("rank-" + checkpoint.getFileName().toString().replace(".ckpt", "") + variant + ".jsonl");
    }

    /** @return the front of the last search: {@code pareto.json}, {@code pareto.csv} or {@code pareto.png} in {@code dir} */
    public static Path pareto(Path dir, String extension) {
        return dir.resolve("pareto." + extension);
    }

    /** @return the last {@code nas4j rank} report that scored this run */
    public Path ranking() {
        return root.resolve("ranking.json");
    }

    /** @return the HTML report */
    public Path report() {
        return root.resolve("report.html");
    }

    /** @return the default model directory of an export called {@code name} */
    public Path export(String name) {
        return root.resolve("export").resolve(name);
    }

    /** @return where the quickstart writes the test images it classifies */
    public Path samples() {
        return root.resolve("samples");
    }

    /** @return whether a run was created here ({@code run.json} exists) */
    public boolean exists() {
        return Files.isRegularFile(runJson());
    }

    /** Writes {@code run.json}: the spec and where it came from. */
    public void write(RunSpec spec) throws IOException {
        JsonObject o = GSON.toJsonTree(spec).getAsJsonObject();
        o.add("provenance", provenance());
        AtomicFiles.writeString(runJson(), GSON.toJson(o) + "\n");
    }

    /** @return versions, commit, threads and time of this process */
    public static JsonObject provenance() {
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
    public RunSpec read() {
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

    /** @return nas4j's version, from the jar's properties ({@code dev} when unknown) */
    public static String version() {
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
