package org.ndisport.testkit.scenario;

import java.util.List;
import java.util.Map;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkSpeed;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.MediaConnectState;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.port.NetIfDirection;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.testkit.ScriptedMiniport;

/** Miniport steps (the NdisM… calls) made through an adapter's handle. */
final class MiniportSteps {
    private MiniportSteps() {
    }

    /** Makes the call {@code step} names; an NdisVerifierException becomes a VIOLATION outcome. */
    static Outcome run(Step step, NdisMiniportHandle handle, ScriptedMiniport driver) {
        try {
            return call(step.words(), handle, driver);
        } catch (org.ndisport.api.NdisVerifierException e) {
            return Outcome.violation(e.ruleId());
        } catch (RuntimeException e) {
            throw new StepFailure(step.line(), "the call threw " + e);
        }
    }

    private static Outcome call(List<String> w, NdisMiniportHandle h, ScriptedMiniport driver) {
        String verb = Words.keyword(w.get(0));
        if (verb.startsWith("notify-port=")) {
            int notifyPort = Words.uint(w.get(0).substring("notify-port=".length()));
            return event(h, PnpEvents.plain(w.subList(1, w.size())).portNumber(notifyPort));
        }
        switch (verb) {
            case "set-attributes":
                return Outcome.of(h.setMiniportAttributes(w.size() == 2
                        ? MiniportAttributes.registrationControllingDefaultPort() : MiniportAttributes.registration()));
            case "allocate":
                AllocatePortResult r = h.allocatePort(characteristics(w));
                return Outcome.of(r.status(), Map.of("port", Integer.toUnsignedLong(r.portNumber())));
            case "free":
                return Outcome.of(h.freePort(Words.uint(w.get(1))));
            case "activate", "deactivate", "activate-raw", "deactivate-raw", "pnp-event":
                return event(h, PnpEvents.of(w));
            case "receive":
                driver.indicateReceive(Words.uint(w.get(1)), Words.uint(Syntax.value(w.get(2), "count")));
                return Outcome.NOTHING;
            case "status":
                h.indicateStatus(portState(Words.uint(w.get(1)), Words.keyword(w.get(3)).equals("connected")));
                return Outcome.NOTHING;
            case "io-register":
                IoPortRangeResult range = h.registerIoPortRange(Words.uint(w.get(1)), Words.uint(w.get(2)));
                return Outcome.of(range.status(), Map.of("offset", range.portOffset()));
            case "io-deregister":
                h.deregisterIoPortRange(Words.uint(w.get(1)), Words.uint(w.get(2)), Words.number(w.get(3)));
                return Outcome.NOTHING;
            default:
                return RawIo.call(verb, w, h);
        }
    }

    private static Outcome event(NdisMiniportHandle h, NetPnPEventNotification notification) {
        return Outcome.of(h.netPnPEvent(notification));
    }

    /** Default characteristics (header 0x80/1/60, USE_DEFAULT_AUTH_SETTINGS), then the fields written. */
    private static PortCharacteristics characteristics(List<String> w) {
        PortCharacteristics c = PortCharacteristics.forAllocation();
        NdisObjectHeader header = c.header();
        int type = header.type();
        int revision = header.revision();
        int size = header.size();
        boolean defaultAuth = false;
        for (String field : w.subList(1, w.size())) {
            String key = Words.keyword(field.substring(0, field.indexOf('=')));
            String v = field.substring(field.indexOf('=') + 1);
            switch (key) {
                case "type" -> c.type(PortTypes.parse(v));
                case "flags" -> c.flags(Words.uint(v));
                case "header-type" -> type = Words.uint(v);
                case "revision" -> revision = Words.uint(v);
                case "size" -> size = Words.uint(v);
                default -> defaultAuth = true;
            }
        }
        if (defaultAuth) {
            c.flags(c.flags() | PortCharacteristics.USE_DEFAULT_AUTH_SETTINGS);
        }
        return c.header(new NdisObjectHeader(type, revision, size));
    }

    private static StatusIndication portState(int port, boolean connected) {
        LinkState link = connected
                ? new LinkState(MediaConnectState.CONNECTED, 1_000_000_000L, 1_000_000_000L, NetIfDirection.SEND_RECEIVE)
                : new LinkState(MediaConnectState.DISCONNECTED, LinkSpeed.UNKNOWN, LinkSpeed.UNKNOWN,
                        NetIfDirection.SEND_RECEIVE);
        return new StatusIndication(port, StatusCodes.NDIS_STATUS_PORT_STATE,
                NdisPortState.of(link, AuthStates.UNCONTROLLED_UNKNOWN), NdisPortState.SIZE);
    }
}
