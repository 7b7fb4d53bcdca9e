package org.nas4j.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

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

    /**
     * Writes a Fashion-MNIST-format dataset of 10 classes of noisy gratings at {@code side}×{@code
     * side}: class c is a sine grating at c·18° with a random phase and frequency, under Gaussian
     * noise. Telling 18° apart takes spatial filters (3×3 convolutions help, pooling and 1×1
     * convolutions alone do not), so architectures differ. Deterministic in the seed.
     */
    public static void writeGratings(Path dir, int train, int test, int side, long seed) throws IOException {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (String prefix : new String[] {"train", "t10k"}) {
            int n = prefix.equals("train") ? train : test;
            byte[] pixels = new byte[n * side * side];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int c = rng.nextInt(10);
                labels[i] = (byte) c;
                double angle = Math.PI * c / 10;
                double frequency = 0.15 + 0.15 * rng.nextDouble();
                double phase = 2 * Math.PI * rng.nextDouble();
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double u = x * Math.cos(angle) + y * Math.sin(angle);
                        double v = 128 + 50 * Math.sin(2 * Math.PI * frequency * u + phase) + 55 * rng.nextGaussian();
                        pixels[(i * side + y) * side + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                    }
                }
            }
            write(dir.resolve(prefix + "-images-idx3-ubyte"), idx(0x803, new int[] {n, side, side}, pixels), false);
            write(dir.resolve(prefix + "-labels-idx1-ubyte"), idx(0x801, new int[] {n}, labels), false);
        }
    }

    /**
     * Writes a dataset as an image folder: {@code train/} and {@code test/}, one subfolder per class
     * named by its label, each image a PNG numbered by its position (so the folder reads back in the
     * dataset's order).
     */
    public static void writeImageFolder(LabelledData data, Path dir) throws IOException {
        for (String part : new String[] {"train", "test"}) {
            ImageDataset d = part.equals("train") ? data.train() : data.test();
            for (int i = 0; i < d.size(); i++) {
                int type = d.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
                BufferedImage img = new BufferedImage(d.width(), d.height(), type);
                for (int y = 0; y < d.height(); y++) {
                    for (int x = 0; x < d.width(); x++) {
                        if (d.channels() == 1) {
                            img.getRaster().setSample(x, y, 0, d.pixel(i, 0, y, x));
                        } else {
                            img.setRGB(x, y, d.pixel(i, 0, y, x) << 16 | d.pixel(i, 1, y, x) << 8 | d.pixel(i, 2, y, x));
                        }
                    }
                }
                Path file = dir.resolve(part).resolve(Integer.toString(d.label(i))).resolve(String.format("%06d.png", i));
                Files.createDirectories(file.getParent());
                ImageIO.write(img, "png", file.toFile());
            }
        }
    }

    /**
     * Writes {@code perClass} RGB images in each of {@code classes} class folders ("class-a", ...),
     * PNG and JPEG, of mixed sizes and aspect ratios; class k is tinted towards hue k.
     */
    public static void writeColourFolder(Path dir, int classes, int perClass, long seed) throws IOException {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int k = 0; k < classes; k++) {
            Path classDir = Files.createDirectories(dir.resolve("class-" + (char) ('a' + k)));
            java.awt.Color tint = java.awt.Color.getHSBColor(k / (float) classes, 0.8f, 0.9f);
            for (int i = 0; i < perClass; i++) {
                int w = 20 + rng.nextInt(60);
                int h = 20 + rng.nextInt(60);
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int noise = rng.nextInt(60);
                        int r = Math.min(255, tint.getRed() * 3 / 4 + noise);
                        int g = Math.min(255, tint.getGreen() * 3 / 4 + noise);
                        int b = Math.min(255, tint.getBlue() * 3 / 4 + noise);
                        img.setRGB(x, y, r << 16 | g << 8 | b);
                    }
                }
                String format = i % 2 == 0 ? "png" : "jpg";
                ImageIO.write(img, format, classDir.resolve(String.format("img-%03d.%s", i, format)).toFile());
            }
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


    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /**
     * Writes a dictd dictionary ({@code NAME.index} + {@code NAME.dict.dz}, or {@code NAME.dict}).
     *
     * @param entries {headword, entry text} pairs, in the index's order
     */
    public static void writeDictionary(Path dir, String name, String[][] entries, boolean gzip) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder index = new StringBuilder();
        for (String[] e : entries) {
            byte[] text = e[1].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            index.append(e[0]).append('\t').append(b64(body.size())).append('\t').append(b64(text.length)).append('\n');
            body.write(text);
        }
        Files.writeString(dir.resolve(name + ".index"), index.toString());
        write(dir.resolve(name + (gzip ? ".dict.dz" : ".dict")), body.toByteArray(), gzip);
    }

    private static String b64(long v) {
        StringBuilder b = new StringBuilder();
        do {
            b.insert(0, B64.charAt((int) (v % 64)));
            v /= 64;
        } while (v > 0);
        return b.toString();
    }
}
