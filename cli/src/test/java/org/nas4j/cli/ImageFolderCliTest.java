package org.nas4j.cli;

import org.nas4j.runs.Run;
import org.nas4j.runs.RunSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nas4j.cli.CliErrorsTest.nas4j;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nas4j.algorithms.sampling.UniformSampler;
import org.nas4j.algorithms.train.SupernetTrainer;
import org.nas4j.algorithms.train.TrainConfig;
import org.nas4j.algorithms.train.TrainingData;
import org.nas4j.datasets.FashionMnist;
import org.nas4j.datasets.TestFiles;

/** A user's own images: a folder of RGB class folders of mixed sizes, trained at 64x64, exported and predicted. */
class ImageFolderCliTest {

    @TempDir
    Path dir;

    /**
     * Debian's Fashion-MNIST written out as PNG class folders trains exactly as its IDX files do:
     * the same normalization (the folder's statistics round to the published ones), the same input
     * tensors and the same first 100 step losses from the same seed.
     */
    @Test
    void fashionMnistAsPngFoldersGivesTheSameTensorsAndLossesAsItsIdxFiles() throws IOException {
        assumeTrue(FashionMnist.looksLike(FashionMnist.DEBIAN_DIR), "needs apt-get install dataset-fashion-mnist");
        Path folder = dir.resolve("fmnist-png");
        TestFiles.writeImageFolder(FashionMnist.load(FashionMnist.DEBIAN_DIR), folder);
        TrainConfig config = TrainConfig.defaults("uniform", 1);
        List<List<Float>> losses = new ArrayList<>();
        List<float[]> firstBatches = new ArrayList<>();
        for (String data : new String[] {FashionMnist.DEBIAN_DIR.toString(), folder.toString()}) {
            try (Run wb = Run.open(new RunSpec("ofa-mbv3-fmnist", data, 0, config, null))) {
                TrainingData train = wb.trainingData(config);
                try (NDManager m = wb.manager().newSubManager()) {
                    int[] positions = {0, 1, 2, 3, 59_000 - 5_000 - 1};
                    firstBatches.add(train.inputs(m, positions, new SplittableRandom(0)).head().toFloatArray());
                }
                List<Float> steps = new ArrayList<>();
                new SupernetTrainer(wb.net(), train, config, new UniformSampler(), dir.resolve(losses.size() + ".ckpt"))
                        .train(wb.manager(), false, 100, (step, total, loss, lr) -> steps.add(loss));
                losses.add(steps);
            }
        }
        assertArrayEquals(firstBatches.get(0), firstBatches.get(1), "normalized, augmented input tensors");
        assertEquals(100, losses.get(0).size());
        assertEquals(losses.get(0), losses.get(1), "the first 100 step losses");
    }

    @Test
    void colourFolderTrainsAtResolution64ExportsAndPredictsClassNames() throws IOException {
        Path data = dir.resolve("photos");
        TestFiles.writeColourFolder(data, 7, 10, 2);
        Path run = dir.resolve("run");
        String space = "ofa-mbv3-fmnist:channels=3,resolution=64";
        CliErrorsTest.Result t = nas4j("train", "--space", space, "--data", data.toString(), "--epochs", "1",
                "--batch-size", "8", "--validation-size", "14", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("49 train / 14 validation images"), t.out());

        Path model = dir.resolve("model");
        CliErrorsTest.Result e = nas4j("export", "--run", run.toString(), "--arch", "max", "--out", model.toString());
        assertEquals(0, e.code(), e.err());
        List<String> synset = Files.readAllLines(model.resolve("synset.txt"));
        assertEquals(List.of("class-a", "class-b", "class-c", "class-d", "class-e", "class-f", "class-g"), synset);

        Path image = data.resolve("class-b").resolve("img-001.jpg");
        CliErrorsTest.Result p = nas4j("predict", "--model", model.toString(), "--top-k", "3", image.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().startsWith(image + ": ") && p.out().contains("class-"), p.out());

        CliErrorsTest.userError("channels=3", "train", "--space", "ofa-mbv3-fmnist", "--data", data.toString(),
                "--epochs", "1", "--out", dir.resolve("gray").toString());
        CliErrorsTest.userError("channels 1 or 3", "train", "--space", "ofa-mbv3-fmnist:channels=2", "--data",
                data.toString(), "--out", dir.resolve("two").toString());
    }
}
