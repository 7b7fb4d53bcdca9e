package org.nas4j.spaces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.nas4j.core.nn.Mixture;
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
import org.nas4j.spaces.sgnn.SgnnConfig;
import org.nas4j.spaces.sgnn.SgnnSpace;
import org.nas4j.spaces.sgnn.SgnnSupernet;
import org.nas4j.spaces.transformer.TransformerConfig;
import org.nas4j.spaces.transformer.TransformerSpace;
import org.nas4j.spaces.transformer.TransformerSupernet;

/** The registered search spaces, by name: the one front door to build a supernet. */
public final class SpaceRegistry {

    /**
     * A registered space.
     *
     * @param name its name
     * @param description one line for listings
     * @param space its search space
     * @param inputShape the image shape it takes {@code (C, H, W)}; empty for words and graphs
     * @param factory builds a supernet for a number of classes (or tokens) and a weight mixture
     * @param routable whether its elastic layers can route their weights (Mixture-of-Supernets)
     * @param task what its networks do
     */
    public record Entry(
            String name,
            String description,
            SearchSpace space,
            long[] inputShape,
            Factory factory,
            boolean routable,
            Task task) {

        /** @return whether its networks translate words (token ids in, token logits out) */
        public boolean translates() {
            return task == Task.WORD_TRANSLATION;
        }

        /** @return whether its networks read graphs and predict a value per graph */
        public boolean readsGraphs() {
            return task == Task.GRAPH_REGRESSION;
        }

        /**
         * @param numClasses classifier outputs
         * @return a new, uninitialized supernet with plain weight sharing
         */
        public Supernet newSupernet(int numClasses) {
            return factory.make(numClasses, Mixture.NONE);
        }

        /**
         * @param numClasses classifier outputs
         * @param mixture how its elastic layers make their weights
         * @return a new, uninitialized supernet
         * @throws UserException if the space cannot route weights
         */
        public Supernet newSupernet(int numClasses, Mixture mixture) {
            if (mixture.routed() && !routable) {
                throw new UserException("space '" + name + "' has no elastic layers to route weights in; "
                        + "Mixture-of-Supernets works with " + String.join(", ", routableNames()));
            }
            return factory.make(numClasses, mixture);
        }
    }

    /** What a space's networks do. */
    public enum Task {
        /** Images in, class logits out. */
        IMAGE_CLASSIFICATION,
        /** Character ids of a word in, character logits of its translation out. */
        WORD_TRANSLATION,
        /** A batch of graphs in ({@code GraphBatch}), a value per graph out. */
        GRAPH_REGRESSION
    }

    /** Builds a supernet. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param numClasses classifier outputs
         * @param mixture how elastic layers make their weights (ignored by spaces that cannot route)
         * @return a new, uninitialized supernet
         */
        Supernet make(int numClasses, Mixture mixture);
    }

    private static List<String> routableNames() {
        return ENTRIES.values().stream().filter(Entry::routable).map(Entry::name).toList();
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, NasnetConfig> NASNET = new LinkedHashMap<>();
    private static final Map<String, Nb201Config> NB201 = new LinkedHashMap<>();
    private static final Map<String, OfaMbv3Config> OFA = new LinkedHashMap<>();

    static {
        ofa(OfaMbv3Config.FMNIST, "OFA MobileNetV3 for 28x28 grayscale (Fashion-MNIST)");
        ofa(OfaMbv3Config.CIFAR10, "OFA MobileNetV3 for 32x32 RGB (CIFAR-10)");
        nb201(Nb201Config.FMNIST, "NAS-Bench-201 cell for 28x28 grayscale (Fashion-MNIST)");
        nb201(Nb201Config.CIFAR10, "NAS-Bench-201 cell for 32x32 RGB (CIFAR-10)");
        nasnet(NasnetConfig.FMNIST, "NASNet normal + reduction cells for 28x28 grayscale (Fashion-MNIST)");
        nasnet(NasnetConfig.CIFAR10, "NASNet normal + reduction cells for 32x32 RGB (CIFAR-10)");
        transformer(TransformerConfig.FREEDICT, "elastic encoder-decoder Transformer (HAT-style) for character-level "
                + "word translation (FreeDict English-German)");
        sgnn(SgnnConfig.COUNT, "subgraph GNNs (SWL classes, 1-WL to SSWL) on unlabelled graphs: substructure counting"
                + " (--data triangles, tailed-triangles, 3-stars, 4-cycles, chordal-cycles)");
        sgnn(SgnnConfig.TPSA, "subgraph GNNs (SWL classes, 1-WL to SSWL) on molecules: element, charge, hydrogens,"
                + " aromaticity and bond order (--data tpsa: NCI molecules, or a SMILES,value file)");
    }

    private static void sgnn(SgnnConfig c, String description) {
        ENTRIES.put(c.name(), new Entry(c.name(), description, SgnnSpace.of(c), new long[0], (n, mix) -> new SgnnSupernet(c, n),
                false, Task.GRAPH_REGRESSION));
    }

    private static void transformer(TransformerConfig c, String description) {
        ENTRIES.put(c.name(), new Entry(c.name(), description, TransformerSpace.of(c), new long[0],
                (n, mix) -> new TransformerSupernet(c, n, mix), true, Task.WORD_TRANSLATION));
    }

    private static void nb201(Nb201Config c, String description) {
        NB201.put(c.name(), c);
        ENTRIES.put(c.name(), nb201Entry(c, description + "; change with '" + c.name()
                + ":width=W,cells=N,input=SIDE,affine=true|false,channels=C'"));
    }

    private static Entry nb201Entry(Nb201Config c, String description) {
        return new Entry(c.name(), description, Nb201Space.of(c.name()), new long[] {c.channels(), c.inputSize(), c.inputSize()},
                (n, mix) -> new Nb201Supernet(c, n), false, Task.IMAGE_CLASSIFICATION);
    }

    private static void nasnet(NasnetConfig c, String description) {
        NASNET.put(c.name(), c);
        ENTRIES.put(c.name(), nasnetEntry(c, description + String.format(Locale.ROOT,
                "; N=%d cells per stage, F=%d filters by default, change with"
                + " '%s:cells=N,filters=F,drop-path=P,input=SIDE,ops=OP+OP+...'",
                c.cellsPerStage(), c.filters(), c.name())));
    }

    private static Entry nasnetEntry(NasnetConfig c, String description) {
        return new Entry(c.name(), description, NasnetSpace.of(c.name(), c.ops()),
                new long[] {c.channels(), c.inputSize(), c.inputSize()}, (n, mix) -> new NasnetSupernet(c, n), false, Task.IMAGE_CLASSIFICATION);
    }

    /** A registered NASNet space with other N, F or ScheduledDropPath: the same cells, stacked otherwise. */
    private static Entry nasnetVariant(String name, NasnetConfig base, String options) {
        Map<String, String> o = options(name, options, List.of("cells", "filters", "drop-path", "input", "ops"), "cells=2");
        int cells = intOption(name, o, "cells", base.cellsPerStage());
        int filters = intOption(name, o, "filters", base.filters());
        int input = intOption(name, o, "input", base.inputSize());
        float drop = o.containsKey("drop-path") ? number(name, "drop-path", o.get("drop-path")).floatValue() : base.dropPath();
        if (cells < 1 || filters < 1 || drop < 0 || drop >= 1 || input < 8) {
            throw new UserException("space '" + name + "': need cells >= 1, filters >= 1, 0 <= drop-path < 1 and"
                    + " input >= 8");
        }
        List<String> ops = o.containsKey("ops") ? List.of(o.get("ops").split("\\+")) : base.ops();
        if (!NasnetSpace.isOperationSet(ops)) {
            throw new UserException("space '" + name + "': ops=" + o.get("ops") + " must join distinct NASNet operations with"
                    + " '+', e.g. ops=identity+max_pool_3x3+sep_conv_3x3; the operations: " + String.join(", ", NasnetSpace.OPS));
        }
        NasnetConfig c = new NasnetConfig(name, base.channels(), input, filters, cells, drop, ops);
        return nasnetEntry(c, String.format(Locale.ROOT, "NASNet cells stacked with N=%d, F=%d, drop path %s, %dx%d input,"
                + " operations %s", cells, filters, drop, input, input, String.join("+", ops)));
    }

    /** A registered NAS-Bench-201 space at another width, depth, input side or batch norm: the same cells. */
    private static Entry nb201Variant(String name, Nb201Config base, String options) {
        Map<String, String> o = options(name, options, List.of("width", "cells", "input", "affine", "channels"), "width=8");
        int channels = intOption(name, o, "channels", base.channels());
        int width = intOption(name, o, "width", base.width());
        int cells = intOption(name, o, "cells", base.cellsPerStage());
        int input = intOption(name, o, "input", base.inputSize());
        String affine = o.getOrDefault("affine", Boolean.toString(base.affine()));
        if (width < 1 || cells < 1 || input < 8 || input % 4 != 0 || !List.of("true", "false").contains(affine)
                || channels != 1 && channels != 3) {
            throw new UserException("space '" + name + "': need width >= 1, cells >= 1, input a multiple of 4 from 8,"
                    + " affine true or false and channels 1 or 3");
        }
        Nb201Config c = new Nb201Config(name, channels, input, width, cells, Boolean.parseBoolean(affine));
        return nb201Entry(c, String.format(Locale.ROOT, "NAS-Bench-201 cells, width %d, %d per stage, %dx%d input%s",
                width, cells, input, input, c.affine() ? "" : ", batch norm without scale and shift"));
    }

    /** Parses {@code key=value,...} after a space's name; every key must be one of {@code keys}. */
    private static Map<String, String> options(String name, String text, List<String> keys, String example) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String option : text.split(",")) {
            String[] kv = option.split("=", 2);
            String key = kv[0].trim();
            if (!keys.contains(key)) {
                throw new UserException("space '" + name + "': unknown option '" + key + "'; use "
                        + String.join(", ", keys.stream().map(k -> k + "=...").toList()));
            }
            if (kv.length < 2 || kv[1].isBlank()) {
                throw new UserException("space '" + name + "': option '" + option + "' needs a value, e.g. " + example);
            }
            out.put(key, kv[1].trim());
        }
        return out;
    }

    private static int intOption(String name, Map<String, String> options, String key, int fallback) {
        return options.containsKey(key) ? number(name, key, options.get(key)).intValue() : fallback;
    }

    private static Number number(String name, String key, String value) {
        try {
            return key.equals("drop-path") ? Float.parseFloat(value) : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UserException("space '" + name + "': option '" + key + "=" + value + "' needs a number, e.g. "
                    + key + "=2");
        }
    }

    private SpaceRegistry() {}

    private static void ofa(OfaMbv3Config c, String description) {
        OFA.put(c.name(), c);
        ENTRIES.put(c.name(), ofaEntry(c, description + "; for other images '" + c.name()
                + ":channels=C,resolution=R'"));
    }

    /** An OFA space for other images: the same network, its input channels and resolutions changed. */
    private static Entry ofaVariant(String name, OfaMbv3Config base, String options) {
        Map<String, String> o = options(name, options, List.of("channels", "resolution"), "channels=3,resolution=64");
        int channels = intOption(name, o, "channels", base.channels());
        int resolution = intOption(name, o, "resolution", base.inputSize());
        if (channels != 1 && channels != 3 || resolution < 16 || resolution % 4 != 0) {
            throw new UserException("space '" + name + "': need channels 1 or 3 and a resolution that is a multiple of"
                    + " 4 from 16");
        }
        OfaMbv3Config c = base.forInput(name, channels, resolution);
        return ofaEntry(c, String.format(Locale.ROOT, "OFA MobileNetV3 for %dx%d images with %d channel(s), resolutions %s",
                resolution, resolution, channels, c.resolutions()));
    }

    private static Entry ofaEntry(OfaMbv3Config c, String description) {
        return new Entry(
                        c.name(),
                        description,
                        OfaMbv3Space.of(c),
                        new long[] {c.channels(), c.inputSize(), c.inputSize()},
                        (n, mix) -> new OfaMbv3Supernet(c, n, mix),
                        true,
                        Task.IMAGE_CLASSIFICATION);
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
            String family = name.substring(0, colon);
            String options = name.substring(colon + 1);
            if (NASNET.containsKey(family)) {
                return nasnetVariant(name, NASNET.get(family), options);
            }
            if (NB201.containsKey(family)) {
                return nb201Variant(name, NB201.get(family), options);
            }
            if (OFA.containsKey(family)) {
                return ofaVariant(name, OFA.get(family), options);
            }
            throw new UserException("space '" + family + "' takes no options (after ':')");
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
