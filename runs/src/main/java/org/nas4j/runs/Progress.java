package org.nas4j.runs;

/**
 * What the drivers of this module report instead of printing: a command line draws bars and prints
 * lines, a service may log, a test may stay silent.
 */
public interface Progress {

    /** Reports nothing. */
    Progress SILENT = new Progress() {
        @Override
        public void update(String task, long done, long total, String status) {}

        @Override
        public void report(String line) {}
    };

    /**
     * A long task advanced.
     *
     * @param task what runs, e.g. {@code train} or {@code linas}; each task has its own bar
     * @param done units done
     * @param total units in all
     * @param status a short status, e.g. the step's loss
     */
    void update(String task, long done, long total, String status);

    /** @param line a result worth showing, e.g. a child's validation accuracy */
    void report(String line);
}
