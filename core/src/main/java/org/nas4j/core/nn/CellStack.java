package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Static cells that each read the outputs of the two cells before them (NASNet, DARTS): a cell
 * prepares both inputs to its width, each node adds two operations applied to earlier states
 * (state 0 and 1 are the prepared inputs, state {@code 2 + j} is node j), and the cell outputs the
 * channel concatenation of the states it lists. The first cell reads the stack's input twice.
 */
public final class CellStack extends AbstractBlock {

    /**
     * @param in1 state the first operation reads
     * @param op1 the first operation
     * @param in2 state the second operation reads
     * @param op2 the second operation
     */
    public record Node(int in1, Block op1, int in2, Block op2) {}

    /**
     * @param pre0 prepares the output of the cell two back
     * @param pre1 prepares the output of the previous cell
     * @param nodes the nodes, in order
     * @param concat the states concatenated into the output
     */
    public record TwoInputCell(Block pre0, Block pre1, List<Node> nodes, List<Integer> concat) {}

    /**
     * How one kind of value flows through the wiring: arrays in forward, shapes when initializing,
     * names when exporting.
     *
     * @param <T> the value
     */
    public interface Wiring<T> {
        /** @return the operation applied to the value */
        T apply(Block op, T input);

        /** @return the sum of two values of one shape */
        T add(T a, T b);

        /** @return the values concatenated along channels */
        T concat(List<T> parts);
    }

    private final List<TwoInputCell> cells;

    /** @param cells the cells, input first */
    public CellStack(List<TwoInputCell> cells) {
        this.cells = List.copyOf(cells);
        for (int i = 0; i < this.cells.size(); i++) {
            TwoInputCell c = this.cells.get(i);
            addChildBlock("cell" + i + "_pre0", c.pre0());
            addChildBlock("cell" + i + "_pre1", c.pre1());
            for (int j = 0; j < c.nodes().size(); j++) {
                Node n = c.nodes().get(j);
                if (n.in1() >= 2 + j || n.in2() >= 2 + j || n.in1() < 0 || n.in2() < 0) {
                    throw new IllegalArgumentException("node " + j + " of cell " + i + " reads a later state");
                }
                addChildBlock("cell" + i + "_n" + j + "_a", n.op1());
                addChildBlock("cell" + i + "_n" + j + "_b", n.op2());
            }
        }
    }

    public List<TwoInputCell> cells() {
        return cells;
    }

    /**
     * @param input the stack's input
     * @param w how values combine
     * @param <T> the value
     * @return the last cell's output
     */
    public <T> T wire(T input, Wiring<T> w) {
        T prevPrev = input;
        T prev = input;
        for (TwoInputCell c : cells) {
            List<T> states = new ArrayList<>(List.of(w.apply(c.pre0(), prevPrev), w.apply(c.pre1(), prev)));
            for (Node n : c.nodes()) {
                states.add(w.add(w.apply(n.op1(), states.get(n.in1())), w.apply(n.op2(), states.get(n.in2()))));
            }
            prevPrev = prev;
            prev = w.concat(c.concat().stream().map(states::get).toList());
        }
        return prev;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(wire(inputs.singletonOrThrow(), new Wiring<NDArray>() {
            @Override
            public NDArray apply(Block op, NDArray input) {
                return op.forward(ps, new NDList(input), training).singletonOrThrow();
            }

            @Override
            public NDArray add(NDArray a, NDArray b) {
                return a.add(b);
            }

            @Override
            public NDArray concat(List<NDArray> parts) {
                return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 1);
            }
        }));
    }

    /**
     * @param input the stack's input shape
     * @param visit called with every operation and its input shape, in order
     * @return the output shape
     */
    public Shape shapes(Shape input, BiConsumer<Block, Shape> visit) {
        return wire(input, new Wiring<Shape>() {
            @Override
            public Shape apply(Block op, Shape in) {
                visit.accept(op, in);
                return op.getOutputShapes(new Shape[] {in})[0];
            }

            @Override
            public Shape add(Shape a, Shape b) {
                if (!a.equals(b)) {
                    throw new IllegalStateException("a node adds shapes " + a + " and " + b);
                }
                return a;
            }

            @Override
            public Shape concat(List<Shape> parts) {
                long channels = parts.stream().mapToLong(s -> s.get(1)).sum();
                Shape s = parts.get(0);
                return new Shape(s.get(0), channels, s.get(2), s.get(3));
            }
        });
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        shapes(inputShapes[0], (op, in) -> op.initialize(manager, dataType, in));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {shapes(inputShapes[0], (op, in) -> {})};
    }
}
