package org.nas4j.cli;

import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.RunSpec;
import org.nas4j.runs.Training;
import org.nas4j.runs.Export;
import org.nas4j.runs.FrontPick;
import org.nas4j.runs.ParetoSearch;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import ai.djl.modality.Classifications;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nas4j.datasets.ImageDataset;
import org.nas4j.spaces.serving.ModelExporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.algorithms.train.ChildEvaluator;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.core.space.Arch;
import org.nas4j.core.util.Seeds;

@Parameters(commandDescription = "The whole path on Fashion-MNIST (10-12 minutes on 2 cores): train a small supernet, "
        + "search it (LINAS, accuracy and latency), export the chosen child, classify images with it, write a report")
final class QuickstartCommand implements Command {

    static final int EPOCHS = 4;
    private static final int SAMPLES = 6;
    private static final int SEARCH_EVALS = 40;

    @Parameter(names = "--out", description = "run directory (an existing one is resumed)",
            validateValueWith = OutputPaths.Directory.class)
    Path out = Path.of("out/quickstart");

    @Parameter(names = "--data", description = "fashion-mnist or a directory with its IDX files")
    String data = "fashion-mnist";

    @Parameter(names = "--epochs", description = "epochs of supernet training")
    int epochs = EPOCHS;

    @Parameter(names = "--help", help = true, description = "this help")
    boolean help;

    @Override
    public int run() throws IOException {
        RunDirectory run = new RunDirectory(out);
        RunSpec spec = run.exists()
                ? run.read()
                : new RunSpec("ofa-mbv3-fmnist", data, 0, quickstartConfig(epochs), null);
        ConsoleProgress progress = new ConsoleProgress();
        try (Run wb = Training.train(run, spec, false, progress)) {
            Training.reportChildren(wb, progress);
            report(run, wb);
            Arch chosen = search(run, wb);
            exportAndPredict(run, wb, chosen);
            System.out.println();
            System.out.println("report (training curve, the front, an export command per member): "
                    + ReportCommand.write(run).toAbsolutePath());
        }
        return 0;
    }

    /**
     * LINAS over the trained supernet (accuracy and measured latency), then the most accurate front
     * member within the front's median latency.
     */
    private Arch search(RunDirectory run, Run wb) throws IOException {
        System.out.println();
        System.out.println("Searching the supernet: LINAS, " + SEARCH_EVALS + " real evaluations (accuracy on 2000 "
                + "validation images, batch-1 latency measured here)...");
        ParetoSearch.Plan plan = new ParetoSearch.Plan("linas", List.of(Objective.ACCURACY, Objective.LATENCY), List.of(),
                List.of(), SEARCH_EVALS, wb.spec().train().seed(), true, "quickstart-linas");
        SearchCommand cmd = new SearchCommand();
        ParetoSearch.Outcome o = ParetoSearch.run(run, wb, plan, cmd.settings(), new ConsoleProgress());
        FrontCharts.write(o, wb.spec().space(), plan.objectives(), List.of(o.directory(), run.root()));
        SearchCommand.printFront(o, plan.objectives(), wb.task(), wb.net().space());
        double[] latencies = o.front().stream().mapToDouble(Evaluation::latencyMs).sorted().toArray();
        // rounded up to the printed microsecond, so the median member itself stays within the limit
        double limit = Math.ceil(latencies[(latencies.length - 1) / 2] * 1000) / 1000;
        String pick = String.format(Locale.ROOT, "accuracy@latency<=%.3fms", limit);
        Evaluation chosen = FrontPick.pick(run.root(), wb.net().space(), pick);
        System.out.printf(Locale.ROOT, "picked with --pick '%s' (the front's median latency): %s, %.2f%% validation, %.3f ms%n",
                pick, chosen.arch().id(), chosen.accuracy(), chosen.latencyMs());
        return chosen.arch();
    }

    /**
     * Scores the smallest, largest and three random children on the test set and prints them.
     *
     */
    private static void report(RunDirectory run, Run wb) {
        ChildEvaluator eval = wb.evaluator();
        List<ChildTable.Row> rows = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(Seeds.derive(wb.spec().train().seed(), "quickstart", 0));
        List<Arch> archs = new ArrayList<>(List.of(wb.net().space().smallest(), wb.net().space().largest()));
        for (int i = 0; i < 3; i++) {
            archs.add(wb.net().space().sample(rng));
        }
        String[] labels = {"smallest", "largest", "random 1", "random 2", "random 3"};
        for (int i = 0; i < archs.size(); i++) {
            double acc = eval.accuracy(archs.get(i), wb.images().test(), wb.manager());
            rows.add(new ChildTable.Row(labels[i], archs.get(i), acc, wb.net().cost(archs.get(i))));
        }
        System.out.println();
        System.out.println("Children of the trained supernet, BN recalibrated, on the 10,000 test images:");
        ChildTable.print(System.out, "test acc", rows);
        System.out.println();
        System.out.println("run directory: " + run.root().toAbsolutePath());
        System.out.println("score any child: ./nas4j eval --run " + run.root() + " --arch '" + archs.get(2).id() + "'");
    }

    /**
     * Exports the chosen child as a DJL model (and ONNX), writes a few test images as PNG files, and
     * classifies them with the exported model loaded through DJL alone.
     */
    private static void exportAndPredict(RunDirectory run, Run wb, Arch best) throws IOException {
        String name = Export.defaultName(wb.spec().space(), best);
        Path modelDir = run.export(name);
        Export.export(wb, run, best, name, modelDir, ModelExporter.ServingEngine.PYTORCH,
                EnumSet.allOf(ModelExporter.Format.class));
        System.out.println();
        System.out.println("chosen child exported to " + modelDir + " (DJL model directory + onnx/model.onnx)");
        ImageDataset test = wb.images().data().test();
        List<String> classes = test.classes();
        Path samples = run.samples();
        Files.createDirectories(samples);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(wb.spec().train().seed(), "samples", 0));
        int right = 0;
        try (ImageClassifier classifier = ImageClassifier.open(modelDir)) {
            for (int k = 0; k < SAMPLES; k++) {
                int item = rng.nextInt(test.size());
                String truth = classes.get(test.label(item));
                Path png = samples.resolve(String.format(Locale.ROOT, "test-%05d.png", item));
                ImageIO.write(picture(test, item), "png", png.toFile());
                Classifications.Classification top = classifier.classify(png).best();
                right += top.getClassName().equals(truth) ? 1 : 0;
                System.out.printf(Locale.ROOT, "  %s  predicted %-12s %5.1f%%   true %s%n", png.getFileName(),
                        top.getClassName(), 100 * top.getProbability(), truth);
            }
        }
        System.out.printf(Locale.ROOT, "%d of %d right. Classify your own: ./nas4j predict --model %s FILE...%n",
                right, SAMPLES, modelDir);
    }

    private static BufferedImage picture(ImageDataset data, int item) {
        int h = data.height();
        int w = data.width();
        boolean gray = data.channels() == 1;
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < data.channels(); c++) {
                    img.getRaster().setSample(x, y, c, data.pixel(item, c, y, x));
                }
            }
        }
        return img;
    }

    /**
     * The defaults, fitted to the quickstart's 15-minute budget on 2 cores (BENCHMARKS.md, "Quickstart"
     * and "Short-run recipe"): batch 128 (more images per second than 64), no augmentation, which in runs
     * this short costs more accuracy than it protects, cosine decay from lr 0.2, and ShiftNAS's bins
     * anchored by the smallest child, which left every random child of the table above the smallest
     * where the sandwich rule left them below it (the largest child teaching, one random child a step).
     */
    static TrainConfig quickstartConfig(int epochs) {
        return TrainConfig.defaults("shiftnas-bins-smallest", epochs).toBuilder().randomChildren(1).batchSize(128)
                .learningRate(0.2f).schedule("cosine").augmentPad(0).flip(false).build();
    }
}
