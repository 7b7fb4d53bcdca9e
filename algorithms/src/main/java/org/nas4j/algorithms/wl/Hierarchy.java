package org.nas4j.algorithms.wl;

import static org.nas4j.algorithms.wl.RefinementTest.FWL2;
import static org.nas4j.algorithms.wl.RefinementTest.GDWL;
import static org.nas4j.algorithms.wl.RefinementTest.GSWL;
import static org.nas4j.algorithms.wl.RefinementTest.LFWL2;
import static org.nas4j.algorithms.wl.RefinementTest.PSWL_SV;
import static org.nas4j.algorithms.wl.RefinementTest.PSWL_VS;
import static org.nas4j.algorithms.wl.RefinementTest.SLFWL2;
import static org.nas4j.algorithms.wl.RefinementTest.SSWL;
import static org.nas4j.algorithms.wl.RefinementTest.SWL_SV;
import static org.nas4j.algorithms.wl.RefinementTest.SWL_VS;
import static org.nas4j.algorithms.wl.RefinementTest.WL1;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nas4j.datasets.graph.Graph;

/**
 * The strict order of the SWL paper's figure (the official repository's {@code algorithm.png}): each
 * arrow says the first test is strictly weaker than the second. The figure draws no arrow between
 * SWL(SV) and PSWL(VS), nor between LFWL(2) and PSWL(SV), GSWL or SSWL, so those pairs are not ordered
 * here.
 */
public final class Hierarchy {

    /**
     * @param weaker the strictly weaker test
     * @param stronger the strictly stronger one
     */
    public record Arrow(RefinementTest weaker, RefinementTest stronger) {}

    /** The figure's arrows. */
    public static final List<Arrow> ARROWS = List.of(
            new Arrow(WL1, SWL_VS), new Arrow(SWL_VS, SWL_SV), new Arrow(SWL_SV, PSWL_SV), new Arrow(PSWL_SV, GSWL),
            new Arrow(GSWL, SSWL), new Arrow(SSWL, SLFWL2), new Arrow(SLFWL2, FWL2), new Arrow(SWL_VS, PSWL_VS),
            new Arrow(PSWL_VS, PSWL_SV), new Arrow(WL1, GDWL), new Arrow(GDWL, PSWL_VS), new Arrow(PSWL_VS, LFWL2),
            new Arrow(LFWL2, SLFWL2));

    private Hierarchy() {}

    /** @return every test that the figure places above {@code test}, through any chain of arrows */
    public static Set<RefinementTest> strongerThan(RefinementTest test) {
        Set<RefinementTest> above = EnumSet.noneOf(RefinementTest.class);
        Deque<RefinementTest> todo = new ArrayDeque<>(List.of(test));
        while (!todo.isEmpty()) {
            RefinementTest t = todo.pop();
            for (Arrow a : ARROWS) {
                if (a.weaker() == t && above.add(a.stronger())) {
                    todo.push(a.stronger());
                }
            }
        }
        return above;
    }

    /**
     * @param distinguished the tests that told one pair of graphs apart
     * @return every (weaker, stronger) pair of the order, direct or through a chain, where the weaker
     *         test told the graphs apart and the stronger did not: a contradiction of the figure
     */
    public static List<Arrow> contradictions(Set<RefinementTest> distinguished) {
        List<Arrow> wrong = new ArrayList<>();
        for (RefinementTest weak : distinguished) {
            for (RefinementTest strong : strongerThan(weak)) {
                if (!distinguished.contains(strong)) {
                    wrong.add(new Arrow(weak, strong));
                }
            }
        }
        return wrong;
    }

    /** @return the tests that tell {@code a} and {@code b} apart */
    public static Set<RefinementTest> distinguishing(Graph a, Graph b) {
        Set<RefinementTest> yes = EnumSet.noneOf(RefinementTest.class);
        for (RefinementTest t : RefinementTest.values()) {
            if (t.distinguishes(a, b)) {
                yes.add(t);
            }
        }
        return yes;
    }
}
