package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects "copy this supernet slice into that static parameter" instructions while a static block
 * is being built, and runs them once the static block is initialized (its parameters have arrays
 * only then).
 */
public final class WeightCopier {

    private record Copy(Parameter target, Supplier<NDArray> source) {}

    private final List<Copy> copies = new ArrayList<>();

    /**
     * @param target a parameter of the static block
     * @param source the values it gets (a slice of a supernet parameter), taken only when {@link
     *     #apply} runs: a network built for its structure alone never reads the supernet's weights
     */
    public void copy(Parameter target, Supplier<NDArray> source) {
        copies.add(new Copy(target, source));
    }

    /** Copies every recorded slice into its initialized target, checking shapes. */
    public void apply() {
        for (Copy c : copies) {
            NDArray dst = c.target.getArray();
            NDArray src = c.source.get();
            if (!dst.getShape().equals(src.getShape())) {
                throw new IllegalStateException(
                        "static parameter " + c.target.getName() + " has shape " + dst.getShape()
                                + " but its supernet slice has " + src.getShape());
            }
            dst.set(src.toByteBuffer());
        }
    }
}
