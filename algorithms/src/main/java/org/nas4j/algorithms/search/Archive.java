package org.nas4j.algorithms.search;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.UserException;

/**
 * Every real evaluation of a run, one JSON line each with a CRC-32 of the line, appended and forced
 * to disk the moment it is made. A line cut short by a kill is dropped on opening; any other bad
 * line stops the search with the line's number.
 */
public final class Archive {

    private final Path file;
    private final Map<String, Evaluation> byArch = new LinkedHashMap<>();

    private Archive(Path file) {
        this.file = file;
    }

    /**
     * @param file the archive's file (created on the first append)
     * @param space the space its archs belong to
     * @return the archive with every intact line of the file
     * @throws IOException if the file cannot be read or repaired
     */
    public static Archive open(Path file, SearchSpace space) throws IOException {
        Archive a = new Archive(file);
        if (!Files.isRegularFile(file)) {
            return a;
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        boolean lastComplete = text.endsWith("\n");
        long intactBytes = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1;
            Optional<Evaluation> e = parse(lines.get(i), space);
            if (e.isEmpty() || (last && !lastComplete)) {
                if (last) {
                    break; // a kill cut the last append short: drop it
                }
                throw new UserException(file + " line " + (i + 1) + " is corrupt (checksum or format); delete that line "
                        + "(its child is then evaluated again) or the file");
            }
            a.byArch.put(e.get().arch().id(), e.get());
            intactBytes += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (intactBytes < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(intactBytes);
            }
        }
        return a;
    }

    /** @return the evaluation of an arch, if the archive holds one */
    public Optional<Evaluation> get(String archId) {
        return Optional.ofNullable(byArch.get(archId));
    }

    /** @return every evaluation, oldest first */
    public Collection<Evaluation> all() {
        return byArch.values();
    }

    /**
     * Appends an evaluation and forces it to disk.
     *
     * @param e a new evaluation
     * @throws IOException if writing fails
     */
    public void append(Evaluation e) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("arch", e.arch().id());
        o.addProperty("accuracy", e.accuracy());
        o.addProperty("latencyMs", e.latencyMs());
        o.addProperty("macs", e.macs());
        o.addProperty("params", e.params());
        o.addProperty("seconds", e.seconds());
        String payload = o.toString();
        String line = payload + "\t" + crc(payload) + "\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
        byArch.put(e.arch().id(), e);
    }

    private static Optional<Evaluation> parse(String line, SearchSpace space) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0 || !crc(line.substring(0, tab)).equals(line.substring(tab + 1))) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseString(line.substring(0, tab)).getAsJsonObject();
            return Optional.of(new Evaluation(space.parse(o.get("arch").getAsString()), o.get("accuracy").getAsDouble(),
                    o.get("latencyMs").getAsDouble(), o.get("macs").getAsLong(), o.get("params").getAsLong(),
                    o.get("seconds").getAsDouble()));
        } catch (JsonParseException | IllegalStateException | NullPointerException | InvalidArchException e) {
            return Optional.empty();
        }
    }

    private static String crc(String payload) {
        CRC32 c = new CRC32();
        c.update(payload.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }
}
