package org.ndisport.core.pnp.internal;

import java.util.Arrays;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;

/** Reads the buffer of a port event and applies the parameter checks, in D10 order, without a lock. */
public final class PortEventParser {
    private PortEventParser() {
    }

    /** Rows A1-A4 of spec §2.3 (D5, D6, D9). */
    public static ParsedPortEvent activation(NetPnPEvent event) {
        if (event.buffer() == null || event.bufferLength() == 0) {
            return ParsedPortEvent.invalid(null);
        }
        if (!(event.buffer() instanceof NdisPort head) || hasCycle(head)) {
            return ParsedPortEvent.invalid(null);
        }
        long entries = 0;
        for (NdisPort p = head; p != null; p = p.next()) {
            entries++;
            if (entries > PortNumbers.MAX_PORT_NUMBER || p.portCharacteristics() == null) {
                return ParsedPortEvent.invalid(null);
            }
        }
        int[] ports = new int[(int) entries];
        PortCharacteristics[] chars = new PortCharacteristics[ports.length];
        int i = 0;
        for (NdisPort p = head; p != null; p = p.next(), i++) {
            chars[i] = p.portCharacteristics().copy();
            ports[i] = chars[i].portNumber();
        }
        if (Integer.toUnsignedLong(event.bufferLength()) < entries * NdisPort.SIZE || hasDuplicate(ports)) {
            return ParsedPortEvent.invalid(ports);
        }
        return new ParsedPortEvent(null, ports, chars);
    }

    /** Rows X1-X3 of spec §2.4 (R25, D8, D9). Only the first BufferLength / 4 entries are read. */
    public static ParsedPortEvent deactivation(NetPnPEvent event) {
        if (event.buffer() == null || event.bufferLength() == 0 || !(event.buffer() instanceof int[] array)) {
            return ParsedPortEvent.invalid(null);
        }
        long length = Integer.toUnsignedLong(event.bufferLength());
        if (length % Integer.BYTES != 0 || length > (long) Integer.BYTES * array.length) {
            return ParsedPortEvent.invalid(null);
        }
        int[] ports = Arrays.copyOf(array, (int) (length / Integer.BYTES));
        if (hasDuplicate(ports)) {
            return ParsedPortEvent.invalid(ports);
        }
        return new ParsedPortEvent(null, ports, null);
    }

    /** Floyd's tortoise and hare: no allocation however long the chain. */
    private static boolean hasCycle(NdisPort head) {
        NdisPort slow = head;
        NdisPort fast = head;
        while (fast != null && fast.next() != null) {
            slow = slow.next();
            fast = fast.next().next();
            if (slow == fast) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDuplicate(int[] ports) {
        int[] sorted = ports.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }
}
