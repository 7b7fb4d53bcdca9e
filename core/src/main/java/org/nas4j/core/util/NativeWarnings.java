package org.nas4j.core.util;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * LibTorch 2.7 prints "AutoNonVariableTypeMode is deprecated" to the process's standard error the
 * first time DJL copies a host buffer into a tensor ({@code NDArray.set}): a warning about DJL's
 * native code that a user can do nothing about. It is printed once per process, so triggering it
 * once while standard error points at /dev/null keeps it off the terminal for good.
 */
public final class NativeWarnings {

    private static boolean consumed;

    private NativeWarnings() {}

    /** The C library calls used to point file descriptor 2 elsewhere for a moment. */
    interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int open(String path, int flags);

        int close(int fd);
    }

    /**
     * Triggers LibTorch's one-time warning with standard error silenced. Does nothing after the
     * first call, and nothing (the warning then shows) where the C library cannot be reached.
     */
    public static synchronized void consumeOnce() {
        if (consumed) {
            return;
        }
        consumed = true;
        if (Platform.isWindows()) {
            return;
        }
        LibC c;
        try {
            c = Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            return;
        }
        int saved = c.dup(2);
        int devNull = c.open("/dev/null", 1); // O_WRONLY
        if (saved < 0 || devNull < 0) {
            return;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.zeros(new ai.djl.ndarray.types.Shape(1));
            c.dup2(devNull, 2);
            a.set(new float[] {1f});
        } finally {
            c.dup2(saved, 2);
            c.close(devNull);
            c.close(saved);
        }
    }
}
