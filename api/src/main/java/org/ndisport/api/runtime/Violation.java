package org.ndisport.api.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * One verifier record (spec §0.3, D21).
 *
 * @param sequence a number increasing by one per record of this runtime
 * @param ruleId   the rule id: R…, P-… or D…
 * @param severity violation or warning
 * @param adapter  the adapter's name
 * @param port     the port number, or -1 when the record concerns no port ({@link #NO_PORT})
 * @param bundle   the symbolic name of the calling bundle
 * @param time     when it was recorded
 * @param message  what happened
 */
public record Violation(long sequence, String ruleId, Severity severity, String adapter, long port, String bundle,
        Instant time, String message) {
    /** The port value of a record that concerns no port. */
    public static final long NO_PORT = -1;

    /** No null fields. */
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
    }

    /** True when the record names a port. */
    public boolean hasPort() {
        return port != NO_PORT;
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + " adapter " + adapter + (hasPort() ? " port " + port : "") + " by " + bundle
                + ": " + message;
    }
}
