package org.nas4j.spaces.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.nn.AbstractElasticBlock;
import org.nas4j.core.nn.AvgPool;
import org.nas4j.core.nn.Cell;
import org.nas4j.core.nn.Identity;
import org.nas4j.core.nn.WeightCopier;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Cost;

/**
 * A cell of the supernet: every edge holds every operation (the two convolutions with weights of
 * their own); the active arch picks one per edge, and only that one runs (single-path).
 */
final class MixedCell extends AbstractElasticBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final List<int[]> edges = Nb201Space.edges();
    private final List<ReluConvBn> conv1 = new ArrayList<>();
    private final List<ReluConvBn> conv3 = new ArrayList<>();
    private final String[] active = new String[edges.size()];
    /** DARTS mixing weights {@code (edges, operations)}, or null for single-path. */
    private NDArray mixing;

    MixedCell(int width, boolean affine) {
        super(VERSION);
        this.width = width;
        for (int[] e : edges) {
            String name = Nb201Space.edge(e[0], e[1]);
            conv1.add(addChildBlock(name + "_conv1x1", new ReluConvBn(width, width, 1, 1, affine)));
            conv3.add(addChildBlock(name + "_conv3x3", new ReluConvBn(width, width, 3, 1, affine)));
        }
    }

    /** @return the blocks with weights on the edge a dimension names (its two convolutions) */
    List<ReluConvBn> edgeOps(String dimension) {
        for (int i = 0; i < edges.size(); i++) {
            if (Nb201Space.edge(edges.get(i)[0], edges.get(i)[1]).equals(dimension)) {
                return List.of(conv1.get(i), conv3.get(i));
            }
        }
        throw new IllegalArgumentException("no edge " + dimension);
    }

    void relax(NDArray weights) {
        mixing = weights;
    }

    void setActive(Arch arch) {
        System.arraycopy(ops(arch), 0, active, 0, active.length);
    }

    /** @return the arch's operation on each edge, in edge order */
    static String[] ops(Arch arch) {
        return Nb201Space.edges().stream().map(e -> arch.get(Nb201Space.edge(e[0], e[1]))).toArray(String[]::new);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        boolean[] live = mixing == null ? Nb201Space.liveEdges(active) : null;
        List<NDArray> node = new ArrayList<>(List.of(x));
        for (int to = 1; to < Nb201Space.NODES; to++) {
            NDArray sum = null;
            for (int i = 0; i < edges.size(); i++) {
                int from = edges.get(i)[0];
                if (edges.get(i)[1] != to || node.get(from) == null || (live != null && !live[i])) {
                    continue;
                }
                NDArray y = mixing == null ? apply(i, active[i], node.get(from), ps, training) : mixed(i, node.get(from), ps, training);
                sum = sum == null ? y : sum.add(y);
            }
            node.add(sum);
        }
        NDArray out = node.get(Nb201Space.NODES - 1);
        return new NDList(out != null ? out : x.zerosLike());
    }

    /** DARTS: the weighted sum of every operation's output ("none" adds nothing). */
    private NDArray mixed(int edge, NDArray x, ParameterStore ps, boolean training) {
        NDArray sum = null;
        for (int o = 0; o < Nb201Space.OPS.size(); o++) {
            String op = Nb201Space.OPS.get(o);
            if (op.equals("none")) {
                continue;
            }
            NDArray w = mixing.get(edge, o);
            NDArray y = apply(edge, op, x, ps, training).mul(w);
            sum = sum == null ? y : sum.add(y);
        }
        return sum;
    }

    private NDArray apply(int edge, String op, NDArray x, ParameterStore ps, boolean training) {
        return switch (op) {
            case "skip_connect" -> x;
            case "nor_conv_1x1" -> conv1.get(edge).forward(ps, new NDList(x), training).singletonOrThrow();
            case "nor_conv_3x3" -> conv3.get(edge).forward(ps, new NDList(x), training).singletonOrThrow();
            case "avg_pool_3x3" -> AvgPool.apply(x, 3, 1, 1);
            default -> throw new IllegalStateException("unknown operation " + op);
        };
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    /** @return the MACs and parameters of a cell with these operations, on maps of this side */
    Cost cost(long size, String[] ops) {
        Cost total = new Cost(0, 0);
        boolean[] live = Nb201Space.liveEdges(ops);
        for (int i = 0; i < edges.size(); i++) {
            if (live[i]) {
                total = switch (ops[i]) {
                    case "nor_conv_1x1" -> total.plus(conv1.get(i).cost(size));
                    case "nor_conv_3x3" -> total.plus(conv3.get(i).cost(size));
                    default -> total;
                };
            }
        }
        return total;
    }

    /** The static cell: edges that carry nothing to the output ("none", or cut off) are left out. */
    Block toStatic(WeightCopier copier) {
        List<Cell.Edge> out = new ArrayList<>();
        boolean[] live = Nb201Space.liveEdges(active);
        for (int i = 0; i < edges.size(); i++) {
            if (!live[i]) {
                continue;
            }
            Block op = switch (active[i]) {
                case "skip_connect" -> new Identity();
                case "nor_conv_1x1" -> conv1.get(i).toStatic(copier);
                case "nor_conv_3x3" -> conv3.get(i).toStatic(copier);
                case "avg_pool_3x3" -> new AvgPool(3, 1, 1);
                default -> throw new IllegalStateException("unknown operation " + active[i]);
            };
            out.add(new Cell.Edge(edges.get(i)[0], edges.get(i)[1], op));
        }
        return new Cell(Nb201Space.NODES, out);
    }
}
