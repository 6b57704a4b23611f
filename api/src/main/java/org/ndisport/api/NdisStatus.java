package org.ndisport.api;

import java.util.Optional;

/**
 * Every NDIS status code the runtime returns (spec §1.6), and the few a driver returns to it, with
 * its numeric value.
 *
 * <p>Statuses are compared by {@link #code()} (spec "How to use" item 8) and printed with their NDIS
 * name and hexadecimal value, for example {@code NDIS_STATUS_INVALID_PORT (0xC023002D)}.
 */
public enum NdisStatus {
    /** The call did what it was asked. */
    SUCCESS(0x00000000),
    /** A protocol will complete a port event later with {@code completeNetPnPEvent} (P-4). */
    PENDING(0x00000103),
    /** Generic failure: allocation or port event in P0, I/O port range registration (D13, D25, D30). */
    FAILURE(0xC0000001),
    /** A port event's buffer is malformed (D5, D6, D8, D9). */
    INVALID_PARAMETER(0xC000000D),
    /** Every port number up to the adapter's limit is in use (D3). */
    RESOURCES(0xC000009A),
    /** A port event code other than activation or deactivation, or an unsupported OID (D14, §6). */
    NOT_SUPPORTED(0xC00000BB),
    /** The adapter is halting or halted (D2, D13). */
    CLOSING(0xC0010002),
    /** Registration attributes with a header revision the runtime does not know. */
    BAD_VERSION(0xC0010004),
    /** A miniport found no device at its assigned resources (returned by drivers from initialize). */
    ADAPTER_NOT_FOUND(0xC0010006),
    /** Port characteristics invalid (D1) or a port number above 0xFFFFFF given to free (D4). */
    INVALID_DATA(0xC0010015),
    /** An OID buffer too short for the answer; BytesNeeded is set (D18). */
    BUFFER_TOO_SHORT(0xC0010016),
    /** An I/O port range overlaps a claimed range (D24). */
    RESOURCE_CONFLICT(0xC001001E),
    /**
     * The binding is paused: it is not running yet, so a send is refused (decision N37, the runtime's
     * own use; NDIS completes sends on a paused binding so).
     */
    PAUSED(0xC023002A),
    /** A port that does not exist, or is not usable by the caller (R13, R26, R36, R38, R46). */
    INVALID_PORT(0xC023002D),
    /** A port that exists but is in the wrong state for the request (R14, R27, R37, D13). */
    INVALID_PORT_STATE(0xC023002E),
    /** The status indication code NDIS_STATUS_PORT_STATE (§6.4); not an error. */
    PORT_STATE(0x40010022);

    private final int code;

    NdisStatus(int code) {
        this.code = code;
    }

    /** The NDIS numeric value, as a Java int holding the unsigned 32-bit code. */
    public int code() {
        return code;
    }

    /** The NDIS name, e.g. {@code NDIS_STATUS_INVALID_PORT}. */
    public String ndisName() {
        return "NDIS_STATUS_" + name();
    }

    /** True for SUCCESS and PENDING and informational codes; false for error codes (severity bits 11). */
    public boolean isSuccess() {
        return (code >>> 30) != 3;
    }

    /** The status with that numeric value, or empty if the runtime does not know it. */
    public static Optional<NdisStatus> fromCode(int code) {
        for (NdisStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Parses a name with or without the {@code NDIS_STATUS_} prefix, case-insensitively. */
    public static Optional<NdisStatus> fromName(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (n.startsWith("NDIS_STATUS_")) {
            n = n.substring("NDIS_STATUS_".length());
        }
        for (NdisStatus s : values()) {
            if (s.name().equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.format("%s (0x%08X)", ndisName(), code);
    }
}
