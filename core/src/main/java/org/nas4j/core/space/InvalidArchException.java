package org.nas4j.core.space;

import org.nas4j.core.util.UserException;

/** An arch string or JSON that does not describe an architecture of the space at hand. */
public class InvalidArchException extends UserException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public InvalidArchException(String message) {
        super(message);
    }
}
