package org.ndisport.api.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The verifier's records and mode (spec D21). Provided by the engine. Records are kept in order of
 * {@link Violation#sequence()}; the newest {@link #capacity()} are retained and {@link #total()} counts
 * every one ever recorded, so none is lost silently.
 */
@ProviderType
public interface Verifier {
    /** The current mode, set through ConfigAdmin. */
    VerifierMode mode();

    /** Every retained record, oldest first. */
    List<Violation> violations();

    /** Retained records with a sequence number greater than {@code afterSequence}, oldest first. */
    List<Violation> violationsSince(long afterSequence);

    /** Records ever made, including those no longer retained. */
    long total();

    /** How many records are retained at most. */
    int capacity();

    /** Forgets the retained records (the total is kept). */
    void clear();
}
