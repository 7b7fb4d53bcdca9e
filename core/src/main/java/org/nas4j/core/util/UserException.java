package org.nas4j.core.util;

/**
 * A problem the user caused and can fix (bad flag, arch outside the space, missing or corrupt file).
 * The CLI prints its message as one line and exits with code 2; the message says what is wrong and
 * how to fix it.
 */
public class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public UserException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause the underlying error
     */
    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
