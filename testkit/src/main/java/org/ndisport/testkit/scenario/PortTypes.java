package org.ndisport.testkit.scenario;

import java.util.Locale;
import org.ndisport.api.port.PortType;

/** Port type words of {@code allocate type=T}: undefined, bridge, ras, 8021x, implatform, or a number. */
final class PortTypes {
    private PortTypes() {
    }

    /** The NDIS_PORT_TYPE value, or null for an unknown word. */
    static Integer parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "undefined" -> PortType.UNDEFINED.value();
            case "bridge" -> PortType.BRIDGE.value();
            case "ras" -> PortType.RAS_CONNECTION.value();
            case "8021x" -> PortType.IEEE8021X_SUPPLICANT.value();
            case "implatform" -> PortType.NDIS_IM_PLATFORM.value();
            default -> {
                try {
                    yield Words.uint(word);
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
        };
    }
}
