// Classifies images with a model exported by `nas4j export`, using nothing but DJL's public API.
//
//   java -Dai.djl.offline=true -cp 'cli/target/nas4j-cli.jar:cli/target/lib/*' \
//       examples/ClassifyWithDjl.java MODEL_DIR|ZOO_ID IMAGE...
//
// MODEL_DIR is an exported model directory; a ZOO_ID is looked up in the zoo directory that
// -Dnas4j.zoo=DIR or NAS4J_ZOO=DIR names (group id org.nas4j).
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

public class ClassifyWithDjl {

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        Criteria.Builder<Image, Classifications> builder =
                Criteria.builder().setTypes(Image.class, Classifications.class);
        builder = Files.isDirectory(dir)
                ? builder.optModelPath(dir)
                : builder.optGroupId("org.nas4j").optArtifactId(args[0]);
        try (ZooModel<Image, Classifications> model = builder.build().loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            for (int i = 1; i < args.length; i++) {
                Image image = ImageFactory.getInstance().fromFile(Paths.get(args[i]));
                Classifications.Classification best = predictor.predict(image).best();
                System.out.printf("%s: %s (%.1f%%)%n", args[i], best.getClassName(), 100 * best.getProbability());
            }
        }
    }
}
