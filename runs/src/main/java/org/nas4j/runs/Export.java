package org.nas4j.runs;

import com.google.common.hash.Hashing;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;

/**
 * Writes a child of a trained run as a standalone DJL model directory through the run's task: the
 * child's weights (BN recalibrated for it), its model card, its validation and test scores and
 * where it came from.
 * Load it with DJL's {@code Criteria} and {@code optModelPath}.
 */
public final class Export {

    private Export() {}

    /**
     * What an export wrote.
     *
     * @param dir the model directory
     * @param metrics the child's scores on the run's validation and test data, MACs and params
     * @param cost its MACs and parameters
     */
    public record Exported(Path dir, JsonObject metrics, Cost cost) {}

    /**
     * Loads the weights that hold the child (the run's, or its sub-supernet's once split), then writes it.
     *
     * @param run a trained run
     * @param dir its directory
     * @param arch the child
     * @param name the model's name (and zoo artifact id)
     * @param target the model directory to write
     * @param engine the DJL engine that will serve it
     * @param formats DJL files always, ONNX on request
     * @return what was written
     */
    public static Exported export(Run run, RunDirectory dir, Arch arch, String name, Path target, ServingEngine engine,
            Set<Format> formats) throws IOException {
        run.loadWeightsFor(dir, arch);
        JsonObject metrics = run.task().export(run.net(), run.manager(), run.spec().space(), arch, run.spec().train().seed(),
                provenance(run, dir), name, target, engine, formats);
        return new Exported(target, metrics, run.net().cost(arch));
    }

    private static JsonObject provenance(Run run, RunDirectory dir) {
        JsonObject provenance = RunDirectory.provenance();
        provenance.addProperty("run", dir.root().toAbsolutePath().toString());
        provenance.addProperty("seed", run.spec().train().seed());
        provenance.addProperty("data", run.task().dataName());
        return provenance;
    }

    /** @return {@code SPACE-xxxxxxxx}, the hash naming the arch */
    public static String defaultName(String space, Arch arch) {
        // a space with options (nasnet-cifar10:cells=2,filters=24) names files too
        return space.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + Hashing.murmur3_32_fixed().hashString(arch.id(), StandardCharsets.UTF_8);
    }
}
