package org.nas4j.cli;

import java.util.HashMap;
import java.util.Map;
import org.nas4j.runs.Progress;

/** Progress on the console: a bar per task on stderr, reported lines on stdout. */
final class ConsoleProgress implements Progress {

    private final Map<String, ProgressBar> bars = new HashMap<>();

    @Override
    public void update(String task, long done, long total, String status) {
        // a resumed task's rate counts from where it resumed (its first report is one item in); a task
        // that starts again (the next cell of a truth, the next phase of a split) gets a bar of its own
        ProgressBar bar = bars.get(task);
        if (bar == null || done < bar.done()) {
            bar = new ProgressBar(System.err, task, Math.max(0, done - 1));
            bars.put(task, bar);
        }
        bar.update(done, total, status);
    }

    @Override
    public void report(String line) {
        System.out.println(line);
    }
}
