package org.nas4j.spaces.transformer;

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
 * The search space of the elastic Transformer. Dimensions: {@code embed}, {@code enc.d} and {@code
 * dec.d} (depths) and, for layer L of each stack, {@code enc.L.ffn}, {@code enc.L.heads} (and the
 * same under {@code dec.}), active when the stack is at least L deep.
 *
 * <p>Arch strings give the embedding width and each stack's layers as {@code <ffn>h<heads>}, e.g.
 * {@code e96_enc:256h4,128h2_dec:512h4}: the depth is the number of layers listed.
 */
public final class TransformerSpace {

    private static final Pattern LAYER = Pattern.compile("(\\d+)h(\\d+)");
    static final String[] STACKS = {"enc", "dec"};

    private TransformerSpace() {}

    /** @return the space of a supernet of this shape */
    public static SearchSpace of(TransformerConfig c) {
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.integer("embed", ints(c.embeds())));
        for (String stack : STACKS) {
            dims.add(Dimension.integer(depth(stack), ints(c.depths())));
        }
        for (String stack : STACKS) {
            for (int l = 1; l <= c.maxDepth(); l++) {
                dims.add(Dimension.integer(ffn(stack, l), ints(c.ffns())).activeWhen(depth(stack), l));
                dims.add(Dimension.integer(heads(stack, l), ints(c.heads())).activeWhen(depth(stack), l));
            }
        }
        return new SearchSpace(c.name(), dims, new Notation());
    }

    static String depth(String stack) {
        return stack + ".d";
    }

    static String ffn(String stack, int layer) {
        return stack + "." + layer + ".ffn";
    }

    static String heads(String stack, int layer) {
        return stack + "." + layer + ".heads";
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code e96_enc:256h4,128h2_dec:512h4}. */
    private record Notation() implements ArchNotation {

        @Override
        public String format(SearchSpace space, Map<String, String> v) {
            StringJoiner arch = new StringJoiner("_");
            arch.add("e" + v.get("embed"));
            for (String stack : STACKS) {
                StringJoiner layers = new StringJoiner(",");
                for (int l = 1; l <= Integer.parseInt(v.get(depth(stack))); l++) {
                    layers.add(v.get(ffn(stack, l)) + "h" + v.get(heads(stack, l)));
                }
                arch.add(stack + ":" + layers);
            }
            return arch.toString();
        }

        @Override
        public Map<String, String> parse(SearchSpace space, String text) {
            String example = space.smallest().id();
            String[] parts = text.split("_", -1);
            if (parts.length != 3 || !parts[0].matches("e\\d+")) {
                throw new InvalidArchException("arch '" + text + "' is not of the form e<embed>_enc:<layers>_dec:<layers>, e.g. "
                        + example);
            }
            Map<String, String> v = new LinkedHashMap<>();
            v.put("embed", parts[0].substring(1));
            for (int s = 0; s < STACKS.length; s++) {
                String prefix = STACKS[s] + ":";
                if (!parts[s + 1].startsWith(prefix)) {
                    throw new InvalidArchException("arch '" + text + "': part " + (s + 2) + " must start with '" + prefix
                            + "', e.g. " + example);
                }
                String[] layers = parts[s + 1].substring(prefix.length()).split(",", -1);
                v.put(depth(STACKS[s]), Integer.toString(layers.length));
                for (int l = 1; l <= layers.length; l++) {
                    Matcher m = LAYER.matcher(layers[l - 1]);
                    if (!m.matches()) {
                        throw new InvalidArchException("arch '" + text + "': layer '" + layers[l - 1] + "' is not <ffn>h<heads>, e.g. 256h4");
                    }
                    v.put(ffn(STACKS[s], l), m.group(1));
                    v.put(heads(STACKS[s], l), m.group(2));
                }
            }
            return v;
        }
    }
}
