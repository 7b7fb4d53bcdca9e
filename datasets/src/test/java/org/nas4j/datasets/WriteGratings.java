package org.nas4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@link TestFiles#writeGratings} data from the command line: {@code DIR TRAIN TEST SIDE SEED}. */
public final class WriteGratings {

    private WriteGratings() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        TestFiles.writeGratings(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Long.parseLong(args[4]));
    }
}
