package org.nas4j.cli;

import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.GraphTask;
import org.nas4j.runs.TranslationTask;
import org.nas4j.runs.Export;
import org.nas4j.runs.FrontPick;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;

@Parameters(commandDescription = "Write a child of a trained supernet as a standalone DJL model directory (and ONNX)")
final class ExportCommand implements Command {

    @ParametersDelegate
    ChildOptions child = new ChildOptions();

    @Parameter(names = "--out", description = "model directory to write (default RUN/export/NAME)",
            validateValueWith = OutputPaths.Directory.class)
    Path out;

    @Parameter(names = "--zoo", description = "write into this model-zoo directory, as ZOO/NAME",
            validateValueWith = OutputPaths.Directory.class)
    Path zoo;

    @Parameter(names = "--engine", description = "the DJL engine the model directory is for: pytorch (LibTorch) or "
            + "onnxruntime (5-9x faster at batch 1; the serving program then needs ai.djl.onnxruntime:onnxruntime-engine)")
    String engine = "pytorch";

    @Parameter(names = "--format", description = "for --engine pytorch: djl, onnx or djl,onnx (adds onnx/model.onnx; "
            + "the DJL files are always written)")
    String format = "djl";

    @Parameter(names = "--pick", description = "take the child from the run's searched front instead of --arch: best, knee "
            + "or accuracy@LIMIT (e.g. 'accuracy@latency<=3ms')")
    String pick;

    @Parameter(names = "--name", description = "model name and zoo artifact id (default SPACE-HASH of the arch)")
    String name;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        Set<Format> formats = formats(format);
        ServingEngine servingEngine = servingEngine(engine);
        if (out != null && zoo != null) {
            throw new UserException("give --out or --zoo, not both");
        }
        RunDirectory dir = new RunDirectory(child.run);
        try (Run wb = Run.open(dir.read())) {
            Arch a = pick != null ? FrontPick.pick(dir.root(), wb.net().space(), pick).arch() : child.resolve(wb);
            String model = name != null ? checkedName(name) : Export.defaultName(wb.spec().space(), a);
            Path target = out != null ? out : zoo != null ? zoo.resolve(model) : dir.export(model);
            Export.Exported e = Export.export(wb, dir, a, model, target, servingEngine, formats);
            if (wb.task() instanceof TranslationTask) {
                System.out.printf(Locale.ROOT, "exported %s (test: exact match %.2f%%, character BLEU %.2f%%; %.2f MMACs,"
                        + " %,d params) to %s%n", a.id(), e.metrics().get("testExactMatch").getAsDouble(),
                        e.metrics().get("testCharacterBleu").getAsDouble(), e.cost().macs() / 1e6, e.cost().params(),
                        target.toAbsolutePath());
                System.out.println("translate with it: nas4j predict --model " + target + " WORD...");
                return 0;
            }
            if (wb.task() instanceof GraphTask graphs) {
                System.out.printf(Locale.ROOT, "exported %s (class %s; test MAE %.4g; %.3f MMACs per graph of the data's mean size,"
                        + " %,d params) to %s%n", a.id(), e.metrics().get("swlClass").getAsString(),
                        e.metrics().get("testMae").getAsDouble(), e.cost().macs() / 1e6, e.cost().params(), target.toAbsolutePath());
                System.out.println("predict with it: nas4j predict --model " + target + (graphs.data().input().equals("smiles")
                        ? " SMILES..." : " GRAPH.txt..."));
                return 0;
            }
            System.out.printf(Locale.ROOT, "exported %s (test acc %.2f%%, %.2f MMACs, %,d params) to %s%n",
                    a.id(), e.metrics().get("testAccuracy").getAsDouble(), e.cost().macs() / 1e6, e.cost().params(),
                    target.toAbsolutePath());
            System.out.println("load it: Criteria.builder().setTypes(Image.class, Classifications.class)"
                    + ".optModelPath(Paths.get(\"" + target + "\")).build().loadModel()");
        }
        return 0;
    }

    static Set<Format> formats(String text) {
        Set<Format> formats = EnumSet.of(Format.DJL);
        for (String f : text.split(",")) {
            try {
                formats.add(Format.valueOf(f.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UserException("--format: unknown format '" + f.trim() + "'; use djl, onnx or djl,onnx");
            }
        }
        return formats;
    }

    static ServingEngine servingEngine(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "pytorch" -> ServingEngine.PYTORCH;
            case "onnxruntime" -> ServingEngine.ONNX_RUNTIME;
            default -> throw new UserException("--engine: unknown engine '" + text + "'; use pytorch or onnxruntime");
        };
    }

    private static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UserException("--name '" + name + "': use letters, digits, '.', '_' and '-' (it names files)");
        }
        return name;
    }
}
