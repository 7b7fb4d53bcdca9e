package org.nas4j.cli;

import com.beust.jcommander.IValueValidator;
import com.beust.jcommander.ParameterException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output flags checked while the command line is parsed, before anything is written: a path whose
 * nearest existing ancestor is a file can never be created, and a directory flag naming an existing
 * file (or a file flag naming a directory) would fail half-way through the work. Public because
 * JCommander instantiates the validators reflectively.
 */
public final class OutputPaths {

    private OutputPaths() {}

    /** A directory to create or reuse. */
    public static final class Directory implements IValueValidator<Path> {
        @Override
        public void validate(String name, Path value) {
            if (Files.exists(value) && !Files.isDirectory(value)) {
                throw new ParameterException(name + " " + value + " is an existing file, not a directory: give a directory path");
            }
            checkAncestors(name, value);
        }
    }

    /** A file to create or replace. */
    public static final class File implements IValueValidator<Path> {
        @Override
        public void validate(String name, Path value) {
            if (Files.isDirectory(value)) {
                throw new ParameterException(name + " " + value + " is a directory: give a file path");
            }
            checkAncestors(name, value);
        }
    }

    private static void checkAncestors(String name, Path value) {
        for (Path p = value.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new ParameterException(name + " " + value + " lies under " + p + ", which is a file: give a path in a directory");
                }
                return;
            }
        }
    }
}
