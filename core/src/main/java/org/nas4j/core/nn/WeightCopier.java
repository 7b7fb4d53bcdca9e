package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects "copy this supernet slice into that static parameter" instructions while a static block
 * is being built, and runs them once the static block is initialized (its parameters have arrays
 * only then).
 */
public final class WeightCopier {

    private record Copy(Parameter target, NDArray source) {}

    private final List<Copy> copies = new ArrayList<>();

    /**
     * @param target a parameter of the static block
     * @param source the values it gets (a slice of a supernet parameter); read when {@link #apply}
     *     runs
     */
    public void copy(Parameter target, NDArray source) {
        copies.add(new Copy(target, source));
    }

    /** Copies every recorded slice into its initialized target, checking shapes. */
    public void apply() {
        for (Copy c : copies) {
            NDArray dst = c.target.getArray();
            if (!dst.getShape().equals(c.source.getShape())) {
                throw new IllegalStateException(
                        "static parameter " + c.target.getName() + " has shape " + dst.getShape()
                                + " but its supernet slice has " + c.source.getShape());
            }
            dst.set(c.source.toByteBuffer());
        }
    }
}
