package org.nas4j.spaces.nasnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.CellStack;
import org.nas4j.core.nn.ScheduledDropPath;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.supernet.Cost;

/**
 * A cell of the NASNet supernet. It takes {@code (h0, h1)}, the outputs of the two cells before it,
 * and holds every operation for each input slot of each block (weights of their own); the active
 * genotype picks two inputs and two operations per block, and only those run. In a reduction cell
 * the operations that read a cell input run at stride 2. ScheduledDropPath drops the paths of
 * non-identity operations while training.
 */
final class NasnetCell extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final boolean reduction;
    private final Preprocess pre0;
    private final Preprocess pre1;
    /** Per block, per slot (2), the operations by name. */
    private final List<List<Map<String, CellOp>>> ops = new ArrayList<>();
    private final ScheduledDropPath dropPath;
    private List<NasnetSpace.Block> active;

    /**
     * @param maxIn0 the widest output of the cell two back
     * @param maxIn1 the widest output of the previous cell
     * @param width C
     * @param reduction whether the cell halves the map
     * @param halve0 whether the cell two back has twice this cell's input side (the previous cell reduced)
     * @param dropPath the path drop schedule, or null for none
     * @param opNames the operations a block may choose
     */
    NasnetCell(int maxIn0, int maxIn1, int width, boolean reduction, boolean halve0, ScheduledDropPath dropPath,
            List<String> opNames) {
        super(VERSION);
        this.width = width;
        this.reduction = reduction;
        this.dropPath = dropPath;
        pre0 = addChildBlock("pre0", new Preprocess(maxIn0, width, halve0));
        pre1 = addChildBlock("pre1", new Preprocess(maxIn1, width, false));
        for (int b = 0; b < NasnetSpace.BLOCKS; b++) {
            List<Map<String, CellOp>> slots = new ArrayList<>();
            for (int slot = 1; slot <= 2; slot++) {
                Map<String, CellOp> byOp = new LinkedHashMap<>();
                for (String op : opNames) {
                    byOp.put(op, addChildBlock("b" + b + "_" + slot + "_" + op, new CellOp(op, width, reduction)));
                }
                slots.add(byOp);
            }
            ops.add(slots);
        }
    }

    void setActive(List<NasnetSpace.Block> blocks) {
        active = blocks;
    }

    /** @return the blocks (0-based) this cell outputs, concatenated in this order */
    List<Integer> outputBlocks() {
        return NasnetSpace.unused(active).stream().map(state -> state - 2).toList();
    }

    /** @return C, the channels of each block */
    int width() {
        return width;
    }

    /**
     * @param cell0 the cell two back, or null for the stem
     * @param cell1 the previous cell, or null for the stem
     */
    void setInputCells(NasnetCell cell0, NasnetCell cell1) {
        pre0.setInputBlocks(cell0 == null ? 0 : cell0.width, cell0 == null ? null : cell0.outputBlocks());
        pre1.setInputBlocks(cell1 == null ? 0 : cell1.width, cell1 == null ? null : cell1.outputBlocks());
    }

    void setTrainingProgress(double progress) {
        if (dropPath != null) {
            dropPath.setProgress(progress);
        }
    }

    /** @return the widest output: every block unused */
    int maxOut() {
        return NasnetSpace.BLOCKS * width;
    }

    /** @return the active genotype's output width */
    int out() {
        return NasnetSpace.unused(active).size() * width;
    }

    /** @return the output side for an input side */
    long outSize(long size) {
        return reduction ? (size - 1) / 2 + 1 : size;
    }

    /** @return every operation a block's input slot (0 or 1) may hold */
    List<CellOp> slotOps(int block, int slot) {
        return List.copyOf(ops.get(block).get(slot).values());
    }

    boolean reduction() {
        return reduction;
    }

    private CellOp op(int block, int slot, String name, int input) {
        CellOp op = ops.get(block).get(slot).get(name);
        op.setStride(reduction && input < 2 ? 2 : 1);
        return op;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        List<NDArray> states = new ArrayList<>();
        states.add(pre0.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow());
        states.add(pre1.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow());
        for (int b = 0; b < active.size(); b++) {
            NasnetSpace.Block blk = active.get(b);
            NDArray y1 = path(op(b, 0, blk.op1(), blk.in1()), states.get(blk.in1()), ps, training);
            NDArray y2 = path(op(b, 1, blk.op2(), blk.in2()), states.get(blk.in2()), ps, training);
            states.add(y1.add(y2));
        }
        List<NDArray> out = NasnetSpace.unused(active).stream().map(states::get).toList();
        return new NDList(out.size() == 1 ? out.get(0) : NDArrays.concat(new NDList(out), 1));
    }

    private NDArray path(CellOp op, NDArray x, ParameterStore ps, boolean training) {
        NDArray y = op.forward(ps, new NDList(x), training).singletonOrThrow();
        return dropPath == null || op.isIdentity() ? y : dropPath.apply(y, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[1];
        return new Shape[] {new Shape(s.get(0), out(), outSize(s.get(2)), outSize(s.get(3)))};
    }

    /**
     * @param in0 channels of the cell two back
     * @param in1 channels of the previous cell
     * @param size the previous cell's output side
     * @return MACs and parameters of the active genotype
     */
    Cost cost(long in0, long in1, long size) {
        Cost total = pre0.cost(in0, size).plus(pre1.cost(in1, size));
        for (int b = 0; b < active.size(); b++) {
            NasnetSpace.Block blk = active.get(b);
            total = total.plus(op(b, 0, blk.op1(), blk.in1()).cost(blk.in1() < 2 ? size : outSize(size)));
            total = total.plus(op(b, 1, blk.op2(), blk.in2()).cost(blk.in2() < 2 ? size : outSize(size)));
        }
        return total;
    }

    /** @return the static cell of the active genotype (no drop path: it is the identity at inference) */
    CellStack.TwoInputCell toStatic(long in0, long in1, WeightCopier copier) {
        List<CellStack.Node> nodes = new ArrayList<>();
        for (int b = 0; b < active.size(); b++) {
            NasnetSpace.Block blk = active.get(b);
            nodes.add(new CellStack.Node(blk.in1(), op(b, 0, blk.op1(), blk.in1()).toStatic(copier),
                    blk.in2(), op(b, 1, blk.op2(), blk.in2()).toStatic(copier)));
        }
        return new CellStack.TwoInputCell(pre0.toStatic(in0, copier), pre1.toStatic(in1, copier), nodes,
                NasnetSpace.unused(active));
    }
}
