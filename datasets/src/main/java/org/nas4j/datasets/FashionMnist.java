package org.nas4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fashion-MNIST from IDX files; by default where Debian's {@code dataset-fashion-mnist} puts them. */
public final class FashionMnist {

    /** Where {@code apt-get install dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The class names, by label. */
    public static final List<String> CLASSES =
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot");

    private FashionMnist() {}

    /** @return whether {@code dir} holds the Fashion-MNIST training images */
    public static boolean looksLike(Path dir) {
        return find(dir, "train-images-idx3-ubyte") != null;
    }

    /**
     * @param dir the directory with {@code {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]}
     * @return the training and test sets
     * @throws DataFormatException if files are missing (saying how to install them) or corrupt
     */
    public static LabelledData load(Path dir) {
        if (!looksLike(dir)) {
            throw new DataFormatException(
                    "Fashion-MNIST not found in " + dir + ": install it with 'apt-get install -y dataset-fashion-mnist'"
                            + " or pass --data DIR with train-images-idx3-ubyte.gz and the other three IDX files");
        }
        return new LabelledData(
                "fashion-mnist",
                read(dir, "train", "fashion-mnist train"),
                read(dir, "t10k", "fashion-mnist test"),
                Normalization.FASHION_MNIST,
                true);
    }

    private static ImageDataset read(Path dir, String prefix, String name) {
        IdxReader.Idx images = IdxReader.read(require(dir, prefix + "-images-idx3-ubyte"), 3);
        IdxReader.Idx labels = IdxReader.read(require(dir, prefix + "-labels-idx1-ubyte"), 1);
        if (images.dims()[0] != labels.dims()[0]) {
            throw new DataFormatException(
                    dir + ": " + images.dims()[0] + " " + prefix + " images but " + labels.dims()[0] + " labels");
        }
        int[] y = new int[labels.data().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xff;
            if (y[i] >= CLASSES.size()) {
                throw new DataFormatException(dir + ": label " + y[i] + " of " + prefix + " item " + i + " is not 0-9");
            }
        }
        return new ImageDataset(name, images.data(), y, 1, images.dims()[1], images.dims()[2], CLASSES);
    }

    private static Path require(Path dir, String base) {
        Path p = find(dir, base);
        if (p == null) {
            throw new DataFormatException("missing " + dir.resolve(base + ".gz") + " (or without .gz)");
        }
        return p;
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
