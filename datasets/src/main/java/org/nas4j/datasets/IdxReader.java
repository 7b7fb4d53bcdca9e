package org.nas4j.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads unsigned-byte IDX files (MNIST's format), gzipped or not, checking magic and sizes. */
public final class IdxReader {

    /** The contents of an IDX file: its dimensions and bytes. */
    public record Idx(int[] dims, byte[] data) {}

    private IdxReader() {}

    /**
     * @param file an {@code .idx?-ubyte} file, optionally {@code .gz}
     * @param rank the rank it must have (1 for labels, 3 for images)
     * @return its dimensions and data
     * @throws DataFormatException if it is missing, not IDX unsigned bytes of that rank, or short
     */
    public static Idx read(Path file, int rank) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException("missing dataset file " + file);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                DataInputStream in = new DataInputStream(maybeGunzip(raw, file))) {
            int magic = in.readInt();
            if ((magic >>> 8) != 0x08 || (magic & 0xff) != rank) {
                throw new DataFormatException(
                        String.format(
                                "%s is not an IDX file of unsigned bytes with %d dimensions (magic 0x%08x, expected 0x%08x)",
                                file, rank, magic, 0x0800 | rank));
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] <= 0) {
                    throw new DataFormatException(file + ": dimension " + i + " is " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new DataFormatException(file + ": " + total + " bytes is too large");
            }
            byte[] data = new byte[(int) total];
            in.readFully(data);
            if (in.read() != -1) {
                throw new DataFormatException(file + " is longer than its header says (" + total + " bytes)");
            }
            return new Idx(dims, data);
        } catch (EOFException e) {
            throw new DataFormatException(file + " is truncated: shorter than its header says");
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static InputStream maybeGunzip(InputStream raw, Path file) throws IOException {
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return raw;
    }
}
