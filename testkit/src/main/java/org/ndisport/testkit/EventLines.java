package org.ndisport.testkit;

import java.util.ArrayList;
import java.util.List;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;

/**
 * How {@link RecordingProtocol} writes events, as the scenario format names them: {@code bind A [0, 1]},
 * {@code unbind A}, {@code port-activation A [1]}, {@code port-deactivation A [1]}, {@code receive A 1 4},
 * {@code status A 1 port-state}.
 */
public final class EventLines {
    private EventLines() {
    }

    /** The port numbers of an NDIS_PORT chain as {@code [0, 1]} (at most 0xFFFFFF entries). */
    public static String ports(NdisPort chain) {
        List<String> out = new ArrayList<>();
        for (NdisPort p = chain; p != null && out.size() < 0xFFFFFF; p = p.next()) {
            out.add(p.portCharacteristics() == null ? "?"
                    : Integer.toUnsignedString(p.portCharacteristics().portNumber()));
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** A port event as {@code port-activation A [1]}, {@code port-deactivation A [1]} or {@code pnp-event A CODE}. */
    public static String portEvent(String adapter, NetPnPEventNotification notification) {
        NetPnPEvent event = notification.netPnPEvent();
        if (event.netEvent() == NetPnPEventCode.PORT_ACTIVATION.code() && event.buffer() instanceof NdisPort chain) {
            return "port-activation " + adapter + " " + ports(chain);
        }
        if (event.netEvent() == NetPnPEventCode.PORT_DEACTIVATION.code() && event.buffer() instanceof int[] numbers) {
            List<String> out = new ArrayList<>();
            int entries = Math.min(numbers.length, Integer.divideUnsigned(event.bufferLength(), Integer.BYTES));
            for (int i = 0; i < entries; i++) {
                out.add(Integer.toUnsignedString(numbers[i]));
            }
            return "port-deactivation " + adapter + " [" + String.join(", ", out) + "]";
        }
        return "pnp-event " + adapter + " " + event.netEvent();
    }

    /** A status indication as {@code status A 1 port-state} (other codes in hex). */
    public static String status(String adapter, StatusIndication indication) {
        String code = indication.statusCode() == StatusCodes.NDIS_STATUS_PORT_STATE ? "port-state"
                : String.format("0x%08x", indication.statusCode());
        return "status " + adapter + " " + Integer.toUnsignedString(indication.portNumber()) + " " + code;
    }
}
