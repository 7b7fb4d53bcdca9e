package org.nas4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nas4j.core.util.UserException;

/** Opens a dataset from the CLI's {@code --data} value. */
public final class Datasets {

    /** Environment variable naming a CIFAR-10 directory for {@code --data cifar10}. */
    public static final String CIFAR10_ENV = "NAS4J_CIFAR10";

    private Datasets() {}

    /**
     * @param spec {@code fashion-mnist} (Debian's files), {@code cifar10} (the directory in {@value
     *     #CIFAR10_ENV}) or a directory holding either
     * @return the dataset
     * @throws UserException if it cannot be found or read
     */
    public static LabelledData open(String spec) {
        if (spec.equals("fashion-mnist")) {
            return FashionMnist.load(FashionMnist.DEBIAN_DIR);
        }
        if (spec.equals("cifar10")) {
            String dir = System.getenv(CIFAR10_ENV);
            if (dir == null) {
                throw new UserException(
                        "CIFAR-10 cannot be downloaded here: pass --data DIR (the directory with data_batch_1.bin)"
                                + " or set " + CIFAR10_ENV + "=DIR");
            }
            return Cifar10.load(Path.of(dir));
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new UserException(
                    "--data " + spec + ": not 'fashion-mnist', 'cifar10' or an existing directory");
        }
        if (FashionMnist.looksLike(dir)) {
            return FashionMnist.load(dir);
        }
        if (Cifar10.looksLike(dir)) {
            return Cifar10.load(dir);
        }
        throw new UserException(
                "--data " + spec + ": found neither Fashion-MNIST IDX files (train-images-idx3-ubyte[.gz]) nor"
                        + " CIFAR-10 binary batches (data_batch_1.bin) there");
    }
}
