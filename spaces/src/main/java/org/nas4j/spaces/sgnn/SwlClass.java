package org.nas4j.spaces.sgnn;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.nas4j.core.util.UserException;

/**
 * The expressiveness class of a subgraph GNN design (Zhang et al., ICML 2023): every node-based
 * subgraph GNN whose layers aggregate {@code uL} plus any of the other atomic operations is as
 * powerful as one of six SWL tests, and a plain message-passing network is bounded by 1-WL. The
 * {@link #level()} orders them for constraints ({@code class>=pswl}); pooling splits SWL and PSWL
 * into VS and SV, SV the stronger, while SWL(SV) and PSWL(VS) are incomparable.
 */
public enum SwlClass {
    MPNN("1-WL", 0),
    SWL_VS("SWL(VS)", 1),
    SWL_SV("SWL(SV)", 1),
    PSWL_VS("PSWL(VS)", 2),
    PSWL_SV("PSWL(SV)", 2),
    GSWL("GSWL", 3),
    SSWL("SSWL", 4);

    private static final String[] LEVELS = {"1wl", "swl", "pswl", "gswl", "sswl"};

    private final String label;
    private final int level;

    SwlClass(String label, int level) {
        this.label = label;
        this.level = level;
    }

    /** @return the paper's name, e.g. {@code PSWL(VS)} */
    public String label() {
        return label;
    }

    /** @return 0 (1-WL) to 4 (SSWL), pooling aside */
    public int level() {
        return level;
    }

    /**
     * The class map: {@code vL} or {@code vu} makes SSWL (the transposed pair turns {@code uL} into
     * {@code vL}); else {@code vG} makes GSWL; else {@code vv} makes PSWL; else SWL; {@code uu} and
     * {@code uG} add nothing to {@code uL}. Checked against exact colour refinement on the pairs that
     * separate the classes ({@code SwlClassTest}).
     *
     * @param ops the aggregations besides {@code uL}
     * @param sv whether pooling is subgraph-then-vertex
     * @return the class
     */
    public static SwlClass of(Set<SubgraphOp> ops, boolean sv) {
        if (ops.contains(SubgraphOp.VL) || ops.contains(SubgraphOp.VU)) {
            return SSWL;
        }
        if (ops.contains(SubgraphOp.VG)) {
            return GSWL;
        }
        if (ops.contains(SubgraphOp.VV)) {
            return sv ? PSWL_SV : PSWL_VS;
        }
        return sv ? SWL_SV : SWL_VS;
    }

    /** @return the level a constraint names: {@code 1wl}, {@code swl}, {@code pswl}, {@code gswl} or {@code sswl} */
    public static int level(String name) {
        int i = Arrays.asList(LEVELS).indexOf(name.toLowerCase(java.util.Locale.ROOT));
        if (i < 0) {
            throw new UserException("unknown SWL class '" + name + "': use one of " + Arrays.stream(LEVELS).collect(Collectors.joining(", ")));
        }
        return i;
    }
}
