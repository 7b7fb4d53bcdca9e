package org.nas4j.datasets;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Small dataset files in the real formats, written by tests. */
public final class TestFiles {

    private TestFiles() {}

    public static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    public static void write(Path p, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
    }

    /** Writes a Fashion-MNIST-shaped dataset of n train and n test 28×28 images; pixel = (i + y) % 256. */
    public static void writeFashionMnist(Path dir, int n, boolean gzip) throws IOException {
        for (String prefix : new String[] {"train", "t10k"}) {
            byte[] pixels = new byte[n * 28 * 28];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 10);
                for (int y = 0; y < 28; y++) {
                    Arrays.fill(pixels, (i * 28 + y) * 28, (i * 28 + y + 1) * 28, (byte) (i + y));
                }
            }
            String gz = gzip ? ".gz" : "";
            write(dir.resolve(prefix + "-images-idx3-ubyte" + gz), idx(0x803, new int[] {n, 28, 28}, pixels), gzip);
            write(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), idx(0x801, new int[] {n}, labels), gzip);
        }
    }

    /** Writes CIFAR-10 binary batches with {@code perFile} records each; red = label * 10, green = record. */
    public static void writeCifar(Path dir, int perFile) throws IOException {
        String[] files = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"};
        for (String f : files) {
            byte[] content = new byte[perFile * 3073];
            for (int r = 0; r < perFile; r++) {
                content[r * 3073] = (byte) (r % 10);
                Arrays.fill(content, r * 3073 + 1, r * 3073 + 1 + 1024, (byte) (r % 10 * 10));
                Arrays.fill(content, r * 3073 + 1025, r * 3073 + 2049, (byte) r);
            }
            Files.write(dir.resolve(f), content);
        }
    }

}
