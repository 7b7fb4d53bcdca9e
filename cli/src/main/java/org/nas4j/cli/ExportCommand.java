package org.nas4j.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import com.google.common.hash.Hashing;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.translate.TranslationMetrics;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.Normalization;
import org.nas4j.spaces.serving.ModelCard;
import org.nas4j.spaces.serving.ModelExporter;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;
import org.nas4j.spaces.serving.TranslatorCard;

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
        try (Workbench wb = Workbench.open(dir.read())) {
            Arch a = pick != null ? FrontPick.pick(dir.root(), wb.net.space(), pick).arch() : child.resolve(wb);
            wb.loadWeightsFor(dir, a);
            String model = name != null ? checkedName(name) : defaultName(wb.spec.space(), a);
            Path target = out != null ? out : (zoo != null ? zoo : dir.root().resolve("export")).resolve(model);
            if (wb.translates()) {
                exportTranslator(wb, dir, a, model, target, servingEngine, formats);
                return 0;
            }
            Exported e = export(wb, dir, a, model, target, servingEngine, formats);
            System.out.printf(Locale.ROOT, "exported %s (test acc %.2f%%, %.2f MMACs, %,d params) to %s%n",
                    a.id(), e.testAccuracy(), e.cost().macs() / 1e6, e.cost().params(), target.toAbsolutePath());
            System.out.println("load it: Criteria.builder().setTypes(Image.class, Classifications.class)"
                    + ".optModelPath(Paths.get(\"" + target + "\")).build().loadModel()");
        }
        return 0;
    }

    /** What an export wrote. */
    record Exported(Path dir, double testAccuracy, Cost cost) {}

    /**
     * Recalibrates BN for the child, scores it on validation and test images, and writes its model
     * directory.
     */
    static Exported export(Workbench wb, RunDirectory run, Arch arch, String name, Path target, ServingEngine engine,
            Set<Format> formats) throws IOException {
        ChildEvaluator eval = wb.evaluator();
        eval.recalibrate(arch, wb.manager);
        double validation = 100 * eval.score(wb.validation(), wb.manager);
        double test = 100 * eval.score(wb.test(), wb.manager);
        Cost cost = wb.net.cost(arch);
        JsonObject metrics = new JsonObject();
        metrics.addProperty("validationAccuracy", validation);
        metrics.addProperty("testAccuracy", test);
        metrics.addProperty("macs", cost.macs());
        metrics.addProperty("params", cost.params());
        JsonObject provenance = RunDirectory.provenance();
        provenance.addProperty("run", run.root().toAbsolutePath().toString());
        provenance.addProperty("seed", wb.spec.train().seed());
        provenance.addProperty("data", wb.data.name());
        Normalization norm = wb.data.normalization();
        ModelCard card = new ModelCard(ModelCard.FORMAT, name, wb.spec.space(), arch.id(), norm.mean().length,
                (int) wb.net.inputShape(arch).get(2), wb.data.train().classes(), norm.mean(), norm.std());
        ModelExporter.export(wb.net, card, metrics, provenance, engine, formats, target);
        return new Exported(target, test, cost);
    }

    /** Scores a translation child on validation and test words and writes its model directory (LibTorch only). */
    private static void exportTranslator(Workbench wb, RunDirectory run, Arch arch, String name, Path target,
            ServingEngine engine, Set<Format> formats) throws IOException {
        if (engine != ServingEngine.PYTORCH || formats.contains(Format.ONNX)) {
            throw new UserException("translation models export for --engine pytorch only: nas4j's ONNX writer covers"
                    + " conv, batch-norm, linear and pooling graphs, and has no writer for the Transformer's attention"
                    + " (batched MatMul over masked Softmax) or LayerNormalization, nor for the token-by-token decoding loop");
        }
        TranslationMetrics validation = wb.translationMetrics(arch, wb.words.validation());
        TranslationMetrics test = wb.translationMetrics(arch, wb.words.test());
        Cost cost = wb.net.cost(arch);
        JsonObject metrics = new JsonObject();
        String[] splits = {"validation", "test"};
        TranslationMetrics[] scores = {validation, test};
        for (int i = 0; i < splits.length; i++) {
            metrics.addProperty(splits[i] + "ExactMatch", 100 * scores[i].exactMatch());
            metrics.addProperty(splits[i] + "CharacterErrorRate", 100 * scores[i].characterErrorRate());
            metrics.addProperty(splits[i] + "CharacterBleu", 100 * scores[i].bleu());
        }
        metrics.addProperty("macs", cost.macs());
        metrics.addProperty("params", cost.params());
        JsonObject provenance = RunDirectory.provenance();
        provenance.addProperty("run", run.root().toAbsolutePath().toString());
        provenance.addProperty("seed", wb.spec.train().seed());
        provenance.addProperty("data", wb.words.name());
        TranslatorCard card = new TranslatorCard(TranslatorCard.FORMAT, name, wb.spec.space(), arch.id(),
                wb.words.vocabulary().toString());
        ModelExporter.exportTranslator(wb.net, card, metrics, provenance, target);
        System.out.printf(Locale.ROOT, "exported %s (test: exact match %.2f%%, character BLEU %.2f%%; %.2f MMACs, %,d params)"
                + " to %s%n", arch.id(), 100 * test.exactMatch(), 100 * test.bleu(), cost.macs() / 1e6, cost.params(),
                target.toAbsolutePath());
        System.out.println("translate with it: nas4j predict --model " + target + " WORD...");
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

    /** @return {@code SPACE-xxxxxxxx}, the hash naming the arch */
    static String defaultName(String space, Arch arch) {
        // a space with options (nasnet-cifar10:cells=2,filters=24) names files too
        return space.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Hashing.murmur3_32_fixed().hashString(arch.id(), StandardCharsets.UTF_8);
    }

    private static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UserException("--name '" + name + "': use letters, digits, '.', '_' and '-' (it names files)");
        }
        return name;
    }
}
