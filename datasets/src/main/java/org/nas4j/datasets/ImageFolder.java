package org.nas4j.datasets;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.nas4j.core.util.Seeds;

/**
 * A directory of images, one subfolder per class (its name is the class's), as PNG or JPEG files of
 * any size; either {@code train/} and {@code test/} hold such class folders, or the class folders
 * sit in the directory itself and a tenth of the images is held out as the test set. Images are
 * decoded once with DJL's image factory, centre-cropped to a square, resized to the space's input
 * side and kept in memory as bytes, so epochs never decode again. Items are ordered by file name
 * (then class), so a dataset written out with numbered files reads back in its own order.
 */
public final class ImageFolder {

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    /** One decoded image file. */
    private record Item(Path file, int label) {}

    private ImageFolder() {}

    /** @return whether {@code dir} holds class folders with images, directly or under {@code train/} */
    public static boolean looksLike(Path dir) {
        Path root = Files.isDirectory(dir.resolve("train")) ? dir.resolve("train") : dir;
        return !classFolders(root).isEmpty();
    }

    /**
     * @param dir the directory
     * @param channels the channels the space takes: 1 (grayscale) or 3 (RGB)
     * @param side the square side the space takes
     * @return its training and test sets, normalized by the training images' statistics
     * @throws DataFormatException if it holds no class folders, an image cannot be read, or colour
     *     images meet a one-channel space
     */
    public static LabelledData load(Path dir, int channels, int side) {
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        ImageDataset train;
        ImageDataset test;
        if (Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("test"))) {
            List<String> classes = classFolders(dir.resolve("train"));
            if (!classes.equals(classFolders(dir.resolve("test")))) {
                throw new DataFormatException(dir + ": train/ and test/ must hold the same class folders ("
                        + classes + " vs " + classFolders(dir.resolve("test")) + ")");
            }
            train = read(dir.resolve("train"), classes, name + " train", channels, side);
            test = read(dir.resolve("test"), classes, name + " test", channels, side);
        } else {
            List<String> classes = classFolders(dir);
            ImageDataset all = read(dir, classes, name, channels, side);
            if (all.size() < 20) {
                throw new DataFormatException(dir + ": " + all.size() + " images; a training, validation and test"
                        + " split needs at least 20");
            }
            Splits.TrainValidation parts = Splits.carve(all, Math.max(1, all.size() / 10), Seeds.derive(0, "test split", 0));
            train = parts.train();
            test = parts.validation();
        }
        return new LabelledData(name, train, test, statistics(train), true);
    }

    /** Class folders: subdirectories that hold at least one image, sorted by name. */
    private static List<String> classFolders(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(d -> !images(d).isEmpty())
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new DataFormatException("cannot list " + root + ": " + e.getMessage());
        }
    }

    private static List<Path> images(Path classDir) {
        try (Stream<Path> files = Files.list(classDir)) {
            return files.filter(Files::isRegularFile).filter(f -> EXTENSIONS.stream()
                    .anyMatch(e -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).toList();
        } catch (IOException e) {
            throw new DataFormatException("cannot list " + classDir + ": " + e.getMessage());
        }
    }

    private static ImageDataset read(Path root, List<String> classes, String name, int channels, int side) {
        if (classes.size() < 2) {
            throw new DataFormatException(root + ": found " + classes.size() + " class folder(s) with PNG or JPEG"
                    + " images; an image folder needs one subfolder per class, at least two");
        }
        List<Item> items = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            for (Path f : images(root.resolve(classes.get(c)))) {
                items.add(new Item(f, c));
            }
        }
        items.sort(Comparator.comparing((Item i) -> i.file().getFileName().toString()).thenComparingInt(Item::label));
        int size = channels * side * side;
        byte[] pixels = new byte[items.size() * size];
        int[] labels = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            labels[i] = items.get(i).label();
            decode(items.get(i).file(), channels, side, pixels, i * size);
        }
        return new ImageDataset(name, pixels, labels, channels, side, side, classes);
    }

    /** Writes the image's bytes, channel-major, at {@code offset}. */
    private static void decode(Path file, int channels, int side, byte[] out, int offset) {
        Image image;
        try {
            image = ImageFactory.getInstance().fromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file + " is not a readable PNG or JPEG image (" + e.getMessage()
                    + "): fix or remove it");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (w != h) {
            int s = Math.min(w, h);
            image = image.getSubImage((w - s) / 2, (h - s) / 2, s, s);
        }
        if (image.getWidth() != side) {
            image = image.resize(side, side, true);
        }
        BufferedImage b = (BufferedImage) image.getWrappedImage();
        Raster raster = b.getRaster();
        // the raster's own samples: getRGB would pass gray images through a colour-space conversion
        boolean gray = raster.getNumBands() <= 2 && !(b.getColorModel() instanceof IndexColorModel);
        if (!gray && channels == 1 && !looksGray(b)) {
            throw new DataFormatException(file + " is a colour image but the space takes one channel: add"
                    + " channels=3 to the space's options (e.g. ofa-mbv3-fmnist:channels=3,resolution=64)");
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int[] rgb = gray ? null : rgb(b, x, y);
                for (int c = 0; c < channels; c++) {
                    int v = gray ? raster.getSample(x, y, 0) : channels == 1 ? rgb[0] : rgb[c];
                    out[offset + (c * side + y) * side + x] = (byte) v;
                }
            }
        }
    }

    private static int[] rgb(BufferedImage b, int x, int y) {
        int p = b.getRGB(x, y);
        return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    }

    /** @return whether every pixel of a colour-typed image has equal red, green and blue */
    private static boolean looksGray(BufferedImage b) {
        for (int y = 0; y < b.getHeight(); y++) {
            for (int x = 0; x < b.getWidth(); x++) {
                int[] p = rgb(b, x, y);
                if (p[0] != p[1] || p[1] != p[2]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Per-channel mean and standard deviation of the training pixels in [0, 1], to 4 decimals. */
    static Normalization statistics(ImageDataset d) {
        int channels = d.channels();
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < d.size(); i++) {
                for (int y = 0; y < d.height(); y++) {
                    for (int x = 0; x < d.width(); x++) {
                        double p = d.pixel(i, c, y, x) / 255.0;
                        sum += p;
                        squares += p * p;
                    }
                }
            }
            double n = (double) d.size() * d.height() * d.width();
            double m = sum / n;
            mean[c] = round4(m);
            std[c] = round4(Math.sqrt(Math.max(squares / n - m * m, 1e-8)));
        }
        return new Normalization(mean, std);
    }

    private static float round4(double v) {
        return (float) (Math.round(v * 10_000) / 10_000.0);
    }
}
