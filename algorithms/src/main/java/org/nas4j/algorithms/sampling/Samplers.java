package org.nas4j.algorithms.sampling;

import java.util.List;
import java.util.function.ToLongFunction;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.train.ArchSampler;
import org.nas4j.core.util.Seeds;
import org.nas4j.core.util.UserException;

/** The samplers by CLI name. */
public final class Samplers {

    /** Every sampler's name. */
    public static final List<String> NAMES = List.of("uniform", "distinct", "fair", "sandwich", "sandwich-labels",
            "attentive", "attentive-worst", "shiftnas", "shiftnas-bins",
            "shiftnas-smallest", "shiftnas-bins-smallest");

    /** Candidates per attentive child (AttentiveNAS's released config: BestUp-3). */
    static final int ATTENTIVE_CANDIDATES = 3;

    private Samplers() {}

    /**
     * @param name one of {@link #NAMES}
     * @param randomChildren random children per sandwich step (attentive ones for {@code attentive}); {@code
     *     shiftnas} and {@code shiftnas-bins} draw as many children per step as the sandwich rule trains (this
     *     plus 2); their {@code -smallest} variants this plus 1, beside the smallest child
     * @param net the supernet trained (the complexity-aware samplers bin children by its MACs; ShiftNAS's
     *     generator gates it)
     * @param seed the run's seed (the generator's initial weights)
     * @return the sampler
     */
    public static ArchSampler byName(String name, int randomChildren, Supernet net, long seed) {
        ToLongFunction<Arch> macs = a -> net.cost(a).macs();
        return switch (name) {
            case "uniform" -> new UniformSampler();
            case "fair" -> new FairSampler();
            case "distinct" -> new DistinctSampler();
            case "sandwich" -> new SandwichSampler(randomChildren);
            case "sandwich-labels" -> new SandwichSampler(randomChildren, false);
            case "attentive" -> new AttentiveSampler(randomChildren, ATTENTIVE_CANDIDATES, AttentiveSampler.Keep.BEST, macs);
            case "attentive-worst" -> new AttentiveSampler(randomChildren, ATTENTIVE_CANDIDATES, AttentiveSampler.Keep.WORST,
                    macs);
            case "shiftnas", "shiftnas-smallest" -> {
                if (!net.gateable()) {
                    throw new UserException("--sampler " + name + " trains a generator through the choices of elastic "
                            + "blocks, which space " + net.space().name() + " has not; use " + name.replace("shiftnas",
                            "shiftnas-bins") + " (no generator) or another sampler");
                }
                boolean smallest = name.equals("shiftnas-smallest");
                ArchitectureGenerator generator = new ArchitectureGenerator(net.space(), macs,
                        ArchitectureGenerator.Settings.DEFAULT, Seeds.derive(seed, "generator", 0));
                yield new ShiftSampler(randomChildren + (smallest ? 1 : 2), macs, ShiftSampler.Schedule.DEFAULT, generator,
                        smallest);
            }
            case "shiftnas-bins" -> new ShiftSampler(randomChildren + 2, macs, ShiftSampler.Schedule.DEFAULT);
            case "shiftnas-bins-smallest" -> new ShiftSampler(randomChildren + 1, macs, ShiftSampler.Schedule.DEFAULT,
                    null, true);
            default -> throw new UserException(unknown(name));
        };
    }

    /** @return the line that rejects a sampler name */
    public static String unknown(String name) {
        return "unknown sampler '" + name + "'; choose " + String.join(", ", NAMES);
    }
}
