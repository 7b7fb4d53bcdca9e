package org.nas4j.spaces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.IntFunction;
import org.nas4j.core.space.SearchSpace;
import org.nas4j.core.supernet.Supernet;
import org.nas4j.core.util.UserException;
import org.nas4j.spaces.nasnet.NasnetConfig;
import org.nas4j.spaces.nasnet.NasnetSpace;
import org.nas4j.spaces.nasnet.NasnetSupernet;
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
    private static final Map<String, NasnetConfig> NASNET = new LinkedHashMap<>();

    static {
        ofa(OfaMbv3Config.FMNIST, "OFA MobileNetV3 for 28x28 grayscale (Fashion-MNIST)");
        ofa(OfaMbv3Config.CIFAR10, "OFA MobileNetV3 for 32x32 RGB (CIFAR-10)");
        nb201(Nb201Config.FMNIST, "NAS-Bench-201 cell for 28x28 grayscale (Fashion-MNIST)");
        nb201(Nb201Config.CIFAR10, "NAS-Bench-201 cell for 32x32 RGB (CIFAR-10)");
        nasnet(NasnetConfig.FMNIST, "NASNet normal + reduction cells for 28x28 grayscale (Fashion-MNIST)");
        nasnet(NasnetConfig.CIFAR10, "NASNet normal + reduction cells for 32x32 RGB (CIFAR-10)");
    }

    private static void nb201(Nb201Config c, String description) {
        ENTRIES.put(c.name(), new Entry(c.name(), description, Nb201Space.of(c.name()),
                new long[] {c.channels(), c.inputSize(), c.inputSize()}, n -> new Nb201Supernet(c, n)));
    }

    private static void nasnet(NasnetConfig c, String description) {
        NASNET.put(c.name(), c);
        ENTRIES.put(c.name(), nasnetEntry(c, description + String.format(Locale.ROOT,
                "; N=%d cells per stage, F=%d filters by default, change with '%s:cells=N,filters=F,drop-path=P'",
                c.cellsPerStage(), c.filters(), c.name())));
    }

    private static Entry nasnetEntry(NasnetConfig c, String description) {
        return new Entry(c.name(), description, NasnetSpace.of(c.name()),
                new long[] {c.channels(), c.inputSize(), c.inputSize()}, n -> new NasnetSupernet(c, n));
    }

    /** A registered NASNet space with other N, F or ScheduledDropPath: the same cells, stacked otherwise. */
    private static Entry nasnetVariant(String name, NasnetConfig base, String options) {
        int cells = base.cellsPerStage();
        int filters = base.filters();
        float drop = base.dropPath();
        for (String option : options.split(",")) {
            String[] kv = option.split("=", 2);
            try {
                switch (kv[0].trim()) {
                    case "cells" -> cells = Integer.parseInt(kv[1].trim());
                    case "filters" -> filters = Integer.parseInt(kv[1].trim());
                    case "drop-path" -> drop = Float.parseFloat(kv[1].trim());
                    default -> throw new UserException("space '" + name + "': unknown option '" + kv[0].trim()
                            + "'; use cells=N, filters=F, drop-path=P");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new UserException("space '" + name + "': option '" + option + "' needs a number, e.g. cells=2");
            }
        }
        if (cells < 1 || filters < 1 || drop < 0 || drop >= 1) {
            throw new UserException("space '" + name + "': need cells >= 1, filters >= 1 and 0 <= drop-path < 1");
        }
        NasnetConfig c = new NasnetConfig(name, base.channels(), base.inputSize(), filters, cells, drop);
        return nasnetEntry(c, "NASNet cells stacked with N=" + cells + ", F=" + filters + ", drop path " + drop);
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
        int colon = name.indexOf(':');
        if (colon > 0 && ENTRIES.containsKey(name.substring(0, colon))) {
            NasnetConfig base = NASNET.get(name.substring(0, colon));
            if (base == null) {
                throw new UserException("space '" + name.substring(0, colon) + "' takes no options (after ':')");
            }
            return nasnetVariant(name, base, name.substring(colon + 1));
        }
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new UserException(
                    "unknown space '" + name + "'; registered spaces: " + String.join(", ", ENTRIES.keySet())
                            + " (see 'nas4j spaces')");
        }
        return e;
    }
}
