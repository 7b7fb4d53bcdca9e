package org.nas4j.algorithms.ranking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.nas4j.core.nn.ActivationRecorder;
import org.nas4j.core.space.Arch;
import org.nas4j.core.supernet.Supernet;

/**
 * Training-free scores of an architecture at initialization, the baselines a supernet's estimates
 * must beat. Both run on a freshly initialized supernet with the arch active (the child at
 * initialization); higher means predicted better.
 */
public final class ZeroCostProxies {

    private ZeroCostProxies() {}

    /**
     * NASWOT (Mellor et al., 2021): how differently the untrained network's ReLUs partition one batch.
     * Each image gets a binary code (which units are positive); {@code K[i][j]} counts the units
     * where images i and j agree; the score is {@code log|det K|}. Batch norm uses batch statistics,
     * as in the authors' code (the network in training mode).
     *
     * @param net a freshly initialized supernet (its running statistics move; use it for nothing else)
     * @param arch the child
     * @param images one batch {@code (N, C, H, W)}
     * @param ps the parameter store
     * @return log|det K|
     */
    public static double naswot(Supernet net, Arch arch, NDArray images, ParameterStore ps) {
        net.activate(arch);
        int n = (int) images.getShape().get(0);
        double[][] k = new double[n][n];
        try (NDManager m = images.getManager().newSubManager(); ActivationRecorder recorder = ActivationRecorder.start()) {
            NDArray x = images.duplicate();
            x.attach(m);
            net.forward(ps, new NDList(x), true);
            NDArray sum = m.zeros(new Shape(n, n));
            for (NDArray code : recorder.codes()) {
                NDArray c = code.toType(DataType.FLOAT32, false);
                NDArray off = c.neg().add(1f);
                sum = sum.add(c.matMul(c.transpose())).add(off.matMul(off.transpose()));
            }
            float[] values = sum.toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    k[i][j] = values[i * n + j];
                }
            }
        }
        return logAbsDeterminant(k);
    }

    /**
     * @return log|det a| from an LU decomposition (the determinant itself overflows); minus infinity
     *     for a singular matrix (images the network cannot tell apart, e.g. a cell cut off from its input)
     */
    static double logAbsDeterminant(double[][] a) {
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-12);
        if (!lu.getSolver().isNonSingular()) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.log(Math.abs(lu.getU().getEntry(i, i)));
        }
        return sum;
    }

    /**
     * Replaces every trainable weight by its absolute value, once, before {@link #synflow}.
     *
     * @param net a freshly initialized supernet kept for SynFlow alone
     */
    public static void linearize(Supernet net) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray w = p.getValue().getArray();
                w.set(w.abs().toFloatArray());
            }
        }
    }

    /**
     * SynFlow (Tanaka et al., 2020), as zero-cost NAS computes it (Abdelfattah et al., 2021): with
     * every weight replaced by its absolute value ({@link #linearize}) and batch norm at its initial
     * statistics (the identity), an all-ones input is sent through; the score is the sum over the
     * child's weights of {@code θ · ∂R/∂θ}, R the sum of the outputs.
     *
     * @param net a supernet after {@link #linearize}
     * @param arch the child
     * @param ps the parameter store
     * @param manager parent of the call's arrays
     * @return log10 of the SynFlow score
     */
    public static double synflow(Supernet net, Arch arch, ParameterStore ps, NDManager manager) {
        net.activate(arch);
        try (NDManager m = manager.newSubManager()) {
            Shape in = net.inputShape(arch);
            NDArray x = m.ones(new Shape(1, in.get(1), in.get(2), in.get(3)));
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(net.forward(ps, new NDList(x), false).singletonOrThrow().sum());
            }
            double score = 0;
            NDArray zero = m.zeros(new Shape());
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    NDArray w = p.getValue().getArray();
                    NDArray g = w.getGradient();
                    g.attach(m);
                    score += w.mul(g).sum().getFloat();
                    g.muli(zero);
                }
            }
            return Math.log10(score);
        }
    }
}
