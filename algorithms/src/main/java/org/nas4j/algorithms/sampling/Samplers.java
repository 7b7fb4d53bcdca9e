package org.nas4j.algorithms.sampling;

import java.util.List;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.util.UserException;

/** The samplers by CLI name. */
public final class Samplers {

    /** Every sampler's name. */
    public static final List<String> NAMES = List.of("uniform", "distinct", "fair", "sandwich", "sandwich-labels");

    private Samplers() {}

    /**
     * @param name {@code uniform}, {@code distinct}, {@code fair}, {@code sandwich} or {@code sandwich-labels}
     * @param randomChildren random children per sandwich step
     * @return the sampler
     */
    public static ArchSampler byName(String name, int randomChildren) {
        return switch (name) {
            case "uniform" -> new UniformSampler();
            case "fair" -> new FairSampler();
            case "distinct" -> new DistinctSampler();
            case "sandwich" -> new SandwichSampler(randomChildren);
            case "sandwich-labels" -> new SandwichSampler(randomChildren, false);
            default -> throw new UserException(unknown(name));
        };
    }

    /** @return the line that rejects a sampler name */
    public static String unknown(String name) {
        return "unknown sampler '" + name + "'; choose " + String.join(", ", NAMES);
    }
}
