package org.nas4j.core.train;

import java.util.List;
import org.nas4j.core.space.Arch;

/**
 * The children one training step trains on the same batch; their gradients are accumulated into
 * one optimizer update.
 *
 * @param children the children, in order
 * @param distill whether the first child is the teacher: it learns from the labels and every other
 *     child from its detached soft predictions (inplace distillation)
 */
public record StepPlan(List<Arch> children, boolean distill) {

    public StepPlan {
        children = List.copyOf(children);
        if (children.isEmpty()) {
            throw new IllegalArgumentException("a step trains at least one child");
        }
    }
}
