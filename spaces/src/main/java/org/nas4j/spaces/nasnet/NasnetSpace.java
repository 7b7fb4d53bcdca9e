package org.nas4j.spaces.nasnet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nas4j.core.space.Arch;
import org.nas4j.core.space.ArchNotation;
import org.nas4j.core.space.Dimension;
import org.nas4j.core.space.InvalidArchException;
import org.nas4j.core.space.SearchSpace;

/**
 * The NASNet cell space: a normal and a reduction cell of {@link #BLOCKS} blocks; each block picks
 * two inputs and one of the paper's 13 operations for each, and adds the results. Input 0 is the
 * cell two back, 1 the previous cell, {@code 2 + j} block j of this cell. Dimensions
 * {@code n3.in1}, {@code n3.op1}, {@code n3.in2}, {@code n3.op2} hold block 3 of the normal cell
 * ({@code r...} the reduction cell). Arch strings are the genotype, block by block, each
 * {@code op~input+op~input}: {@code N[sep_conv_3x3~1+identity~0|...]R[max_pool_3x3~0+sep_conv_7x7~1|...]}.
 */
public final class NasnetSpace {

    /** The operations of the NASNet paper, cheapest first. */
    public static final List<String> OPS = List.of("identity", "avg_pool_3x3", "max_pool_3x3", "max_pool_5x5",
            "max_pool_7x7", "conv_1x1", "conv_1x3_3x1", "conv_1x7_7x1", "dil_conv_3x3", "conv_3x3",
            "sep_conv_3x3", "sep_conv_5x5", "sep_conv_7x7");
    /** Blocks per cell. */
    public static final int BLOCKS = 5;
    /** The two cell types, as they prefix dimension names and open the genotype. */
    public static final List<String> CELLS = List.of("n", "r");

    private static final Pattern CELL = Pattern.compile("N\\[([^\\]]*)\\]R\\[([^\\]]*)\\]");
    private static final Pattern BLOCK = Pattern.compile("([a-z_0-9]+)~(\\d+)\\+([a-z_0-9]+)~(\\d+)");

    private NasnetSpace() {}

    /** @return whether {@code ops} are distinct operations of {@link #OPS}, at least one */
    public static boolean isOperationSet(List<String> ops) {
        return !ops.isEmpty() && OPS.containsAll(ops) && ops.stream().distinct().count() == ops.size();
    }

    /** @return the name of a block's dimension, e.g. {@code n3.op1} */
    public static String dim(String cell, int block, String field) {
        return cell + block + "." + field;
    }

    /**
     * @param name the registry name
     * @return the space of the paper's 13 operations
     */
    public static SearchSpace of(String name) {
        return of(name, OPS);
    }

    /**
     * @param name the registry name
     * @param ops the operations a block may choose, a subset of {@link #OPS}
     * @return the space
     */
    public static SearchSpace of(String name, List<String> ops) {
        List<Dimension> dims = new ArrayList<>();
        for (String cell : CELLS) {
            for (int b = 0; b < BLOCKS; b++) {
                String[] inputs = new String[b + 2];
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i] = Integer.toString(i);
                }
                for (String slot : new String[] {"1", "2"}) {
                    dims.add(Dimension.categorical(dim(cell, b, "in" + slot), inputs));
                    dims.add(Dimension.categorical(dim(cell, b, "op" + slot), ops.toArray(String[]::new)));
                }
            }
        }
        return new SearchSpace(name, dims, new Genotype());
    }

    /**
     * One block of a cell, as an arch fixes it.
     *
     * @param in1 the first input's state
     * @param op1 the first operation
     * @param in2 the second input's state
     * @param op2 the second operation
     */
    public record Block(int in1, String op1, int in2, String op2) {}

    /**
     * @param arch an arch of the space
     * @param cell {@code n} or {@code r}
     * @return the cell's blocks, in order
     */
    public static List<Block> blocks(Arch arch, String cell) {
        List<Block> out = new ArrayList<>();
        for (int b = 0; b < BLOCKS; b++) {
            out.add(new Block(Integer.parseInt(arch.get(dim(cell, b, "in1"))), arch.get(dim(cell, b, "op1")),
                    Integer.parseInt(arch.get(dim(cell, b, "in2"))), arch.get(dim(cell, b, "op2"))));
        }
        return out;
    }

    /** @return the states a cell concatenates into its output: the blocks no other block reads */
    public static List<Integer> unused(List<Block> blocks) {
        boolean[] read = new boolean[2 + blocks.size()];
        for (Block b : blocks) {
            read[b.in1()] = true;
            read[b.in2()] = true;
        }
        List<Integer> out = new ArrayList<>();
        for (int s = 2; s < read.length; s++) {
            if (!read[s]) {
                out.add(s);
            }
        }
        return out;
    }

    /** The genotype notation. */
    private static final class Genotype implements ArchNotation {

        @Override
        public String format(SearchSpace space, Map<String, String> v) {
            StringBuilder s = new StringBuilder();
            for (String cell : CELLS) {
                s.append(cell.toUpperCase(Locale.ROOT)).append('[');
                for (int b = 0; b < BLOCKS; b++) {
                    s.append(b > 0 ? "|" : "").append(v.get(dim(cell, b, "op1"))).append('~').append(v.get(dim(cell, b, "in1")))
                            .append('+').append(v.get(dim(cell, b, "op2"))).append('~').append(v.get(dim(cell, b, "in2")));
                }
                s.append(']');
            }
            return s.toString();
        }

        @Override
        public Map<String, String> parse(SearchSpace space, String text) {
            Matcher m = CELL.matcher(text);
            if (!m.matches()) {
                throw malformed(text, "it is not N[...]R[...]");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < CELLS.size(); c++) {
                String[] blocks = m.group(c + 1).split("\\|", -1);
                if (blocks.length != BLOCKS) {
                    throw malformed(text, CELLS.get(c).toUpperCase(Locale.ROOT) + " lists " + blocks.length
                            + " blocks, not " + BLOCKS);
                }
                for (int b = 0; b < BLOCKS; b++) {
                    Matcher bm = BLOCK.matcher(blocks[b]);
                    if (!bm.matches()) {
                        throw malformed(text, "block '" + blocks[b] + "' is not op~input+op~input");
                    }
                    values.put(dim(CELLS.get(c), b, "in1"), bm.group(2));
                    values.put(dim(CELLS.get(c), b, "op1"), bm.group(1));
                    values.put(dim(CELLS.get(c), b, "in2"), bm.group(4));
                    values.put(dim(CELLS.get(c), b, "op2"), bm.group(3));
                }
            }
            return values;
        }

        private static InvalidArchException malformed(String text, String why) {
            return new InvalidArchException("arch '" + text + "' is not a NASNet genotype "
                    + "N[op~in+op~in|... 5 blocks]R[... 5 blocks], inputs 0, 1 = the two previous cells, 2+j = block j ("
                    + why + ")");
        }
    }
}
