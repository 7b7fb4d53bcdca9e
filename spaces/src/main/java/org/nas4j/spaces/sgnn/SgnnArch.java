package org.nas4j.spaces.sgnn;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.nas4j.core.space.Arch;

/**
 * A subgraph GNN: its encoding, the aggregations every layer adds to {@code uL} (and the self term),
 * its pooling, depth and width. Every layer aggregates the same way, as in the SWL paper's models, so
 * the arch has one exact expressiveness class.
 *
 * @param encoding how the root is marked, or none for a plain message-passing network
 * @param ops the aggregations besides {@code uL} (none when {@code encoding} is none)
 * @param sv pooling subgraph-then-vertex rather than vertex-then-subgraph (false when none)
 * @param depth the number of message-passing layers
 * @param width the hidden width
 */
public record SgnnArch(Encoding encoding, Set<SubgraphOp> ops, boolean sv, int depth, int width) {

    /** Copies the set. */
    public SgnnArch {
        ops = ops.isEmpty() ? EnumSet.noneOf(SubgraphOp.class) : EnumSet.copyOf(ops);
    }

    /** @return the arch of a space's child */
    public static SgnnArch of(Arch arch) {
        Map<String, String> v = arch.values();
        Encoding encoding = Encoding.values()[Integer.parseInt(v.get(SgnnSpace.ENCODING))];
        Set<SubgraphOp> ops = EnumSet.noneOf(SubgraphOp.class);
        for (SubgraphOp op : SubgraphOp.values()) {
            if (v.get(op.code()).equals("1")) {
                ops.add(op);
            }
        }
        return new SgnnArch(encoding, ops, v.get(SgnnSpace.POOLING).equals("1"), Integer.parseInt(v.get(SgnnSpace.DEPTH)),
                Integer.parseInt(v.get(SgnnSpace.WIDTH)));
    }

    /** @return the largest child of a supernet of this shape: every aggregation, the deepest and widest */
    public static SgnnArch largest(SgnnConfig c) {
        return new SgnnArch(Encoding.DIST, EnumSet.allOf(SubgraphOp.class), true, c.maxDepth(), c.maxWidth());
    }

    /** @return whether it keeps a table of vertex pairs (subgraphs) rather than of vertices */
    public boolean subgraphs() {
        return encoding != Encoding.NONE;
    }

    /** @return its expressiveness class */
    public SwlClass swlClass() {
        return subgraphs() ? SwlClass.of(ops, sv) : SwlClass.MPNN;
    }
}
