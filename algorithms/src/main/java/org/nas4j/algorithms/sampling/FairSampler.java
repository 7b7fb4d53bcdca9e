package org.nas4j.algorithms.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;

/**
 * FairNAS's strict fairness (Chu et al., 2021): each step trains m children, m the largest number
 * of choices of any dimension, built from a fresh random permutation of every dimension's choices,
 * so every choice of every dimension is trained exactly once per step (a dimension with fewer
 * choices cycles through its permutation); their gradients are accumulated into one update, all
 * learning from the labels. A step costs m forward/backward passes.
 */
public final class FairSampler implements ArchSampler {

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        int m = space.dimensions().stream().mapToInt(Dimension::size).max().orElse(1);
        Map<String, List<String>> permutations = new LinkedHashMap<>();
        for (Dimension d : space.dimensions()) {
            List<String> p = new ArrayList<>(d.choices());
            for (int i = p.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                p.set(j, p.set(i, p.get(j)));
            }
            permutations.put(d.name(), p);
        }
        List<org.nas4j.core.space.Arch> children = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            Map<String, String> values = new LinkedHashMap<>();
            int child = k;
            permutations.forEach((name, p) -> values.put(name, p.get(child % p.size())));
            children.add(space.of(values));
        }
        return new StepPlan(children, false);
    }
}
