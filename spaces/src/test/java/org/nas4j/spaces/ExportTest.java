package org.nas4j.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nas4j.core.nn.Mixture;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.BatchNormRecalibration;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.spaces.serving.LocalZoo;
import org.nas4j.spaces.serving.ModelCard;
import org.nas4j.spaces.serving.ModelExporter;
import org.nas4j.spaces.serving.ModelExporter.ServingEngine;

/**
 * Exported children, loaded the way a user's program loads them — DJL's {@code Criteria} and
 * nothing of nas4j's API — compute what the supernet computes, through LibTorch and ONNX Runtime.
 */
class ExportTest {

    private static final int CLASSES = 10;

    @TempDir
    Path tmp;

    /** Routed (Mixture-of-Supernets) children are exported with the generated weights baked in. */
    @ParameterizedTest(name = "{0} {1} mixture {2}")
    @MethodSource("org.nas4j.spaces.RegisteredSpacesTest#children")
    void exportedModelComputesTheSupernetsOutputInLibTorchAndOnnxRuntime(String space, String archId, String mixture)
            throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Exported e = export(manager, space, archId, Mixture.parse(mixture, 2), tmp.resolve("model"), ServingEngine.PYTORCH);
            boolean routed = e.net.getParameters().keys().stream().anyMatch(k -> k.contains("router_out_weight"));
            assertEquals(!mixture.equals("none"), routed, "a " + mixture + " row exports a routed supernet's child");
            NDArray x = manager.randomUniform(0, 1, new Shape(2, e.card.channels(), e.card.resolution(), e.card.resolution()));
            float[] expected = e.supernetOutput(x);

            Criteria<NDList, NDList> djl = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(tmp.resolve("model")).build();
            assertClose(expected, predict(djl, x), "DJL/LibTorch model");

            Criteria<NDList, NDList> onnx = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(tmp.resolve("model").resolve(ModelExporter.ONNX_FILE)).optEngine("OnnxRuntime").build();
            assertClose(expected, predict(onnx, x), "ONNX Runtime model");
        }
    }

    @ParameterizedTest
    @EnumSource(ServingEngine.class)
    void imageTranslatorFeedsGrayscalePixelsAndReturnsTheModelsProbabilities(ServingEngine engine) throws Exception {
        String space = "ofa-mbv3-fmnist";
        try (NDManager manager = NDManager.newBaseManager()) {
            Exported e = export(manager, space, SpaceRegistry.get(space).space().largest().id(), Mixture.NONE, tmp.resolve("img"), engine);
            int r = e.card.resolution();
            BufferedImage picture = new BufferedImage(r, r, BufferedImage.TYPE_BYTE_GRAY);
            SplittableRandom rng = new SplittableRandom(2);
            float[] pixels = new float[r * r];
            for (int i = 0; i < pixels.length; i++) {
                int v = rng.nextInt(256);
                picture.getRaster().setSample(i % r, i / r, 0, v);
                pixels[i] = v / 255f;
            }
            NDArray probabilities = manager.create(e.supernetOutput(manager.create(pixels, new Shape(1, 1, r, r))))
                    .softmax(0);
            Criteria<Image, Classifications> criteria = Criteria.builder().setTypes(Image.class, Classifications.class)
                    .optModelPath(tmp.resolve("img")).build();
            try (ZooModel<Image, Classifications> model = criteria.loadModel();
                    Predictor<Image, Classifications> predictor = model.newPredictor()) {
                assertEquals(engine.djlName(), model.getNDManager().getEngine().getEngineName(), "engine of the loaded model");
                Classifications c = predictor.predict(ImageFactory.getInstance().fromImage(picture));
                for (int k = 0; k < CLASSES; k++) {
                    double p = c.get("class" + k).getProbability();
                    assertEquals(probabilities.getFloat(k), p, 1e-4, "probability of class" + k);
                }
            }
        }
    }

    @Test
    void zooFindsAnExportedModelByGroupAndArtifactId() throws Exception {
        String space = "ofa-mbv3-fmnist";
        System.setProperty(LocalZoo.PROPERTY, tmp.toString());
        try (NDManager manager = NDManager.newBaseManager()) {
            Exported e = export(manager, space, SpaceRegistry.get(space).space().smallest().id(), Mixture.NONE, tmp.resolve("tiny-child"),
                    ServingEngine.PYTORCH);
            NDArray x = manager.randomUniform(0, 1, new Shape(1, 1, e.card.resolution(), e.card.resolution()));
            Criteria<NDList, NDList> byId = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optGroupId(LocalZoo.GROUP_ID).optArtifactId("tiny-child").build();
            assertClose(e.supernetOutput(x), predict(byId, x), "model found in the zoo");
            assertTrue(ModelZoo.listModels().values().stream().flatMap(List::stream)
                    .anyMatch(m -> m.getGroupId().equals(LocalZoo.GROUP_ID) && m.getArtifactId().equals("tiny-child")),
                    "listModels() shows the exported model");
        } finally {
            System.clearProperty(LocalZoo.PROPERTY);
        }
    }

    /** A trained-looking supernet (random weights, recalibrated BN) and one of its children, exported. */
    private record Exported(Supernet net, ParameterStore ps, ModelCard card) {

        float[] supernetOutput(NDArray pixels) {
            NDManager m = pixels.getManager();
            Shape perChannel = new Shape(card.channels(), 1, 1);
            NDArray x = pixels.sub(m.create(card.mean(), perChannel)).div(m.create(card.std(), perChannel));
            net.activate(card.parsedArch());
            return net.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    private static Exported export(NDManager manager, String space, String archId, Mixture mixture, Path dir,
            ServingEngine engine) throws Exception {
        SpaceRegistry.Entry entry = SpaceRegistry.get(space);
        Arch arch = entry.space().parse(archId);
        manager.getEngine().setRandomSeed(11);
        Supernet net = entry.newSupernet(CLASSES, mixture);
        net.initialize(manager);
        ParameterStore ps = new ParameterStore(manager, false);
        Shape full = net.inputShape();
        BatchNormRecalibration.recalibrate(net, arch, ps, manager, 2,
                (m, i) -> new NDList(m.randomNormal(new Shape(4, full.get(1), full.get(2), full.get(3)))));
        int channels = (int) entry.inputShape()[0];
        float[] mean = new float[channels];
        float[] std = new float[channels];
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            mean[c] = 0.3f + 0.1f * c;
            std[c] = 0.4f - 0.05f * c;
        }
        for (int k = 0; k < CLASSES; k++) {
            classes.add("class" + k);
        }
        int resolution = (int) net.inputShape(arch).get(2);
        ModelCard card = new ModelCard(ModelCard.FORMAT, dir.getFileName().toString(), space, arch.id(), channels,
                resolution, classes, mean, std);
        ModelExporter.export(net, card, new JsonObject(), new JsonObject(), engine,
                EnumSet.allOf(ModelExporter.Format.class), dir);
        return new Exported(net, ps, card);
    }

    private static float[] predict(Criteria<NDList, NDList> criteria, NDArray x) throws Exception {
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            return predictor.predict(new NDList(x)).singletonOrThrow().toFloatArray();
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": output size");
        float worst = 0;
        float scale = 1;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        // BN folding's float32 rounding grows with depth: NASNet's largest child (about 100 convolutions in a
        // row, random weights) differs by up to 5e-4; a wrong weight or operation differs by far more
        assertTrue(worst <= 1e-3f * scale, what + ": max |difference| " + worst + " > 1e-3 x " + scale);
    }
}
