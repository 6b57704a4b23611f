package org.ndisport.api.pnp;

import java.util.Locale;
import java.util.Optional;

/** {@code NET_PNP_EVENT_CODE} (spec §1.4), with which codes a miniport may issue (R23, D14). */
public enum NetPnPEventCode {
    SET_POWER(0, "SetPower"),
    QUERY_POWER(1, "QueryPower"),
    QUERY_REMOVE_DEVICE(2, "QueryRemoveDevice"),
    CANCEL_REMOVE_DEVICE(3, "CancelRemoveDevice"),
    RECONFIGURE(4, "Reconfigure"),
    BIND_LIST(5, "BindList"),
    BINDS_COMPLETE(6, "BindsComplete"),
    PNP_CAPABILITIES(7, "PnPCapabilities"),
    PAUSE(8, "Pause"),
    RESTART(9, "Restart"),
    /** {@code NetEventPortActivation}: Buffer is an NDIS_PORT chain. */
    PORT_ACTIVATION(10, "PortActivation"),
    /** {@code NetEventPortDeactivation}: Buffer is an NDIS_PORT_NUMBER array. */
    PORT_DEACTIVATION(11, "PortDeactivation"),
    IM_RE_ENABLE_DEVICE(12, "IMReEnableDevice"),
    NDK_ENABLE(13, "NDKEnable"),
    NDK_DISABLE(14, "NDKDisable"),
    FILTER_PRE_DETACH(15, "FilterPreDetach"),
    BIND_FAILED(16, "BindFailed"),
    SWITCH_ACTIVATE(17, "SwitchActivate"),
    ALLOW_BINDS_ABOVE(18, "AllowBindsAbove"),
    INHIBIT_BINDS_ABOVE(19, "InhibitBindsAbove"),
    ALLOW_START(20, "AllowStart"),
    REQUIRE_PAUSE(21, "RequirePause"),
    UPLOAD_GFT_FLOW_ENTRIES(22, "UploadGftFlowEntries"),
    /** Sentinel; never a valid event. */
    MAXIMUM(23, "Maximum");

    private final int code;
    private final String ndisName;

    NetPnPEventCode(int code, String ndisName) {
        this.code = code;
        this.ndisName = ndisName;
    }

    /** The numeric NET_PNP_EVENT_CODE. */
    public int code() {
        return code;
    }

    /** The NDIS name without the {@code NetEvent} prefix, e.g. {@code PortActivation}. */
    public String ndisName() {
        return ndisName;
    }

    /** True for codes reserved to intermediate drivers: 0-9, 12-17 and 22 (§1.4). */
    public boolean isReservedToIntermediateDrivers() {
        return code <= 9 || (code >= 12 && code <= 17) || code == 22;
    }

    /** The code with that value, or empty. */
    public static Optional<NetPnPEventCode> fromCode(int code) {
        for (NetPnPEventCode c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Parses the NDIS name, with or without the {@code NetEvent} prefix, case-insensitively. */
    public static Optional<NetPnPEventCode> fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("netevent")) {
            n = n.substring("netevent".length());
        }
        for (NetPnPEventCode c : values()) {
            if (c.ndisName.toLowerCase(Locale.ROOT).equals(n) || c.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
