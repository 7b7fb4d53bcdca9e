package org.nas4j.algorithms.wl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nas4j.datasets.graph.Graph;
import org.nas4j.spaces.sgnn.SubgraphOp;
import org.nas4j.spaces.sgnn.SwlClass;

/**
 * The sgnn space's class map against exact colour refinement: every set of aggregations (uL plus any
 * of the six others) and either pooling, started from node marking or from distance encoding, tells
 * apart exactly the pairs that its class's canonical test tells apart, on the Fürer pairs that
 * separate the classes.
 */
class SwlClassTest {

    private static final Map<SwlClass, RefinementTest> CANONICAL = Map.of(SwlClass.SWL_VS, RefinementTest.SWL_VS,
            SwlClass.SWL_SV, RefinementTest.SWL_SV, SwlClass.PSWL_VS, RefinementTest.PSWL_VS, SwlClass.PSWL_SV,
            RefinementTest.PSWL_SV, SwlClass.GSWL, RefinementTest.GSWL, SwlClass.SSWL, RefinementTest.SSWL);

    @Test
    void everyAggregationSetRefinesLikeItsClass() throws IOException {
        List<Graph[]> pairs = new ArrayList<>();
        ColourRefinementTest.furerPairs().values().forEach(p -> pairs.add(new Graph[] {p.plain(), p.twisted()}));
        SubgraphOp[] ops = SubgraphOp.values();
        for (int mask = 0; mask < 1 << ops.length; mask++) {
            Set<SubgraphOp> chosen = EnumSet.noneOf(SubgraphOp.class);
            Set<Aggregation> aggregations = EnumSet.of(Aggregation.UL);
            for (int i = 0; i < ops.length; i++) {
                if ((mask >> i & 1) == 1) {
                    chosen.add(ops[i]);
                    aggregations.add(Aggregation.valueOf(ops[i].name()));
                }
            }
            for (Pooling pooling : Pooling.values()) {
                RefinementTest expected = CANONICAL.get(SwlClass.of(chosen, pooling == Pooling.SV));
                for (PairRefinement.Start start : List.of(PairRefinement.Start.MARKING, PairRefinement.Start.DISTANCE)) {
                    PairRefinement design = new PairRefinement(aggregations, pooling, start);
                    for (Graph[] p : pairs) {
                        assertEquals(expected.distinguishes(p[0], p[1]), design.distinguishes(p[0], p[1]),
                                chosen + " " + pooling + " " + start + " against " + expected.label() + " on " + p[0]);
                    }
                }
            }
        }
    }
}
