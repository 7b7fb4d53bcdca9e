package org.nas4j.spaces.nb201;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;

/**
 * The NAS-Bench-201 cell space: 4 nodes, an operation on each of the 6 edges {@code i -> j} (i &lt;
 * j), 5 operations, 15,625 cells. Dimension {@code eIJ} holds edge i→j's operation. Arch strings are
 * NAS-Bench-201's own: {@code |nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|},
 * node by node, each entry {@code op~source}.
 */
public final class Nb201Space {

    /** The operations, in NAS-Bench-201's order. */
    public static final List<String> OPS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");
    /** Nodes of a cell, the input included. */
    public static final int NODES = 4;

    private static final Pattern ENTRY = Pattern.compile("([a-z_0-9]+)~(\\d+)");

    private Nb201Space() {}

    /** @return the edges {@code {from, to}}, node by node */
    public static List<int[]> edges() {
        List<int[]> edges = new ArrayList<>();
        for (int to = 1; to < NODES; to++) {
            for (int from = 0; from < to; from++) {
                edges.add(new int[] {from, to});
            }
        }
        return edges;
    }

    /** @return the dimension naming edge {@code from -> to} */
    public static String edge(int from, int to) {
        return "e" + from + to;
    }

    /**
     * @param name the registry name
     * @return the space
     */
    public static SearchSpace of(String name) {
        List<Dimension> dims = new ArrayList<>();
        for (int[] e : edges()) {
            dims.add(Dimension.categorical(edge(e[0], e[1]), OPS.toArray(String[]::new)));
        }
        return new SearchSpace(name, dims, new Notation());
    }

    /** Each cell expression's representative, the member with the smallest arch string; built once. */
    private static final Supplier<Map<String, Map<String, String>>> REPRESENTATIVES =
            Suppliers.memoize(Nb201Space::representatives);

    /** The representatives ordered by arch string, so a sampler drawing among them is seeded alone. */
    private static final Supplier<List<Map<String, String>>> CLASSES = Suppliers.memoize(() -> {
        SearchSpace space = of("nb201");
        return REPRESENTATIVES.get().values().stream()
                .sorted(Comparator.comparing(v -> space.of(v).id()))
                .toList();
    });

    private static Map<String, Map<String, String>> representatives() {
        SearchSpace space = of("nb201");
        Map<String, Map<String, String>> best = new HashMap<>();
        Map<String, String> bestId = new HashMap<>();
        for (Map<String, String> v : allCells()) {
            String key = expression(v);
            String id = space.of(v).id();
            if (!bestId.containsKey(key) || id.compareTo(bestId.get(key)) < 0) {
                bestId.put(key, id);
                best.put(key, v);
            }
        }
        return best;
    }

    /** @return every cell of the space, as each edge's operation */
    static List<Map<String, String>> allCells() {
        List<Map<String, String>> out = new ArrayList<>();
        int cells = (int) Math.pow(OPS.size(), edges().size());
        for (int code = 0; code < cells; code++) {
            Map<String, String> v = new LinkedHashMap<>();
            int c = code;
            for (int[] e : edges()) {
                v.put(edge(e[0], e[1]), OPS.get(c % OPS.size()));
                c /= OPS.size();
            }
            out.add(v);
        }
        return out;
    }

    /**
     * @return the cell as NAS-Bench-201's {@code to_unique_str(consider_zero=True)} writes it: each
     *     node the sorted sum of its inputs' terms, a skip connection passing its source's text, "none"
     *     or a zero source giving the zero term {@code #}
     */
    static String expression(Map<String, String> values) {
        String[] node = new String[NODES];
        node[0] = "0";
        for (int to = 1; to < NODES; to++) {
            List<String> terms = new ArrayList<>();
            for (int from = 0; from < to; from++) {
                String op = values.get(edge(from, to));
                if (op.equals("none") || node[from].equals("#")) {
                    terms.add("#");
                } else {
                    terms.add(op.equals("skip_connect") ? node[from] : "(" + node[from] + ")@" + op);
                }
            }
            Collections.sort(terms);
            node[to] = String.join("+", terms);
        }
        return node[NODES - 1];
    }

    /**
     * @param ops each edge's operation, in edge order
     * @return for each edge whether it carries anything to the cell's output: not "none", its source
     *     receives something, and its target feeds the output
     */
    static boolean[] liveEdges(String[] ops) {
        List<int[]> edges = edges();
        boolean[] receives = new boolean[NODES];
        boolean[] feeds = new boolean[NODES];
        receives[0] = true;
        feeds[NODES - 1] = true;
        for (int i = 0; i < edges.size(); i++) {
            receives[edges.get(i)[1]] |= receives[edges.get(i)[0]] && !ops[i].equals("none");
        }
        for (int i = edges.size() - 1; i >= 0; i--) {
            feeds[edges.get(i)[0]] |= feeds[edges.get(i)[1]] && !ops[i].equals("none");
        }
        boolean[] live = new boolean[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            live[i] = !ops[i].equals("none") && receives[edges.get(i)[0]] && feeds[edges.get(i)[1]];
        }
        return live;
    }

    /** NAS-Bench-201's arch string. */
    private static final class Notation implements ArchNotation {

        @Override
        public String format(SearchSpace space, Map<String, String> v) {
            StringBuilder s = new StringBuilder();
            for (int to = 1; to < NODES; to++) {
                if (to > 1) {
                    s.append('+');
                }
                s.append('|');
                for (int from = 0; from < to; from++) {
                    s.append(v.get(edge(from, to))).append('~').append(from).append('|');
                }
            }
            return s.toString();
        }

        @Override
        public Map<String, String> parse(SearchSpace space, String text) {
            String[] nodes = text.split("\\+", -1);
            if (nodes.length != NODES - 1) {
                throw malformed(text, "it has " + nodes.length + " nodes, not " + (NODES - 1));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int to = 1; to < NODES; to++) {
                String node = nodes[to - 1];
                if (!node.startsWith("|") || !node.endsWith("|")) {
                    throw malformed(text, "node " + to + " is not enclosed in '|'");
                }
                String[] entries = node.substring(1, node.length() - 1).split("\\|", -1);
                if (entries.length != to) {
                    throw malformed(text, "node " + to + " lists " + entries.length + " edges, not " + to);
                }
                for (int from = 0; from < to; from++) {
                    Matcher m = ENTRY.matcher(entries[from]);
                    if (!m.matches() || Integer.parseInt(m.group(2)) != from) {
                        throw malformed(text, "entry '" + entries[from] + "' should be op~" + from);
                    }
                    values.put(edge(from, to), m.group(1));
                }
            }
            return values;
        }

        /**
         * NAS-Bench-201's own test of isomorphism: a cell is the expression its output computes, with
         * skip connections as the identity, "none" (and anything fed only by it) as zero and each
         * node's inputs sorted; cells of one expression form a class, represented by its member with
         * the smallest string. The 15,625 cells form 6,466 classes.
         */
        @Override
        public Map<String, String> isomorphismRepresentative(SearchSpace space, Map<String, String> values) {
            return REPRESENTATIVES.get().get(expression(values));
        }

        @Override
        public Optional<List<Map<String, String>>> isomorphismClasses(SearchSpace space) {
            return Optional.of(CLASSES.get());
        }

        private static InvalidArchException malformed(String text, String why) {
            return new InvalidArchException("arch '" + text + "' is not of the form "
                    + "|op~0|+|op~0|op~1|+|op~0|op~1|op~2| (" + why + ")");
        }
    }
}
