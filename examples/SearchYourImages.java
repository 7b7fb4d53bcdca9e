// The whole path from Java, on your own images: train a small supernet, search it for accuracy and
// latency, pick a child, export it, and classify an image with the export through DJL alone.
//
//   mvn -q install -DskipTests
//   java -Dai.djl.offline=true -cp 'cli/target/nas4j-cli.jar:cli/target/lib/*' \
//       examples/SearchYourImages.java IMAGES_DIR OUT_DIR [EPOCHS]
//
// IMAGES_DIR holds one folder of images per class (with train/ and test/ above them, or a tenth is
// held out for testing); OUT_DIR becomes the run directory (run again to resume it).
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.nas4j.algorithms.search.Evaluation;
import org.nas4j.algorithms.search.Objective;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.runs.ChildMeasurer;
import org.nas4j.runs.Export;
import org.nas4j.runs.FrontPick;
import org.nas4j.runs.ParetoSearch;
import org.nas4j.runs.Progress;
import org.nas4j.runs.Run;
import org.nas4j.runs.RunDirectory;
import org.nas4j.runs.RunSpec;
import org.nas4j.runs.Training;
import org.nas4j.spaces.serving.ModelExporter.Format;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;

public class SearchYourImages {

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: SearchYourImages IMAGES_DIR OUT_DIR [EPOCHS]; IMAGES_DIR must be a folder of class folders");
            System.exit(2);
        }
        Path images = Path.of(args[0]);
        RunDirectory dir = new RunDirectory(Path.of(args[1]));
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        // Once-for-All's MobileNetV3 space for RGB images at 32x32; a tenth of the training images validates
        long trainImages;
        try (Stream<Path> files = Files.walk(images)) {
            trainImages = files.filter(Files::isRegularFile).count();
        }
        TrainConfig recipe = TrainConfig.defaults("sandwich", epochs).toBuilder().batchSize(16)
                .validationSize((int) Math.max(1, trainImages / 10)).build();
        RunSpec spec = new RunSpec("ofa-mbv3-fmnist:channels=3,resolution=32", images.toString(), 0, recipe, null);
        Path model = dir.export("chosen");

        try (Run run = Training.train(dir, spec, false, Progress.SILENT)) {
            ParetoSearch.Plan plan = new ParetoSearch.Plan("random", List.of(Objective.ACCURACY, Objective.LATENCY),
                    List.of(), List.of(), 10, 0, true, "api");
            ParetoSearch.Outcome searched = ParetoSearch.run(dir, run, plan, ChildMeasurer.Settings.defaults(), Progress.SILENT);
            Evaluation chosen = FrontPick.pick(dir.root(), run.net().space(), "knee");
            System.out.printf("searched %d children; the knee of the front: %.1f%% in %.2f ms, %s%n",
                    searched.evaluations().size(), chosen.accuracy(), chosen.latencyMs(), chosen.arch().id());
            Export.export(run, dir, chosen.arch(), "chosen", model, ServingEngine.PYTORCH, Set.of(Format.DJL));
        }

        Criteria<Image, Classifications> criteria =
                Criteria.builder().setTypes(Image.class, Classifications.class).optModelPath(model).build();
        try (ZooModel<Image, Classifications> loaded = criteria.loadModel();
                Predictor<Image, Classifications> predictor = loaded.newPredictor();
                Stream<Path> files = Files.walk(images)) {
            Path first = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
            Classifications.Classification best = predictor.predict(ImageFactory.getInstance().fromFile(first)).best();
            System.out.printf("%s: %s (%.1f%%)%n", first, best.getClassName(), 100 * best.getProbability());
        }
    }
}
