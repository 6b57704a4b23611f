package org.ndisport.testkit.scenario;

import java.util.List;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;

/**
 * The NET_PNP_EVENT_NOTIFICATIONs of the activation and deactivation steps: well formed
 * ({@code activate 1 2}) or with the buffer as written ({@code activate-raw …}, {@code deactivate-raw …},
 * {@code pnp-event CODE}).
 */
final class PnpEvents {
    private PnpEvents() {
    }

    static NetPnPEventNotification of(List<String> w) {
        String verb = Words.keyword(w.get(0));
        return switch (verb) {
            case "activate", "deactivate" -> plain(w);
            case "activate-raw" -> activationRaw(w);
            case "deactivate-raw" -> deactivationRaw(w);
            default -> NetPnPEventNotification.of(new NetPnPEvent(code(w.get(1)), null, 0));
        };
    }

    /** {@code activate N…} or {@code deactivate N…}: a well-formed chain or array. */
    static NetPnPEventNotification plain(List<String> w) {
        int[] ports = new int[w.size() - 1];
        for (int i = 1; i < w.size(); i++) {
            ports[i - 1] = Words.uint(w.get(i));
        }
        return Words.keyword(w.get(0)).equals("activate") ? NetPnPEventNotification.portActivation(ports)
                : NetPnPEventNotification.portDeactivation(ports);
    }

    private static NetPnPEventNotification activationRaw(List<String> w) {
        String what = w.get(1);
        if (Words.keyword(what).equals("null")) {
            return NetPnPEventNotification.of(new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, null, length(w, 0)));
        }
        boolean cycle = Words.keyword(what).startsWith("cycle=");
        int[] ports = ints(what.substring(what.indexOf('=') + 1));
        NdisPort chain = NdisPort.chainOf(ports);
        if (cycle) {
            NdisPort last = chain;
            while (last.next() != null) {
                last = last.next();
            }
            last.next(chain);
        }
        return NetPnPEventNotification.of(new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, chain,
                length(w, ports.length * NdisPort.SIZE)));
    }

    private static NetPnPEventNotification deactivationRaw(List<String> w) {
        String what = w.get(1);
        if (Words.keyword(what).equals("null")) {
            return NetPnPEventNotification.of(new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, null, length(w, 0)));
        }
        int[] ports = ints(what.substring(what.indexOf('=') + 1));
        return NetPnPEventNotification.of(new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, ports,
                length(w, ports.length * Integer.BYTES)));
    }

    private static int length(List<String> w, int otherwise) {
        return w.size() == 3 ? Words.uint(Syntax.value(w.get(2), "length")) : otherwise;
    }

    private static int[] ints(String list) {
        return Words.numbers(list).stream().mapToInt(Long::intValue).toArray();
    }

    private static int code(String word) {
        return NetPnPEventCode.fromName(word).map(NetPnPEventCode::code).orElseGet(() -> Words.uint(word));
    }
}
