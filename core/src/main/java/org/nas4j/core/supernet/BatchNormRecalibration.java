package org.nas4j.core.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.nas4j.core.nn.ElasticBatchNorm;
import org.nas4j.core.space.Arch;

/**
 * Re-estimates the running statistics of a child (OFA, BigNAS): shared statistics are those of
 * whatever children trained last, so a child is evaluated only after its statistics are reset and
 * refilled from training images, as a cumulative average over the given batches.
 */
public final class BatchNormRecalibration {

    private BatchNormRecalibration() {}

    /**
     * @param net the supernet
     * @param arch the child to recalibrate (it stays active)
     * @param parameters the supernet's parameter store
     * @param parent a manager; each batch lives in a sub-manager of it, closed after its forward
     * @param numBatches how many batches to average over
     * @param batches the training batches
     */
    public static void recalibrate(
            Supernet net,
            Arch arch,
            ParameterStore parameters,
            NDManager parent,
            int numBatches,
            BatchSupplier batches) {
        net.activate(arch);
        List<ElasticBatchNorm> bns = batchNorms(net);
        bns.forEach(ElasticBatchNorm::resetRunningStats);
        try {
            for (int i = 0; i < numBatches; i++) {
                float momentum = 1f - 1f / (i + 1);
                bns.forEach(bn -> bn.setMomentum(momentum));
                try (NDManager step = parent.newSubManager()) {
                    net.forward(parameters, batches.get(step, i), true);
                }
            }
        } finally {
            bns.forEach(bn -> bn.setMomentum(ElasticBatchNorm.TRAIN_MOMENTUM));
        }
    }

    /**
     * @param root a block
     * @return every elastic batch norm below it
     */
    public static List<ElasticBatchNorm> batchNorms(Block root) {
        List<ElasticBatchNorm> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Block b, List<ElasticBatchNorm> out) {
        if (b instanceof ElasticBatchNorm bn) {
            out.add(bn);
        }
        for (Block child : b.getChildren().values()) {
            collect(child, out);
        }
    }
}
