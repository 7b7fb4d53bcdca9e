package org.nas4j.spaces.sgnn;

/**
 * The atomic aggregations a subgraph GNN layer may add to {@code uL} (message passing inside each
 * subgraph, always present), with the SWL paper's code names. {@code h(u, v)} is vertex {@code v} in
 * the subgraph of root {@code u}.
 */
public enum SubgraphOp {
    /** {@code Σ_{w in N(u)} h(w, v)}: vertex v across the subgraphs of u's neighbours */
    VL("vL"),
    /** {@code Σ_w h(w, v)}: vertex v in every subgraph */
    VG("vG"),
    /** {@code h(v, v)}: v in its own subgraph */
    VV("vv"),
    /** {@code h(u, u)}: the root */
    UU("uu"),
    /** {@code Σ_w h(u, w)}: the whole subgraph */
    UG("uG"),
    /** {@code h(v, u)}: the transposed pair */
    VU("vu");

    private final String code;

    SubgraphOp(String code) {
        this.code = code;
    }

    /** @return the paper's code name, also the space's dimension name */
    public String code() {
        return code;
    }
}
