package org.nas4j.core.train;

import ai.djl.ndarray.NDManager;
import org.nas4j.core.space.Arch;

/**
 * What a training step lets its sampler measure before it chooses the step's children: samplers
 * that learn from training (AttentiveNAS, ShiftNAS) rank candidates by a loss. Every measurement is
 * a forward pass without gradients, with batch statistics (the weights are not changed; batch
 * norms' running statistics are, which BN recalibration resets before any child is scored).
 */
public interface StepProbe {

    /** @return the step's manager: arrays made for this step (a generator's gates) live there */
    NDManager manager();

    /** @return the optimizer steps done before this one */
    long step();

    /** @return the optimizer steps of the whole run */
    long totalSteps();

    /**
     * @param child a child of the space trained
     * @return its loss (smoothed cross-entropy) on this step's training batch
     */
    float batchLoss(Arch child);

    /**
     * @param child a child of the space trained
     * @return its loss on one fixed batch of held-out images, the same at every step of the run
     * @throws IllegalStateException when the run has no held-out images
     */
    float heldOutLoss(Arch child);
}
