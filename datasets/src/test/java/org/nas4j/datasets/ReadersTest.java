package org.nas4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {

    @TempDir
    Path dir;

    @Test
    void readsFashionMnistGzippedOrPlain() throws IOException {
        for (boolean gzip : new boolean[] {true, false}) {
            Path d = Files.createDirectories(dir.resolve("fm" + gzip));
            TestFiles.writeFashionMnist(d, 12, gzip);
            LabelledData data = FashionMnist.load(d);
            assertEquals(12, data.train().size());
            assertEquals(28, data.train().height());
            assertEquals(7, data.test().label(7));
            assertEquals((5 + 3) & 0xff, data.train().pixel(5, 0, 3, 10));
            assertEquals(data.name(), Datasets.open(d.toString(), 1, 28).name());
        }
    }

    @Test
    void corruptIdxFilesFailClearly() throws IOException {
        TestFiles.writeFashionMnist(dir, 4, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] good = Files.readAllBytes(images);

        Files.write(images, Arrays.copyOf(good, good.length - 5));
        assertTrue(message(() -> FashionMnist.load(dir)).contains("truncated"));

        byte[] badMagic = good.clone();
        badMagic[3] = 0x01;
        Files.write(images, badMagic);
        assertTrue(message(() -> FashionMnist.load(dir)).contains("not an IDX file"));

        Files.write(images, TestFiles.idx(0x803, new int[] {5, 28, 28}, new byte[5 * 784]));
        assertTrue(message(() -> FashionMnist.load(dir)).contains("5 train images but 4 labels"));

        Files.write(images, good);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, TestFiles.idx(0x801, new int[] {4}, new byte[] {0, 1, 12, 3}));
        assertTrue(message(() -> FashionMnist.load(dir)).contains("label 12"));

        Files.delete(labels);
        assertTrue(message(() -> FashionMnist.load(dir)).contains("missing"));
        assertTrue(message(() -> FashionMnist.load(dir.resolve("nowhere"))).contains("apt-get install -y dataset-fashion-mnist"));
    }

    @Test
    void readsCifar10BinaryBatches() throws IOException {
        TestFiles.writeCifar(dir, 3);
        LabelledData data = Cifar10.load(dir);
        assertEquals(15, data.train().size());
        assertEquals(3, data.test().size());
        assertEquals(3, data.train().channels());
        assertEquals(2, data.train().label(5));
        assertEquals(20, data.train().pixel(5, 0, 31, 31));
        assertEquals(2, data.train().pixel(5, 1, 0, 0));
        assertEquals("cifar10", Datasets.open(dir.toString(), 3, 32).name());
    }

    @Test
    void corruptCifarFilesFailClearly() throws IOException {
        TestFiles.writeCifar(dir, 2);
        Path f = dir.resolve("data_batch_3.bin");
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 3073 + 100));
        assertTrue(message(() -> Cifar10.load(dir)).contains("not a whole number"));
        TestFiles.writeCifar(dir, 2);
        byte[] b = Files.readAllBytes(f);
        b[3073] = 11;
        Files.write(f, b);
        assertTrue(message(() -> Cifar10.load(dir)).contains("label 11"));
        TestFiles.writeCifar(dir, 2);
        Files.delete(dir.resolve("test_batch.bin"));
        assertTrue(message(() -> Cifar10.load(dir)).contains("missing"));
    }

    private static String message(Runnable r) {
        return assertThrows(DataFormatException.class, r::run).getMessage();
    }
}
