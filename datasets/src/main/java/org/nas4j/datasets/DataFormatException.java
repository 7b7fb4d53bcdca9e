package org.nas4j.datasets;

import org.nas4j.core.util.UserException;

/** A dataset file that is missing, truncated or not in the expected format. */
public class DataFormatException extends UserException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with which file, and how to fix it */
    public DataFormatException(String message) {
        super(message);
    }
}
