package org.nas4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CIFAR-10 in its binary format ({@code data_batch_1..5.bin}, {@code test_batch.bin}: records of one
 * label byte and 3072 pixel bytes) from a local directory.
 */
public final class Cifar10 {

    /** The class names, by label. */
    public static final List<String> CLASSES =
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private static final int SIDE = 32;
    private static final int RECORD = 1 + 3 * SIDE * SIDE;

    private Cifar10() {}

    /** @return whether {@code dir} (or its {@code cifar-10-batches-bin}) holds CIFAR-10 batches */
    public static boolean looksLike(Path dir) {
        return Files.isRegularFile(resolve(dir).resolve("data_batch_1.bin"));
    }

    private static Path resolve(Path dir) {
        Path nested = dir.resolve("cifar-10-batches-bin");
        return Files.isDirectory(nested) ? nested : dir;
    }

    /**
     * @param dir the directory with the batches, or its parent
     * @return the 50,000 training and 10,000 test images
     * @throws DataFormatException if a file is missing, not a whole number of records, or has a bad label
     */
    public static LabelledData load(Path dir) {
        Path d = resolve(dir);
        String[] trainFiles = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"};
        return new LabelledData(
                "cifar10",
                read(d, trainFiles, "cifar10 train"),
                read(d, new String[] {"test_batch.bin"}, "cifar10 test"),
                Normalization.CIFAR10,
                true);
    }

    private static ImageDataset read(Path dir, String[] files, String name) {
        byte[][] contents = new byte[files.length][];
        int records = 0;
        for (int f = 0; f < files.length; f++) {
            Path p = dir.resolve(files[f]);
            if (!Files.isRegularFile(p)) {
                throw new DataFormatException(
                        "missing CIFAR-10 file " + p + ": pass --data DIR with data_batch_1..5.bin and test_batch.bin"
                                + " (the binary version of CIFAR-10)");
            }
            try {
                contents[f] = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new DataFormatException("cannot read " + p + ": " + e.getMessage());
            }
            if (contents[f].length == 0 || contents[f].length % RECORD != 0) {
                throw new DataFormatException(
                        p + " has " + contents[f].length + " bytes, not a whole number of " + RECORD
                                + "-byte CIFAR-10 records: is it the binary version, complete?");
            }
            records += contents[f].length / RECORD;
        }
        byte[] pixels = new byte[records * (RECORD - 1)];
        int[] labels = new int[records];
        int r = 0;
        for (int f = 0; f < files.length; f++) {
            for (int off = 0; off < contents[f].length; off += RECORD, r++) {
                labels[r] = contents[f][off] & 0xff;
                if (labels[r] >= CLASSES.size()) {
                    throw new DataFormatException(
                            dir.resolve(files[f]) + ": record " + off / RECORD + " has label " + labels[r] + ", not 0-9");
                }
                System.arraycopy(contents[f], off + 1, pixels, r * (RECORD - 1), RECORD - 1);
            }
        }
        return new ImageDataset(name, pixels, labels, 3, SIDE, SIDE, CLASSES);
    }
}
