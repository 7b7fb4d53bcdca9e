package org.nas4j.core.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nas4j.core.nn.Activation;
import org.nas4j.core.nn.ActivationBlock;
import org.nas4j.core.nn.AvgPool;
import org.nas4j.core.nn.Cell;
import org.nas4j.core.nn.CellStack;
import org.nas4j.core.nn.ChannelGate;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.nn.Identity;
import org.nas4j.core.nn.GlobalAvgPool;
import org.nas4j.core.nn.InputNormalization;
import org.nas4j.core.nn.MaxPool;
import org.nas4j.core.nn.Residual;

/**
 * Writes a static network, as nas4j extracts it (sequential, residual and gate blocks of DJL
 * convolutions, batch norms and linears, nas4j activations and pooling), as an ONNX model of opset
 * 13 — protocol buffers written directly, no ONNX library. One input, {@code "input"} {@code (batch,
 * C, H, W)}, and one 2-D output.
 */
public final class OnnxExporter {

    /** The ONNX operator set the nodes are written for. */
    public static final int OPSET = 13;
    private static final int IR_VERSION = 7;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private int counter;

    private OnnxExporter() {}

    /**
     * @param block an initialized static network
     * @param input its input shape; dimension 0 (the batch) is left free
     * @param outputWidth the width of its 2-D output
     * @param graphName a name for the graph
     * @return the ONNX model's bytes
     */
    public static byte[] export(Block block, Shape input, long outputWidth, String graphName) {
        OnnxExporter e = new OnnxExporter();
        String out = e.node("Identity", List.of(e.emit(block, "input")), List.of());
        ProtoWriter graph = new ProtoWriter();
        e.nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        e.initializers.forEach(t -> graph.message(5, t));
        long[] in = input.getShape();
        graph.message(11, valueInfo("input", new long[] {-1, in[1], in[2], in[3]}));
        graph.message(12, valueInfo(out, new long[] {-1, outputWidth}));
        ProtoWriter model = new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "nas4j")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        return model.toByteArray();
    }

    private String emit(Block block, String x) {
        if (block instanceof SequentialBlock) {
            String y = x;
            for (Block child : block.getChildren().values()) {
                y = emit(child, y);
            }
            return y;
        }
        if (block instanceof Residual r) {
            String skip = r.shortcut() == null ? x : emit(r.shortcut(), x);
            return node("Add", List.of(emit(r.body(), x), skip), List.of());
        }
        if (block instanceof Cell c) {
            return cell(c, x);
        }
        if (block instanceof CellStack c) {
            return c.wire(x, new CellStack.Wiring<String>() {
                @Override
                public String apply(Block op, String input) {
                    return emit(op, input);
                }

                @Override
                public String add(String a, String b) {
                    return node("Add", List.of(a, b), List.of());
                }

                @Override
                public String concat(List<String> parts) {
                    return parts.size() == 1 ? parts.get(0) : node("Concat", parts, List.of(intAttr("axis", 1)));
                }
            });
        }
        if (block instanceof MaxPool p) {
            long k = p.kernel();
            long s = p.stride();
            return node("MaxPool", List.of(x), List.of(
                    intsAttr("kernel_shape", new long[] {k, k}),
                    intsAttr("strides", new long[] {s, s}),
                    intsAttr("pads", new long[] {k / 2, k / 2, k / 2, k / 2})));
        }
        if (block instanceof Identity) {
            return x;
        }
        if (block instanceof AvgPool p) {
            long k = p.kernel();
            long s = p.stride();
            long pad = p.padding();
            return node("AveragePool", List.of(x), List.of(
                    intsAttr("kernel_shape", new long[] {k, k}),
                    intsAttr("strides", new long[] {s, s}),
                    intsAttr("pads", new long[] {pad, pad, pad, pad}),
                    intAttr("count_include_pad", 0)));
        }
        if (block instanceof ChannelGate g) {
            String factors = emit(g.gate(), x);
            String axes = initializer(new long[] {2, 3});
            return node("Mul", List.of(x, node("Unsqueeze", List.of(factors, axes), List.of())), List.of());
        }
        if (block instanceof Conv2d c) {
            return conv(c, x);
        }
        if (block instanceof BatchNorm) {
            List<String> in = new ArrayList<>(List.of(x));
            for (String p : new String[] {"gamma", "beta", "runningMean", "runningVar"}) {
                in.add(initializer(block.getParameters().get(p).getArray()));
            }
            // nas4j builds every static batch norm with ElasticBatchNorm's epsilon
            return node("BatchNormalization", in, List.of(floatAttr("epsilon", ElasticBatchNorm.EPSILON)));
        }
        if (block instanceof Linear) {
            NDArray w = block.getParameters().get("weight").getArray();
            NDArray b = block.getParameters().get("bias").getArray();
            return node("Gemm", List.of(x, initializer(w), initializer(b)), List.of(intAttr("transB", 1)));
        }
        if (block instanceof ActivationBlock a) {
            return activation(a.activation(), x);
        }
        if (block instanceof GlobalAvgPool) {
            return node("Flatten", List.of(node("GlobalAveragePool", List.of(x), List.of())), List.of(intAttr("axis", 1)));
        }
        if (block instanceof InputNormalization n) {
            long c = n.mean().length;
            String mean = initializer(n.mean(), new long[] {c, 1, 1});
            String std = initializer(n.std(), new long[] {c, 1, 1});
            return node("Div", List.of(node("Sub", List.of(x, mean), List.of()), std), List.of());
        }
        throw new IllegalArgumentException("no ONNX form for block " + block.getClass().getName());
    }

    private String cell(Cell c, String x) {
        List<String> node = new ArrayList<>(List.of(x));
        for (int j = 1; j < c.nodes(); j++) {
            String sum = null;
            for (Cell.Edge e : c.edges()) {
                if (e.to() == j && node.get(e.from()) != null) {
                    String y = emit(e.op(), node.get(e.from()));
                    sum = sum == null ? y : node("Add", List.of(sum, y), List.of());
                }
            }
            node.add(sum);
        }
        String out = node.get(c.nodes() - 1);
        // a cell whose output node receives nothing outputs zeros of the input's shape
        return out != null ? out : node("Mul", List.of(x, initializer(new float[] {0f}, new long[0])), List.of());
    }

    private String conv(Conv2d c, String x) {
        List<String> in = new ArrayList<>(List.of(x, initializer(c.getParameters().get("weight").getArray())));
        if (c.getParameters().contains("bias") && c.getParameters().get("bias").getArray() != null) {
            in.add(initializer(c.getParameters().get("bias").getArray()));
        }
        long[] pad = c.getPadding().getShape();
        return node("Conv", in, List.of(
                intsAttr("kernel_shape", c.getKernelShape().getShape()),
                intsAttr("strides", c.getStride().getShape()),
                intsAttr("dilations", c.getDilation().getShape()),
                intsAttr("pads", new long[] {pad[0], pad[1], pad[0], pad[1]}),
                intAttr("group", c.getGroups())));
    }

    private String activation(Activation a, String x) {
        return switch (a) {
            case RELU -> node("Relu", List.of(x), List.of());
            case HSIGMOID -> hardSigmoid(x);
            case HSWISH -> node("Mul", List.of(x, hardSigmoid(x)), List.of());
        };
    }

    /** {@code max(0, min(1, x/6 + 1/2))} is nas4j's {@code relu6(x + 3) / 6}. */
    private String hardSigmoid(String x) {
        return node("HardSigmoid", List.of(x), List.of(floatAttr("alpha", 1f / 6f), floatAttr("beta", 0.5f)));
    }

    private String node(String op, List<String> inputs, List<ProtoWriter> attributes) {
        String out = op.toLowerCase(Locale.ROOT) + "_" + counter++;
        ProtoWriter n = new ProtoWriter();
        inputs.forEach(i -> n.string(1, i));
        n.string(2, out).string(3, out).string(4, op);
        attributes.forEach(a -> n.message(5, a));
        nodes.add(n);
        return out;
    }

    private String initializer(NDArray values) {
        return initializer(values.toFloatArray(), values.getShape().getShape());
    }

    private String initializer(float[] values, long[] dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(dims, FLOAT, raw.array());
    }

    private String initializer(long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return tensor(new long[] {values.length}, INT64, raw.array());
    }

    private String tensor(long[] dims, int type, byte[] raw) {
        String name = "w_" + counter++;
        initializers.add(new ProtoWriter().packedVarints(1, dims).varint(2, type).string(8, name).bytes(9, raw));
        return name;
    }

    private static ProtoWriter floatAttr(String name, float value) {
        return new ProtoWriter().string(1, name).float32(2, value).varint(20, ATTR_FLOAT);
    }

    private static ProtoWriter intAttr(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTR_INT);
    }

    private static ProtoWriter intsAttr(String name, long[] values) {
        return new ProtoWriter().string(1, name).packedVarints(8, values).varint(20, ATTR_INTS);
    }

    /** A float tensor's name and shape; a negative dimension is the free batch dimension. */
    private static ProtoWriter valueInfo(String name, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) {
            shape.message(1, d < 0 ? new ProtoWriter().string(2, "batch") : new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}
