package org.nas4j.algorithms.wl;

/**
 * Where a pair colour {@code h(u,v)} gathers colours from in one refinement step: the atomic
 * operations of the SWL paper (the code names of its repository), and the three folklore-WL ones that
 * bound them. A step always keeps the pair's own colour as well.
 */
public enum Aggregation {
    /** {@code {{h(u,w) : w in N(v)}}}: message passing inside the subgraph of root {@code u} */
    UL,
    /** {@code {{h(w,v) : w in N(u)}}}: vertex {@code v} across the subgraphs of {@code u}'s neighbours */
    VL,
    /** {@code {{h(u,w) : w in V}}}: everything in subgraph {@code u} */
    UG,
    /** {@code {{h(w,v) : w in V}}}: vertex {@code v} in every subgraph */
    VG,
    /** {@code h(u,u)}: the root's own colour */
    UU,
    /** {@code h(v,v)}: {@code v}'s colour in its own subgraph */
    VV,
    /** {@code h(v,u)}: the transposed pair */
    VU,
    /** {@code {{(h(u,w), h(w,v)) : w in N(v)}}}: localized 2-FWL */
    FWL_NV,
    /** {@code {{(h(u,w), h(w,v)) : w in N(u) or N(v)}}}: symmetrized localized 2-FWL */
    FWL_NUV,
    /** {@code {{(h(u,w), h(w,v)) : w in V}}}: 2-FWL */
    FWL_ALL
}
