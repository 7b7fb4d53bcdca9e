package org.nas4j.spaces.ofa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;

/**
 * The search space of an OFA-MobileNetV3 supernet. Dimensions: {@code r} (resolution), {@code
 * sI.d} (depth of stage I) and, for block J of stage I, {@code sI.bJ.k} (kernel) and {@code
 * sI.bJ.e} (expand ratio), active when the stage is at least J deep.
 *
 * <p>Arch strings list the resolution and then each stage's running blocks, e.g. {@code
 * r28_s1:k3e4,k5e6_s2:k7e6,k3e3,k5e4_...}: the depth is the number of blocks listed.
 */
public final class OfaMbv3Space {

    private static final Pattern BLOCK = Pattern.compile("k(\\d+)e(\\d+)");

    private OfaMbv3Space() {}

    /**
     * @param c the supernet's shape
     * @return its search space
     */
    public static SearchSpace of(OfaMbv3Config c) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.integer("r", ints(c.resolutions())));
        for (int s = 1; s <= c.stages().size(); s++) {
            dims.add(Dimension.integer(depth(s), ints(c.depths())));
        }
        for (int s = 1; s <= c.stages().size(); s++) {
            for (int b = 1; b <= c.maxDepth(); b++) {
                dims.add(Dimension.integer(kernel(s, b), ints(c.kernels())).activeWhen(depth(s), b));
                dims.add(Dimension.integer(expand(s, b), ints(c.expands())).activeWhen(depth(s), b));
            }
        }
        return new SearchSpace(c.name(), dims, new Notation(c.stages().size()));
    }

    static String depth(int stage) {
        return "s" + stage + ".d";
    }

    static String kernel(int stage, int block) {
        return "s" + stage + ".b" + block + ".k";
    }

    static String expand(int stage, int block) {
        return "s" + stage + ".b" + block + ".e";
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code r28_s1:k3e4,k5e6_s2:...}. */
    private record Notation(int stages) implements ArchNotation {

        @Override
        public String format(SearchSpace space, Map<String, String> v) {
            StringJoiner arch = new StringJoiner("_");
            arch.add("r" + v.get("r"));
            for (int s = 1; s <= stages; s++) {
                StringJoiner blocks = new StringJoiner(",");
                int d = Integer.parseInt(v.get(depth(s)));
                for (int b = 1; b <= d; b++) {
                    blocks.add("k" + v.get(kernel(s, b)) + "e" + v.get(expand(s, b)));
                }
                arch.add("s" + s + ":" + blocks);
            }
            return arch.toString();
        }

        @Override
        public Map<String, String> parse(SearchSpace space, String text) {
            String[] parts = text.split("_", -1);
            String example = space.smallest().id();
            if (parts.length != stages + 1 || !parts[0].matches("r\\d+")) {
                throw new InvalidArchException(
                        "arch '" + text + "' is not of the form r<res>_s1:<blocks>_..._s" + stages
                                + ":<blocks>, e.g. " + example);
            }
            Map<String, String> v = new LinkedHashMap<>();
            v.put("r", parts[0].substring(1));
            for (int s = 1; s <= stages; s++) {
                String prefix = "s" + s + ":";
                if (!parts[s].startsWith(prefix)) {
                    throw new InvalidArchException(
                            "arch '" + text + "': part " + (s + 1) + " must start with '" + prefix
                                    + "', e.g. " + example);
                }
                String[] blocks = parts[s].substring(prefix.length()).split(",", -1);
                if (!space.dimension(depth(s)).allows(Integer.toString(blocks.length))) {
                    throw new InvalidArchException(
                            "arch '" + text + "' is outside space " + space.name() + ": stage " + s
                                    + " lists " + blocks.length + " blocks; allowed depths are "
                                    + space.dimension(depth(s)).choices());
                }
                v.put(depth(s), Integer.toString(blocks.length));
                for (int b = 1; b <= blocks.length; b++) {
                    Matcher m = BLOCK.matcher(blocks[b - 1]);
                    if (!m.matches()) {
                        throw new InvalidArchException(
                                "arch '" + text + "': block '" + blocks[b - 1] + "' of stage " + s
                                        + " is not k<kernel>e<expand>, e.g. k3e4");
                    }
                    v.put(kernel(s, b), m.group(1));
                    v.put(expand(s, b), m.group(2));
                }
            }
            return v;
        }
    }
}
