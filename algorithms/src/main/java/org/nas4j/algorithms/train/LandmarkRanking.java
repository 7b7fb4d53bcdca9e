package org.nas4j.algorithms.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.util.UserException;

/**
 * Landmark regularization (Yu, Ranftl and Salzmann, CVPR 2021): a few archs trained alone, whose
 * order the supernet is taught to keep. Each step draws one pair of landmarks of unequal accuracy
 * and adds {@code weight · max(0, loss(better) − loss(worse))} on the step's batch to the step's
 * loss, a hinge that is zero once the supernet orders the pair as training alone does. Drawing one
 * pair a step (not every pair) is the paper's way to keep the cost at two more passes a step.
 */
public final class LandmarkRanking {

    /**
     * One pair to order.
     *
     * @param better the landmark trained alone to the higher accuracy
     * @param worse the other
     */
    public record Pair(Arch better, Arch worse) {}

    private final List<Arch> archs = new ArrayList<>();
    private final List<Double> accuracies = new ArrayList<>();
    private final float weight;

    /**
     * @param space the space the landmarks belong to
     * @param accuracy each landmark's accuracy trained alone, by arch id
     * @param weight the hinge's weight against the task loss, above 0
     * @throws UserException if an arch is not of the space, or fewer than 2 accuracies differ
     */
    public LandmarkRanking(SearchSpace space, Map<String, Double> accuracy, float weight) {
        accuracy.forEach((id, acc) -> {
            archs.add(space.parse(id));
            accuracies.add(acc);
        });
        if (accuracies.stream().distinct().count() < 2) {
            throw new UserException("landmarks need at least 2 archs of different accuracy trained alone; got "
                    + accuracies.size() + ": train more with 'nas4j truth'");
        }
        if (!(weight > 0)) {
            throw new UserException("--landmark-weight must be > 0");
        }
        this.weight = weight;
    }

    /** @return the hinge's weight */
    public float weight() {
        return weight;
    }

    /** @return how many landmarks */
    public int size() {
        return archs.size();
    }

    /**
     * @param rng the draw's random source
     * @return two landmarks drawn uniformly among the pairs of unequal accuracy, ordered
     */
    public Pair draw(RandomGenerator rng) {
        while (true) {
            int i = rng.nextInt(archs.size());
            int j = rng.nextInt(archs.size());
            double a = accuracies.get(i);
            double b = accuracies.get(j);
            if (a != b) {
                return a > b ? new Pair(archs.get(i), archs.get(j)) : new Pair(archs.get(j), archs.get(i));
            }
        }
    }
}
