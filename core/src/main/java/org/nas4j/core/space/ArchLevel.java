package org.nas4j.core.space;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * An ordered property that every arch of a space has before it is trained, such as a subgraph
 * GNN's expressiveness class: searches can be limited by it ({@code class>=pswl}) and fronts show
 * it beside each member.
 *
 * @param name how constraints and files name it, e.g. {@code class}
 * @param levels the names of its levels, lowest first, e.g. {@code 1wl, swl, pswl, gswl, sswl}
 * @param level an arch's level, an index into {@code levels}
 * @param label an arch's value as a person reads it, e.g. {@code PSWL(VS)}
 */
public record ArchLevel(String name, List<String> levels, ToIntFunction<Arch> level, Function<Arch, String> label) {

    /** Copies the list. */
    public ArchLevel {
        levels = List.copyOf(levels);
    }
}
