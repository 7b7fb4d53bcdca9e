package org.nas4j.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA, redrawn in place on a terminal; on a log (no console)
 * it prints a line every 5%.
 */
final class ProgressBar {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final String label;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private final long firstStep;
    private long done;
    private long lastDraw;
    private int lastPercent = -1;

    ProgressBar(PrintStream out, String label, long firstStep) {
        this.out = out;
        this.label = label;
        this.interactive = System.console() != null;
        this.firstStep = firstStep;
    }

    /** @return the count of the last update */
    long done() {
        return done;
    }

    void update(long done, long total, String detail) {
        this.done = done;
        long now = System.nanoTime();
        int percent = (int) (100 * done / Math.max(1, total));
        boolean finished = done >= total;
        if (interactive ? now - lastDraw < 200_000_000L && !finished : percent / 5 == lastPercent / 5 && !finished) {
            return;
        }
        lastDraw = now;
        lastPercent = percent;
        double seconds = (now - startNanos) / 1e9;
        double rate = (done - firstStep) / Math.max(seconds, 1e-9);
        double eta = rate > 0 ? (total - done) / rate : Double.NaN;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        String line = String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d %s | %.2f it/s | %s, ETA %s",
                label, "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total, detail, rate,
                clock(seconds), clock(eta));
        if (interactive) {
            out.print("\r" + line + (finished ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String clock(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
