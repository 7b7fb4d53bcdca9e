package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import ai.djl.ndarray.NDManager;

/**
 * Collects "copy this supernet slice into that static parameter" instructions while a static block
 * is being built, and runs them once the static block is initialized (its parameters have arrays
 * only then).
 */
public final class WeightCopier {

    private record Copy(Parameter target, Function<NDManager, NDArray> source) {}

    private final List<Copy> copies = new ArrayList<>();

    /**
     * @param target a parameter of the static block
     * @param source the values it gets (a slice of a supernet parameter), made in the given
     *     temporary manager only when {@link #apply} runs: a network built for its structure alone
     *     never reads the supernet's weights
     */
    public void copy(Parameter target, Function<NDManager, NDArray> source) {
        copies.add(new Copy(target, source));
    }

    /** Copies every recorded slice into its initialized target, checking shapes. */
    public void apply() {
        for (Copy c : copies) {
            NDArray dst = c.target.getArray();
            try (NDManager temporary = dst.getManager().newSubManager()) {
                copy(c.target, dst, c.source.apply(temporary));
            }
        }
    }

    private static void copy(Parameter target, NDArray dst, NDArray src) {
        if (!dst.getShape().equals(src.getShape())) {
            throw new IllegalStateException("static parameter " + target.getName() + " has shape "
                    + dst.getShape() + " but its supernet slice has " + src.getShape());
        }
        dst.set(src.toByteBuffer());
    }
}
