package org.nas4j.spaces.sgnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.nas4j.core.space.ArchLevel;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;

/**
 * The search space of subgraph GNNs. Dimensions, all ordered so that the sandwich rule has a smallest
 * and a largest child: {@code enc} (0 none: a plain message-passing network; 1 node marking; 2
 * distance encoding), one 0/1 dimension per aggregation that layers may add to {@code uL} ({@code vL},
 * {@code vG}, {@code vv}, {@code uu}, {@code uG}, {@code vu}) and {@code pool} (0 VS, 1 SV), these
 * active only with subgraphs, then {@code depth} and {@code width}.
 *
 * <p>Arch strings: {@code dist:uL+vL+vv:sv:d4:w32}, or {@code none:d3:w16} without subgraphs. Every
 * arch has a level {@code class}, its SWL class, that searches can be limited by ({@code class>=pswl}).
 */
public final class SgnnSpace {

    static final String ENCODING = "enc";
    static final String POOLING = "pool";
    static final String DEPTH = "depth";
    static final String WIDTH = "width";

    private SgnnSpace() {}

    /** @return the space of a supernet of this shape */
    public static SearchSpace of(SgnnConfig c) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.integer(ENCODING, 0, 1, 2));
        for (SubgraphOp op : SubgraphOp.values()) {
            dims.add(Dimension.integer(op.code(), 0, 1).activeWhen(ENCODING, 1));
        }
        dims.add(Dimension.integer(POOLING, 0, 1).activeWhen(ENCODING, 1));
        dims.add(Dimension.integer(DEPTH, c.depths().stream().mapToInt(Integer::intValue).toArray()));
        dims.add(Dimension.integer(WIDTH, c.widths().stream().mapToInt(Integer::intValue).toArray()));
        ArchLevel swl = new ArchLevel("class", SwlClass.LEVELS, a -> SgnnArch.of(a).swlClass().level(),
                a -> SgnnArch.of(a).swlClass().label());
        return new SearchSpace(c.name(), dims, new Notation(), List.of(swl));
    }

    private static final class Notation implements ArchNotation {

        @Override
        public String format(SearchSpace space, Map<String, String> values) {
            Encoding encoding = Encoding.values()[Integer.parseInt(values.get(ENCODING))];
            StringJoiner out = new StringJoiner(":");
            out.add(encoding.id());
            if (encoding != Encoding.NONE) {
                StringJoiner ops = new StringJoiner("+");
                ops.add("uL");
                for (SubgraphOp op : SubgraphOp.values()) {
                    if (values.get(op.code()).equals("1")) {
                        ops.add(op.code());
                    }
                }
                out.add(ops.toString());
                out.add(values.get(POOLING).equals("1") ? "sv" : "vs");
            }
            return out.add("d" + values.get(DEPTH)).add("w" + values.get(WIDTH)).toString();
        }

        @Override
        public Map<String, String> parse(SearchSpace space, String text) {
            String[] parts = text.split(":", -1);
            int e = List.of("none", "mark", "dist").indexOf(parts[0]);
            if (e < 0 || parts.length != (e == 0 ? 3 : 5)) {
                throw new InvalidArchException("arch '" + text + "': expected ENC:uL+OPS:POOL:dDEPTH:wWIDTH, e.g."
                        + " dist:uL+vL:vs:d3:w32, or none:dDEPTH:wWIDTH for a network without subgraphs");
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put(ENCODING, Integer.toString(e));
            for (SubgraphOp op : SubgraphOp.values()) {
                values.put(op.code(), "0");
            }
            values.put(POOLING, "0");
            int at = 1;
            if (e > 0) {
                List<String> ops = List.of(parts[1].split("\\+", -1));
                if (!ops.get(0).equals("uL")) {
                    throw new InvalidArchException("arch '" + text + "': the aggregations start with uL, e.g. uL+vL");
                }
                for (String code : ops.subList(1, ops.size())) {
                    SubgraphOp op = java.util.Arrays.stream(SubgraphOp.values()).filter(o -> o.code().equals(code)).findFirst()
                            .orElseThrow(() -> new InvalidArchException("arch '" + text + "': unknown aggregation '" + code
                                    + "'; the aggregations: uL, vL, vG, vv, uu, uG, vu"));
                    values.put(op.code(), "1");
                }
                if (!List.of("vs", "sv").contains(parts[2])) {
                    throw new InvalidArchException("arch '" + text + "': pooling is vs or sv, not '" + parts[2] + "'");
                }
                values.put(POOLING, parts[2].equals("sv") ? "1" : "0");
                at = 3;
            }
            values.put(DEPTH, strip(text, parts[at], 'd'));
            values.put(WIDTH, strip(text, parts[at + 1], 'w'));
            return values;
        }

        private static String strip(String text, String part, char prefix) {
            if (part.length() < 2 || part.charAt(0) != prefix) {
                throw new InvalidArchException("arch '" + text + "': expected " + prefix + "N, got '" + part + "'");
            }
            return part.substring(1);
        }
    }
}
