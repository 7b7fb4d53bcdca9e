package org.nas4j.algorithms.wl;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.nas4j.core.util.UserException;
import org.nas4j.datasets.graph.Graph;

/**
 * The graph-isomorphism tests of the SWL hierarchy (Zhang et al., ICML 2023), each an exact colour
 * refinement: 1-WL, GD-WL, the six subgraph WL classes (node marking; the aggregation sets of the
 * paper's official models), localized and symmetrized-localized 2-FWL, and 2-FWL. GSWL and SSWL pool
 * VS, as the official models do; the paper's figure gives them no VS/SV split.
 */
public enum RefinementTest {
    WL1("1wl", "1-WL"),
    GDWL("gdwl", "GD-WL"),
    SWL_VS("swl-vs", "SWL(VS)", Pooling.VS, Aggregation.UL),
    SWL_SV("swl-sv", "SWL(SV)", Pooling.SV, Aggregation.UL),
    PSWL_VS("pswl-vs", "PSWL(VS)", Pooling.VS, Aggregation.UL, Aggregation.VV),
    PSWL_SV("pswl-sv", "PSWL(SV)", Pooling.SV, Aggregation.UL, Aggregation.VV),
    GSWL("gswl", "GSWL", Pooling.VS, Aggregation.UL, Aggregation.VG),
    SSWL("sswl", "SSWL", Pooling.VS, Aggregation.UL, Aggregation.VL),
    LFWL2("lfwl2", "LFWL(2)", Pooling.VS, Aggregation.FWL_NV),
    SLFWL2("slfwl2", "SLFWL(2)", Pooling.VS, Aggregation.FWL_NUV),
    FWL2("fwl2", "2-FWL", Pooling.VS, Aggregation.FWL_ALL);

    private final String id;
    private final String label;
    private final Pooling pooling;
    private final EnumSet<Aggregation> aggregations;

    RefinementTest(String id, String label) {
        this(id, label, null);
    }

    RefinementTest(String id, String label, Pooling pooling, Aggregation... aggregations) {
        this.id = id;
        this.label = label;
        this.pooling = pooling;
        this.aggregations = aggregations.length == 0 ? EnumSet.noneOf(Aggregation.class) : EnumSet.copyOf(Arrays.asList(aggregations));
    }

    /** @return the name the CLI takes, e.g. {@code pswl-vs} */
    public String id() {
        return id;
    }

    /** @return the paper's name, e.g. {@code PSWL(VS)} */
    public String label() {
        return label;
    }

    /** @return whether the test tells {@code a} and {@code b} apart */
    public boolean distinguishes(Graph a, Graph b) {
        return switch (this) {
            case WL1 -> new VertexRefinement(false).distinguishes(a, b);
            case GDWL -> new VertexRefinement(true).distinguishes(a, b);
            default -> new PairRefinement(aggregations, pooling, isFolklore() ? PairRefinement.Start.ISOMORPHISM_TYPE
                    : PairRefinement.Start.MARKING).distinguishes(a, b);
        };
    }

    private boolean isFolklore() {
        return this == LFWL2 || this == SLFWL2 || this == FWL2;
    }

    /** @return the test with this {@link #id()} */
    public static RefinementTest byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElseThrow(() -> new UserException(
                "unknown test '" + id + "': use one of " + Arrays.stream(values()).map(RefinementTest::id).collect(Collectors.joining(", "))));
    }
}
