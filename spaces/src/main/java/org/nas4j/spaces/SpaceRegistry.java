package org.nas4j.spaces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.nb201.Nb201Config;
import org.nas4j.spaces.nb201.Nb201Space;
import org.nas4j.spaces.nb201.Nb201Supernet;
import org.nas4j.spaces.ofa.OfaMbv3Config;
import org.nas4j.spaces.ofa.OfaMbv3Space;
import org.nas4j.spaces.ofa.OfaMbv3Supernet;

/** The registered search spaces, by name: the one front door to build a supernet. */
public final class SpaceRegistry {

    /**
     * A registered space.
     *
     * @param name its name
     * @param description one line for listings
     * @param space its search space
     * @param inputShape the image shape it takes {@code (C, H, W)}
     * @param factory builds a supernet for a number of classes
     */
    public record Entry(
            String name,
            String description,
            SearchSpace space,
            long[] inputShape,
            IntFunction<Supernet> factory) {

        /**
         * @param numClasses classifier outputs
         * @return a new, uninitialized supernet
         */
        public Supernet newSupernet(int numClasses) {
            return factory.apply(numClasses);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ofa(OfaMbv3Config.FMNIST, "OFA MobileNetV3 for 28x28 grayscale (Fashion-MNIST)");
        ofa(OfaMbv3Config.CIFAR10, "OFA MobileNetV3 for 32x32 RGB (CIFAR-10)");
        nb201(Nb201Config.FMNIST, "NAS-Bench-201 cell for 28x28 grayscale (Fashion-MNIST)");
        nb201(Nb201Config.CIFAR10, "NAS-Bench-201 cell for 32x32 RGB (CIFAR-10)");
    }

    private static void nb201(Nb201Config c, String description) {
        ENTRIES.put(c.name(), new Entry(c.name(), description, Nb201Space.of(c.name()),
                new long[] {c.channels(), c.inputSize(), c.inputSize()}, n -> new Nb201Supernet(c, n)));
    }

    private SpaceRegistry() {}

    private static void ofa(OfaMbv3Config c, String description) {
        ENTRIES.put(
                c.name(),
                new Entry(
                        c.name(),
                        description,
                        OfaMbv3Space.of(c),
                        new long[] {c.channels(), c.inputSize(), c.inputSize()},
                        n -> new OfaMbv3Supernet(c, n)));
    }

    /** @return every registered space, in registration order */
    public static List<Entry> all() {
        return List.copyOf(ENTRIES.values());
    }

    /**
     * @param name a space name
     * @return its entry
     * @throws UserException naming the registered spaces if there is none of that name
     */
    public static Entry get(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new UserException(
                    "unknown space '" + name + "'; registered spaces: " + String.join(", ", ENTRIES.keySet())
                            + " (see 'nas4j spaces')");
        }
        return e;
    }
}
