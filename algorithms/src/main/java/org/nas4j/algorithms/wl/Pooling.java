package org.nas4j.algorithms.wl;

/** How a stable pair colouring becomes a graph's colour. */
public enum Pooling {
    /** vertex then subgraph: a multiset of the rows {@code h(u, .)}, each a multiset */
    VS,
    /** subgraph then vertex: a multiset of the columns {@code h(., v)}, each a multiset */
    SV
}
