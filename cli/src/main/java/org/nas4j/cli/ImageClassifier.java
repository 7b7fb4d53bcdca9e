package org.nas4j.cli;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.serving.ModelCard;

/** An exported model loaded the way a user's program loads it: DJL's Criteria on its directory. */
final class ImageClassifier implements AutoCloseable {

    private final ZooModel<Image, Classifications> model;
    private final Predictor<Image, Classifications> predictor;

    private ImageClassifier(ZooModel<Image, Classifications> model) {
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /**
     * @param dir a model directory
     * @return its classifier
     * @throws UserException if a file is missing or corrupt
     */
    static ImageClassifier open(Path dir) {
        ModelCard card = ModelCard.read(dir);
        try (Stream<Path> files = Files.list(dir)) {
            if (files.noneMatch(f -> f.getFileName().toString().matches(Pattern.quote(card.name()) + "(-\\d{4}\\.params|\\.onnx)"))) {
                throw new UserException(dir + " has no weights file (" + card.name() + "-NNNN.params or " + card.name()
                        + ".onnx); export the model again");
            }
        } catch (IOException e) {
            throw new UserException("cannot list " + dir + ": " + e.getMessage());
        }
        try {
            return new ImageClassifier(Criteria.builder().setTypes(Image.class, Classifications.class)
                    .optModelPath(dir).build().loadModel());
        } catch (IOException | MalformedModelException | ModelNotFoundException | RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new UserException("cannot load the model in " + dir + " (" + why + "); export it again");
        }
    }

    /**
     * @param file a PNG or JPEG image of any size
     * @return the model's class probabilities
     * @throws IOException if the file is not a readable image
     */
    Classifications classify(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file");
        }
        Image image = ImageFactory.getInstance().fromFile(file);
        try {
            return predictor.predict(image);
        } catch (TranslateException e) {
            throw new IOException("cannot classify " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
