package org.ndisport.api.port;

import java.util.Optional;

/** {@code NDIS_PORT_TYPE} (spec §1.4, NDIS 6.30 form). Values at or above {@link #MAX} are invalid (D1). */
public enum PortType {
    /** General use; the default. */
    UNDEFINED(0),
    /** Reserved for system use (R10). */
    BRIDGE(1),
    /** A Remote Access Service connection. */
    RAS_CONNECTION(2),
    /** A remote wireless station associated with an access point on this host. */
    IEEE8021X_SUPPLICANT(3),
    /** Reserved for system use (R10). */
    NDIS_IM_PLATFORM(4),
    /** Sentinel; never a valid type. */
    MAX(5);

    private final int value;

    PortType(int value) {
        this.value = value;
    }

    /** The numeric NDIS_PORT_TYPE value. */
    public int value() {
        return value;
    }

    /** True for the types reserved for system use (Bridge and NdisImPlatform, R10). */
    public boolean isReserved() {
        return this == BRIDGE || this == NDIS_IM_PLATFORM;
    }

    /** The type with that value, or empty for values the enumeration does not name. */
    public static Optional<PortType> fromValue(int value) {
        for (PortType t : values()) {
            if (t.value == value) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
