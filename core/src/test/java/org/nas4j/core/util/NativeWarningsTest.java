package org.nas4j.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeWarningsTest {

    private static final String WARNING = "AutoNonVariableTypeMode";

    /** Copies a buffer into a tensor, which makes LibTorch warn, after consuming the warning if asked. */
    public static final class Child {
        public static void main(String[] args) {
            if (args[0].equals("consume")) {
                NativeWarnings.consumeOnce();
            }
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray a = m.zeros(new Shape(3));
                a.set(new float[] {1, 2, 3});
                System.err.println("sum " + a.sum().getFloat());
            }
        }
    }

    private static String stderrOf(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        return err;
    }

    @Test
    void libtorchsDeprecationWarningNeverReachesStandardError() throws Exception {
        String plain = stderrOf("plain");
        assertTrue(plain.contains(WARNING), "the control shows the warning, so the test can see it: " + plain);
        String consumed = stderrOf("consume");
        assertFalse(consumed.contains(WARNING), consumed);
        assertTrue(consumed.contains("sum 6.0"), "standard error works again afterwards: " + consumed);
    }
}
