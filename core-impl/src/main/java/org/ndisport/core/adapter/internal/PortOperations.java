package org.ndisport.core.adapter.internal;

import java.util.Objects;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortType;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.port.internal.PortEntry;

/** Registration attributes, NdisMAllocatePort and NdisMFreePort for one adapter (spec §2.1, §2.2, §2.6). */
final class PortOperations {
    private final Adapter adapter;

    PortOperations(Adapter adapter) {
        this.adapter = adapter;
    }

    /** Registration attributes: P0 to P1, port 0 created (R21, §2.6). */
    NdisStatus setMiniportAttributes(MiniportAttributes attributes) {
        Objects.requireNonNull(attributes, "attributes");
        NdisObjectHeader h = attributes.header();
        if (h == null || h.type() != NdisObjectHeader.TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES) {
            return NdisStatus.INVALID_PARAMETER;
        }
        if (h.revision() < 1 || h.revision() > MiniportAttributes.MAX_REVISION) {
            return NdisStatus.BAD_VERSION;
        }
        synchronized (adapter.stateLock()) {
            if (adapter.phase() != AdapterPhase.P0_INIT_PRE_REG) {
                return NdisStatus.FAILURE;
            }
            adapter.driverContext(attributes.context());
            adapter.controlsDefaultPort(attributes.controlsDefaultPort());
            PortEntry port0 = new PortEntry(PortNumbers.DEFAULT_PORT_NUMBER, PortType.UNDEFINED.value(), 0,
                    LinkState.UNKNOWN, adapter.spec().defaultAuthStates());
            adapter.ports().put(port0);
            adapter.portState(port0, attributes.controlsDefaultPort() ? PortState.ALLOCATED : PortState.ACTIVATED);
            adapter.phase(AdapterPhase.P1_INIT_POST_REG);
        }
        return NdisStatus.SUCCESS;
    }

    /** NdisMAllocatePort, rows 1-5 of §2.1 in order. */
    AllocatePortResult allocate(PortCharacteristics chars) {
        checkIrql("R54", "NdisMAllocatePort");
        synchronized (adapter.stateLock()) {
            AdapterPhase phase = adapter.phase();
            if (phase == AdapterPhase.P0_INIT_PRE_REG) {
                adapter.violation("R1", "NdisMAllocatePort before registration attributes were set");
                return AllocatePortResult.failed(NdisStatus.FAILURE);
            }
            if (phase == AdapterPhase.P3_HALTING || phase == AdapterPhase.P4_HALTED) {
                adapter.violation("R2", "NdisMAllocatePort in " + phase);
                return AllocatePortResult.failed(NdisStatus.CLOSING);
            }
            if (adapter.haltScheduled()) {
                return AllocatePortResult.failed(NdisStatus.CLOSING);
            }
            if (!valid(chars)) {
                return AllocatePortResult.failed(NdisStatus.INVALID_DATA);
            }
            int n = adapter.numbers().allocateLowest(adapter.context().portLimit());
            if (n < 0) {
                return AllocatePortResult.failed(NdisStatus.RESOURCES);
            }
            AuthStates auth = chars.usesDefaultAuthSettings() ? adapter.spec().defaultAuthStates() : chars.authStates();
            PortEntry entry = new PortEntry(n, chars.type(), chars.flags(), chars.linkState(), auth);
            adapter.ports().put(entry);
            adapter.portState(entry, PortState.ALLOCATED);
            chars.portNumber(n);
            if (chars.type() == PortType.BRIDGE.value() || chars.type() == PortType.NDIS_IM_PLATFORM.value()) {
                adapter.warning("R10", n, "port type " + chars.type() + " is reserved for system use");
            }
            return new AllocatePortResult(NdisStatus.SUCCESS, n);
        }
    }

    /** NdisMFreePort, rows 1-5 of §2.2 in order (D4). */
    NdisStatus free(int n) {
        checkIrql("R55", "NdisMFreePort");
        if (!PortNumbers.isValid(n)) {
            return NdisStatus.INVALID_DATA;
        }
        if (n == PortNumbers.DEFAULT_PORT_NUMBER) {
            return NdisStatus.INVALID_PORT;
        }
        synchronized (adapter.stateLock()) {
            PortEntry entry = adapter.ports().get(n);
            if (entry == null) {
                return NdisStatus.INVALID_PORT;
            }
            if (entry.state() != PortState.ALLOCATED) {
                return NdisStatus.INVALID_PORT_STATE;
            }
            remove(entry);
            return NdisStatus.SUCCESS;
        }
    }

    /** Removes a port and frees its number (R43); the caller holds the state lock. */
    void remove(PortEntry entry) {
        adapter.ports().remove(entry.number());
        if (entry.number() != PortNumbers.DEFAULT_PORT_NUMBER) {
            adapter.numbers().release(entry.number());
        }
        adapter.portState(entry, PortState.NONEXISTENT);
    }

    /** D1: header 0x80 or 0x9C, revision at least 1, size at least 60, type below 5, no unknown flag. */
    private static boolean valid(PortCharacteristics c) {
        if (c == null || c.header() == null) {
            return false;
        }
        NdisObjectHeader h = c.header();
        boolean typeOk = h.type() == NdisObjectHeader.TYPE_DEFAULT
                || h.type() == NdisObjectHeader.TYPE_PORT_CHARACTERISTICS;
        return typeOk && h.revision() >= 1 && h.size() >= PortCharacteristics.SIZEOF_REVISION_1
                && Integer.compareUnsigned(c.type(), PortType.MAX.value()) < 0
                && (c.flags() & ~PortCharacteristics.USE_DEFAULT_AUTH_SETTINGS) == 0;
    }

    private void checkIrql(String ruleId, String call) {
        Irql irql = adapter.context().calls().irql();
        if (irql.compareTo(Irql.DISPATCH_LEVEL) > 0) {
            adapter.violation(ruleId, call + " at " + irql);
        }
    }
}
