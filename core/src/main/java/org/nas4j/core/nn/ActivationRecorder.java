package org.nas4j.core.nn;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, on this thread and only while open, which units every ReLU lets through: the binary
 * activation codes that NASWOT scores an untrained network by. Outside a recording nothing is kept.
 */
public final class ActivationRecorder implements AutoCloseable {

    private static final ThreadLocal<ActivationRecorder> CURRENT = new ThreadLocal<>();

    private final List<NDArray> codes = new ArrayList<>();

    private ActivationRecorder() {}

    /** @return a recorder collecting this thread's ReLU codes until it is closed */
    public static ActivationRecorder start() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a recording is already open on this thread");
        }
        ActivationRecorder r = new ActivationRecorder();
        CURRENT.set(r);
        return r;
    }

    static void record(NDArray preActivation) {
        ActivationRecorder r = CURRENT.get();
        if (r != null) {
            r.codes.add(preActivation.stopGradient().gt(0f).reshape(preActivation.getShape().get(0), -1));
        }
    }

    /** @return one {@code (N, units)} boolean array per ReLU applied, in order */
    public List<NDArray> codes() {
        return codes;
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
