package org.nas4j.core.train;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.nas4j.core.space.Arch;

/**
 * The children one training step trains on the same batch; their gradients are accumulated into
 * one optimizer update.
 *
 * @param children the children, in order
 * @param distill whether the first child is the teacher: it learns from the labels and every other
 *     child from its detached soft predictions (inplace distillation)
 * @param gates per child, null or the gates a generator drew it with: the supernet multiplies its
 *     parts by them, and their penalty joins the child's loss, so both reach the generator
 */
public record StepPlan(List<Arch> children, boolean distill, List<Gates> gates) {

    /**
     * A generated child's straight-through gates and the generator's penalty.
     *
     * @param oneHots per dimension a row over its choices (see {@code Supernet.gate})
     * @param penalty a scalar added to the child's loss (ShiftNAS: λ·(cost − target)²)
     */
    public record Gates(Map<String, NDArray> oneHots, NDArray penalty) {}

    /** A plan without gates. */
    public StepPlan(List<Arch> children, boolean distill) {
        this(children, distill, Collections.nCopies(children.size(), null));
    }

    public StepPlan {
        children = List.copyOf(children);
        if (children.isEmpty()) {
            throw new IllegalArgumentException("a step trains at least one child");
        }
        if (gates.size() != children.size()) {
            throw new IllegalArgumentException("one entry of gates per child");
        }
        gates = Collections.unmodifiableList(new ArrayList<>(gates));
    }
}
