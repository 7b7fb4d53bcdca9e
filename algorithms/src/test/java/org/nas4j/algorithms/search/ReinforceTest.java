package org.nas4j.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;

class ReinforceTest {

    private static final SearchSpace SPACE = new SearchSpace("toy", List.of(
            Dimension.categorical("op", "a", "b", "c", "d"),
            Dimension.categorical("in", "0", "1", "2")), ArchNotation.KEY_VALUE);

    private static double probabilityOf(LstmController controller, String op, String in) {
        try (NDManager step = controller.manager().newSubManager()) {
            Arch arch = SPACE.of(Map.of("op", op, "in", in));
            return Math.exp(controller.logProbabilityAndEntropy(List.of(arch), step).getFloat(0, 0));
        }
    }

    /** Reward 1 for op "c" and 0 otherwise: the controller learns to emit "c". */
    @Test
    void probabilityOfTheRewardedTokenRises() {
        SplittableRandom rng = new SplittableRandom(3);
        try (LstmController controller = new LstmController(SPACE, 16, rng)) {
            double before = 0;
            for (String in : List.of("0", "1", "2")) {
                before += probabilityOf(controller, "c", in);
            }
            assertEquals(0.25, before, 0.05, "a fresh controller is near uniform");
            ReinforceSearch.Policy policy = new ReinforceSearch.Policy(controller, 0.05f, 0.9, 0f);
            for (int i = 0; i < 40; i++) {
                List<Arch> archs;
                try (NDManager step = controller.manager().newSubManager()) {
                    archs = controller.sample(8, rng, step);
                }
                policy.update(archs, archs.stream().map(a -> a.get("op").equals("c") ? 1.0 : 0.0).toList());
            }
            double after = 0;
            for (String in : List.of("0", "1", "2")) {
                after += probabilityOf(controller, "c", in);
            }
            assertTrue(after > 0.8, "p(op = c) " + before + " -> " + after);
        }
    }

    /** Sampling and the log-probability agree: a distribution's probabilities sum to one. */
    @Test
    void probabilitiesOfAllArchsSumToOne() {
        try (LstmController controller = new LstmController(SPACE, 8, new SplittableRandom(1))) {
            double total = 0;
            for (String op : List.of("a", "b", "c", "d")) {
                for (String in : List.of("0", "1", "2")) {
                    total += probabilityOf(controller, op, in);
                }
            }
            assertEquals(1.0, total, 1e-4);
        }
    }
}
