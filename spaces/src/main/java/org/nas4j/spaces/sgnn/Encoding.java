package org.nas4j.spaces.sgnn;

/** How a subgraph GNN tells the root apart, or whether it has subgraphs at all. */
public enum Encoding {
    /** no subgraphs: a message-passing network on the vertices (GIN-like), bounded by 1-WL */
    NONE("none"),
    /** node marking: whether the vertex is the subgraph's root */
    MARK("mark"),
    /** distance encoding: the shortest-path distance from the root, the official models' choice */
    DIST("dist");

    private final String id;

    Encoding(String id) {
        this.id = id;
    }

    /** @return the name in arch strings */
    public String id() {
        return id;
    }
}
