package org.nas4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.graph.CountingData;
import org.nas4j.datasets.graph.GraphData;
import org.nas4j.datasets.graph.Substructure;
import org.nas4j.datasets.graph.TpsaData;
import org.nas4j.datasets.text.FreeDict;
import org.nas4j.datasets.text.TranslationData;
import org.nas4j.datasets.text.WordPair;

/** Opens a dataset from the CLI's {@code --data} value. */
public final class Datasets {

    /** Environment variable naming a CIFAR-10 directory for {@code --data cifar10}. */
    public static final String CIFAR10_ENV = "NAS4J_CIFAR10";

    /** Test words held out of a dictionary (at most; a tenth of a small one). */
    public static final int TEST_WORDS = 2000;

    private Datasets() {}

    /**
     * @param spec {@code freedict} (Debian's English-German FreeDict) or a directory holding one
     *     dictionary in dictd format ({@code NAME.index} and {@code NAME.dict.dz})
     * @param validation word pairs held out for validation
     * @return the word pairs, split (the same split for every run of the dictionary)
     * @throws UserException if it cannot be found or read, or is too small for the split
     */
    public static TranslationData openWords(String spec, int validation) {
        Path dir = spec.equals("freedict") ? FreeDict.DEBIAN_DIR : Path.of(spec);
        String name = FreeDict.ENG_DEU;
        if (!spec.equals("freedict")) {
            if (!Files.isDirectory(dir)) {
                throw new UserException("--data " + spec + ": not 'freedict' or a directory with a dictd dictionary");
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<String> names = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".index"))
                        .map(f -> f.substring(0, f.length() - ".index".length())).sorted().toList();
                if (names.size() != 1) {
                    throw new UserException("--data " + spec + ": expected one dictd dictionary (NAME.index + NAME.dict.dz), found "
                            + (names.isEmpty() ? "none" : names));
                }
                name = names.get(0);
            } catch (IOException e) {
                throw new UserException("cannot list " + dir + ": " + e.getMessage());
            }
        }
        List<WordPair> pairs = FreeDict.read(dir, name);
        return TranslationData.split(name, pairs, validation, Math.min(TEST_WORDS, pairs.size() / 10));
    }

    /**
     * @param spec a substructure count on the random graphs of {@link CountingData} ({@code triangles},
     *     {@code tailed-triangles}, {@code 3-stars}, {@code 4-cycles}, {@code chordal-cycles}), {@code tpsa}
     *     (Debian's NCI molecules) or a file of {@code SMILES,value} lines
     * @return the graphs, split (the same split for every run)
     * @throws UserException if it cannot be found or read
     */
    public static GraphData openGraphs(String spec) {
        for (Substructure s : Substructure.values()) {
            if (s.id().equals(spec)) {
                return CountingData.of(s);
            }
        }
        Path file = spec.equals("tpsa") ? TpsaData.DEBIAN_FILE : Path.of(spec);
        if (!spec.equals("tpsa") && !Files.isRegularFile(file)) {
            throw new UserException("--data " + spec + ": not a count (" + String.join(", ", Arrays.stream(Substructure.values())
                    .map(Substructure::id).toList()) + "), 'tpsa' or a file of SMILES,value lines");
        }
        try {
            return TpsaData.read(file);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * @param spec {@code fashion-mnist} (Debian's files), {@code cifar10} (the directory in {@value
     *     #CIFAR10_ENV}) or a directory holding either, or an image folder (one subfolder per class)
     * @param channels the channels the space takes, to which an image folder's images are converted
     * @param side the square side the space takes, to which an image folder's images are resized
     * @return the dataset
     * @throws UserException if it cannot be found or read
     */
    public static LabelledData open(String spec, int channels, int side) {
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
        if (ImageFolder.looksLike(dir)) {
            return ImageFolder.load(dir, channels, side);
        }
        throw new UserException(
                "--data " + spec + ": found neither Fashion-MNIST IDX files (train-images-idx3-ubyte[.gz]), CIFAR-10"
                        + " binary batches (data_batch_1.bin) nor class folders of PNG / JPEG images there");
    }
}
