package org.nas4j.datasets.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.nas4j.core.util.AtomicFiles;
import org.nas4j.core.util.UserException;

/**
 * The edge-list text format: one edge {@code u v} per line with 0-based vertex ids, a lone id on a line
 * for an isolated vertex, {@code #} to the end of a line is a comment, blank lines are skipped. The
 * vertices are {@code 0..max id}, and every one of them must appear, so that a typo cannot add an
 * isolated vertex unnoticed.
 */
public final class EdgeList {

    private EdgeList() {}

    /** @return the graph in {@code file}; a problem with the file is a {@link UserException} naming the line */
    public static Graph read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException("graph file " + file + " does not exist: give an edge-list file (one edge 'u v' per line)");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param text the file's text
     * @param source the name used in messages
     * @return the graph
     */
    public static Graph parse(String text, String source) {
        List<int[]> edges = new ArrayList<>();
        BitSet seen = new BitSet();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (body.isEmpty()) {
                continue;
            }
            String where = source + " line " + (i + 1);
            String[] fields = body.split("\\s+");
            if (fields.length > 2) {
                throw new UserException(where + ": '" + body + "' has " + fields.length + " fields: write one edge 'u v' or one"
                        + " isolated vertex id per line");
            }
            int u = vertex(fields[0], where);
            seen.set(u);
            if (fields.length == 2) {
                int v = vertex(fields[1], where);
                if (u == v) {
                    throw new UserException(where + ": self-loop " + u + " " + v + ": graphs here are simple, remove the line");
                }
                seen.set(v);
                edges.add(new int[] {u, v});
            }
        }
        int n = seen.length();
        int missing = seen.nextClearBit(0);
        if (missing < n) {
            throw new UserException(source + ": vertex " + missing + " never appears but ids go up to " + (n - 1)
                    + ": number the vertices 0.." + (n - 1) + " without gaps (list an isolated vertex alone on a line)");
        }
        try {
            return Graph.of(n, edges);
        } catch (IllegalArgumentException e) {
            throw new UserException(source + ": " + e.getMessage() + ": list each edge once");
        }
    }

    /** @return the graph in the edge-list format, headed by {@code comment} (may be empty) */
    public static String format(Graph g, String comment) {
        StringBuilder s = new StringBuilder();
        for (String line : comment.lines().toList()) {
            s.append("# ").append(line).append('\n');
        }
        s.append("# ").append(g.size()).append(" vertices, ").append(g.edgeCount()).append(" edges\n");
        BitSet touched = new BitSet();
        for (int[] e : g.edges()) {
            s.append(e[0]).append(' ').append(e[1]).append('\n');
            touched.set(e[0]);
            touched.set(e[1]);
        }
        for (int v = touched.nextClearBit(0); v < g.size(); v = touched.nextClearBit(v + 1)) {
            s.append(v).append('\n');
        }
        return s.toString();
    }

    /** Writes the graph atomically: a reader never sees half a file. */
    public static void write(Graph g, String comment, Path file) throws IOException {
        AtomicFiles.writeString(file, format(g, comment));
    }

    private static int vertex(String field, String where) {
        try {
            int id = Integer.parseInt(field);
            if (id < 0) {
                throw new UserException(where + ": vertex id " + id + " is negative: ids start at 0");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new UserException(where + ": '" + field + "' is not a vertex id: ids are integers from 0");
        }
    }
}
