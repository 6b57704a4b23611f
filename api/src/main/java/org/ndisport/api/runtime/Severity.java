package org.ndisport.api.runtime;

/** Severity of a verifier record (spec §0.3). */
public enum Severity {
    /** A broken driver obligation (OBL). */
    VIOLATION,
    /** Recorded, never throws, never changes the outcome. */
    WARNING
}
