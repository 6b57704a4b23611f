package org.ndisport.binding.internal;

import java.util.List;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;

/**
 * Plain descriptions of the calls the model-based test makes: read by {@link PortModel} (which never
 * sees an API structure) and turned into the API structures the engine gets.
 */
final class ModelOps {
    private ModelOps() {
    }

    /** Port-characteristics fields for NdisMAllocatePort; {@code nul} stands for a null pointer. */
    record CharsSpec(boolean nul, int headerType, int revision, int size, int flags, int type, int inputPort) {
        PortCharacteristics toApi() {
            if (nul) {
                return null;
            }
            return PortCharacteristics.forAllocation().header(new NdisObjectHeader(headerType, revision, size))
                    .flags(flags).type(type).portNumber(inputPort);
        }

        @Override
        public String toString() {
            return nul ? "null" : String.format("hdr=0x%X/%d/%d flags=0x%X type=%s in=%d", headerType, revision, size,
                    flags, Integer.toUnsignedString(type), inputPort);
        }
    }

    /** What the event buffer holds. */
    enum Buffer { NULL, CHAIN, ARRAY }

    /**
     * A NET_PNP_EVENT_NOTIFICATION: raw code, buffer kind and entries, chain defects (a cycle, the last
     * entry without characteristics), BufferLength, the notification's PortNumber, reserved members set,
     * and entries whose characteristics are odd (activation does not check them).
     */
    record EventSpec(int code, Buffer buffer, List<Integer> numbers, boolean cycle, boolean missingChars,
            int bufferLength, int notificationPort, boolean reserved, boolean oddChars) {

        static EventSpec wellFormed(int code, List<Integer> numbers) {
            int length = numbers.size() * (code == 10 ? NdisPort.SIZE : Integer.BYTES);
            return new EventSpec(code, code == 10 ? Buffer.CHAIN : Buffer.ARRAY, List.copyOf(numbers), false, false,
                    length, 0, false, false);
        }

        NetPnPEventNotification toApi() {
            Object payload = switch (buffer) {
                case NULL -> null;
                case ARRAY -> numbers.stream().mapToInt(Integer::intValue).toArray();
                case CHAIN -> chain();
            };
            NetPnPEvent event = new NetPnPEvent(code, payload, bufferLength);
            if (reserved) {
                event.tdiReserved(new Object[] {"set", null, null, null});
            }
            return NetPnPEventNotification.of(event).portNumber(notificationPort);
        }

        private NdisPort chain() {
            PortCharacteristics[] chars = new PortCharacteristics[numbers.size()];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = PortCharacteristics.forPort(numbers.get(i));
                if (oddChars) {
                    chars[i].header(new NdisObjectHeader(0, 0, 0)).flags(0xF0).type(99);
                }
            }
            NdisPort head = NdisPort.chain(chars);
            NdisPort last = head;
            while (last != null && last.next() != null) {
                last = last.next();
            }
            if (last != null && missingChars) {
                last.portCharacteristics(null);
            }
            if (last != null && cycle) {
                last.next(head);
            }
            return head;
        }

        @Override
        public String toString() {
            String what = switch (code) {
                case 10 -> "activation";
                case 11 -> "deactivation";
                default -> "event code " + code;
            };
            return what + " " + buffer.name().toLowerCase() + numbers + " len=" + Integer.toUnsignedString(bufferLength)
                    + (cycle ? " cycle" : "") + (missingChars ? " last-entry-without-chars" : "")
                    + (notificationPort != 0 ? " notification-port=" + notificationPort : "")
                    + (reserved ? " reserved-set" : "") + (oddChars ? " odd-chars" : "");
        }
    }

    /** What a protocol's port-event callback does besides logging. */
    enum HookKind { SEND, FREE, REPEAT, RECEIVE, ALLOCATE, STATUS }

    /**
     * Inside protocol {@code at}'s callback for the event: {@code sender} sends on {@code port} (SEND), the
     * miniport frees it (FREE), raises the same kind of event for it alone (REPEAT), indicates a receive
     * on it (RECEIVE) or allocates a new port (ALLOCATE).
     */
    record Hook(String at, HookKind kind, String sender, int port) {
        @Override
        public String toString() {
            return "in " + at + "'s callback: " + switch (kind) {
                case SEND -> sender + " sends on " + port;
                case FREE -> "free " + port;
                case REPEAT -> "same event for [" + port + "]";
                case RECEIVE -> "receive on " + port;
                case STATUS -> "status on " + port;
                case ALLOCATE -> "allocate";
            };
        }
    }

    /** What the miniport does inside MiniportInitializeEx or MiniportHaltEx. */
    enum CallKind { DEACTIVATE, FREE, ACTIVATE, ALLOCATE, IO, STATUS }

    /** One call of the initialize or halt handler: a port call, an I/O call ({@code io}) or a {@code status}. */
    record DriverCall(CallKind kind, int port, IoOps.IoCall io, StatusSpec status) {
        DriverCall(CallKind kind, int port) {
            this(kind, port, null, null);
        }

        static DriverCall io(IoOps.IoCall io) {
            return new DriverCall(CallKind.IO, 0, io, null);
        }

        static DriverCall status(StatusSpec status) {
            return new DriverCall(CallKind.STATUS, status.port(), null, status);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case ALLOCATE -> "allocate";
                case IO -> io.toString();
                case STATUS -> status.toString();
                default -> kind.name().toLowerCase() + " " + port;
            };
        }
    }

    /** A call on the handle of an adapter that was halted and has been re-created under its name since. */
    enum StaleKind { ALLOCATE, FREE, ACTIVATE, DEACTIVATE, RECEIVE, STATUS }

    /**
     * MiniportInitializeEx: calls before the registration attributes (P0), the attributes (controlling
     * port 0 or not), calls after them (P1), and the result.
     */
    record InitScript(List<DriverCall> beforeRegistration, boolean controlsDefault, List<DriverCall> afterRegistration,
            boolean succeeds) {
        static InitScript plain(boolean controlsDefault) {
            return new InitScript(List.of(), controlsDefault, List.of(), true);
        }

        /** Registration, then the card's range claimed. */
        static InitScript claiming(boolean controlsDefault, int base, int count) {
            return new InitScript(List.of(), controlsDefault, List.of(DriverCall.io(IoOps.IoCall.register(base, count))),
                    true);
        }

        @Override
        public String toString() {
            return (beforeRegistration.isEmpty() ? "" : beforeRegistration + " before registration, ")
                    + (controlsDefault ? "controlling port 0" : "registration")
                    + (afterRegistration.isEmpty() ? "" : ", then " + afterRegistration)
                    + (succeeds ? "" : ", then failing");
        }
    }

    /** One call on a retired handle. */
    record StaleCall(StaleKind kind, int port) {
        @Override
        public String toString() {
            return kind == StaleKind.ALLOCATE ? "allocate" : kind.name().toLowerCase() + " " + port;
        }
    }

    /** How a protocol answers binds and port events (§4.2: P-3, P-5; README N17 for declined binds). */
    enum ProtocolStyle {
        WELL_BEHAVED, DECLINES_BINDS, FAILS_PORT_EVENTS, PORT_EVENTS_NOT_SUPPORTED;

        NdisStatus bindAnswer() {
            return this == DECLINES_BINDS ? NdisStatus.FAILURE : NdisStatus.SUCCESS;
        }

        NdisStatus eventAnswer() {
            return switch (this) {
                case FAILS_PORT_EVENTS -> NdisStatus.FAILURE;
                case PORT_EVENTS_NOT_SUPPORTED -> NdisStatus.NOT_SUPPORTED;
                default -> NdisStatus.SUCCESS;
            };
        }
    }
}
