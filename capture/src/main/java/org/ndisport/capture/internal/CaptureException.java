package org.ndisport.capture.internal;

/**
 * A capture request that could not be done, with a message for the user: Gogo prints it (never a stack
 * trace), and a script stops with a non-zero exit status.
 */
public final class CaptureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaptureException(String message) {
        super(message, null, false, false);
    }
}
