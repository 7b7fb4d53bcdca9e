package org.nas4j.spaces.sgnn;

import java.util.List;
import java.util.Set;

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

    /** The names of the levels, lowest first, as constraints write them ({@code class>=pswl}). */
    public static final List<String> LEVELS = List.of("1wl", "swl", "pswl", "gswl", "sswl");

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

    /** @return 0 (1-WL) to 4 (SSWL), pooling aside: an index into {@link #LEVELS} */
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
}
