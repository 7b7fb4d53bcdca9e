package org.nas4j.runs;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.nas4j.core.space.Arch;

/** Runs a latency probe, whose DJL calls may throw anything, as an I/O failure naming the child. */
final class Timing {

    private Timing() {}

    static double of(Arch arch, Callable<Double> probe) throws IOException {
        try {
            return probe.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("timing " + arch.id() + " failed: " + e.getMessage(), e);
        }
    }
}
