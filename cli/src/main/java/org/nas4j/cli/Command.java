package org.nas4j.cli;

/** One {@code nas4j} subcommand: its flags are JCommander fields, {@link #run} does the work. */
interface Command {

    /**
     * @return the process exit code
     * @throws Exception on failure; a {@link org.nas4j.core.util.UserException} becomes one line and exit 2
     */
    int run() throws Exception;
}
