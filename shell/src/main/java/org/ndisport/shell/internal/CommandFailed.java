package org.ndisport.shell.internal;

import org.ndisport.api.NdisStatus;

/**
 * A command that could not do what it was asked: Gogo prints the message (never a stack trace), and a
 * script stops with a non-zero exit status.
 */
final class CommandFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailed(String message) {
        super(message, null, false, false);
    }

    /** {@code what: NDIS_STATUS_NAME (0x…)} */
    static CommandFailed status(String what, NdisStatus status) {
        return new CommandFailed(what + ": " + status);
    }
}
