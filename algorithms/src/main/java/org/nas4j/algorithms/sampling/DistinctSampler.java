package org.nas4j.algorithms.sampling;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.train.StepPlan;
import org.nas4j.core.util.UserException;

/**
 * De-isomorphic sampling (Ning et al., 2021, "Evaluating Efficient Performance Estimators of Neural
 * Architectures"): one child per step, drawn uniformly among the classes of isomorphic archs rather
 * than among arch strings, so a cell computed by many strings (e.g. one with dead or zero edges) is
 * trained no more often than any other; the truth draws its cells the same way. It learns from the
 * labels.
 */
public final class DistinctSampler implements ArchSampler {

    private SearchSpace cachedFor;
    private List<Arch> classes;

    @Override
    public StepPlan plan(SearchSpace space, RandomGenerator rng) {
        if (space != cachedFor) {
            classes = space.isomorphismClasses().orElseThrow(() -> new UserException("sampler 'distinct' needs a space"
                    + " whose isomorphic archs it can enumerate (nb201 spaces); use --sampler uniform for " + space.name()));
            cachedFor = space;
        }
        return new StepPlan(List.of(classes.get(rng.nextInt(classes.size()))), false);
    }
}
