package org.nas4j.algorithms.sampling;

import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.util.UserException;

/** The samplers by CLI name. */
public final class Samplers {

    private Samplers() {}

    /**
     * @param name {@code uniform}, {@code fair}, {@code sandwich} or {@code sandwich-labels}
     * @param randomChildren random children per sandwich step
     * @return the sampler
     */
    public static ArchSampler byName(String name, int randomChildren) {
        return switch (name) {
            case "uniform" -> new UniformSampler();
            case "fair" -> new FairSampler();
            case "sandwich" -> new SandwichSampler(randomChildren);
            case "sandwich-labels" -> new SandwichSampler(randomChildren, false);
            default -> throw new UserException("unknown sampler '" + name + "'; choose uniform, fair, sandwich or sandwich-labels");
        };
    }
}
