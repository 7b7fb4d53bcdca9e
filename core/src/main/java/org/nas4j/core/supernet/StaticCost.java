package org.nas4j.core.supernet;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import org.nas4j.core.nn.Cell;
import org.nas4j.core.nn.CellStack;
import org.nas4j.core.nn.ChannelGate;
import org.nas4j.core.nn.Residual;

/**
 * Counts the cost of an initialized static network by walking its DJL blocks: the check that a
 * space's analytic {@link Supernet#cost} describes what {@code extract} builds.
 */
public final class StaticCost {

    private StaticCost() {}

    /**
     * @param block an initialized network of sequential, parallel, convolution, linear and
     *     parameter-free blocks
     * @param input its input shape with batch 1
     * @return MACs per image and learnable parameters
     */
    public static Cost count(Block block, Shape input) {
        long params = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                params += p.getArray().getShape().size();
            }
        }
        return new Cost(macs(block, input), params);
    }

    private static long macs(Block block, Shape in) {
        if (block instanceof SequentialBlock) {
            long total = 0;
            Shape s = in;
            for (Block child : block.getChildren().values()) {
                total += macs(child, s);
                s = child.getOutputShapes(new Shape[] {s})[0];
            }
            return total;
        }
        if (block instanceof ParallelBlock) {
            long total = 0;
            for (Block child : block.getChildren().values()) {
                total += macs(child, in);
            }
            return total;
        }
        if (block instanceof Residual r) {
            return macs(r.body(), in) + (r.shortcut() == null ? 0 : macs(r.shortcut(), in));
        }
        if (block instanceof Cell c) {
            long total = 0;
            for (Cell.Edge e : c.edges()) {
                total += macs(e.op(), in);
            }
            return total;
        }
        if (block instanceof CellStack c) {
            long[] total = {0};
            c.shapes(in, (op, input) -> total[0] += macs(op, input));
            return total[0];
        }
        if (block instanceof ChannelGate g) {
            return macs(g.gate(), in);
        }
        if (block instanceof Convolution) {
            Shape out = block.getOutputShapes(new Shape[] {in})[0];
            Shape w = block.getParameters().get("weight").getArray().getShape();
            return out.size() / out.get(0) * (w.size() / w.get(0));
        }
        if (block instanceof Linear) {
            return block.getParameters().get("weight").getArray().getShape().size();
        }
        if (!block.getChildren().isEmpty()) {
            throw new IllegalArgumentException("cannot count MACs of " + block.getClass().getName());
        }
        return 0;
    }
}
