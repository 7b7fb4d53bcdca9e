package org.nas4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void aTaskThatStartsAgainIsTimedFromItsNewStart() throws InterruptedException {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConsoleProgress progress = new ConsoleProgress();
            for (int i = 1; i <= 4; i++) {
                progress.update("train", i, 4, "");
            }
            Thread.sleep(1600);  // the first pass's clock now reads 00:02
            progress.update("train", 1, 4, "second");
        } finally {
            System.setErr(err);
        }
        String last = captured.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("1/4 second") && last.contains("| 00:00, ETA"), last);
    }
}
