package org.ndisport.core.adapter.internal;

import java.util.function.Supplier;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.InterruptRecognition;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInterrupt;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into the miniport driver at the IRQL of D31, catching what it throws at the boundary: a
 * throwing callback is logged and recorded as N1 and never takes the runtime down.
 */
final class DriverCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DriverCalls.class);

    private final Adapter adapter;
    private final MiniportDriver driver;
    private NdisMiniportHandle handle;

    DriverCalls(Adapter adapter) {
        this.adapter = adapter;
        this.driver = adapter.spec().driver();
    }

    void handle(NdisMiniportHandle value) {
        this.handle = value;
    }

    /** MiniportInitializeEx at PASSIVE; FAILURE when it throws or returns null. */
    NdisStatus initialize(MiniportInitParameters parameters) {
        NdisStatus s = call(Irql.PASSIVE_LEVEL, "initialize", () -> driver.initialize(handle, parameters));
        return s == null ? NdisStatus.FAILURE : s;
    }

    /** MiniportHaltEx at PASSIVE. */
    void halt(HaltAction action) {
        call(Irql.PASSIVE_LEVEL, "halt", () -> {
            driver.halt(handle, action);
            return null;
        });
    }

    /**
     * MiniportSendNetBufferLists at DISPATCH; per frame, so no lambda is allocated. False when the
     * callback threw (recorded, N1).
     */
    boolean send(NetBufferList lists, int port, int flags) {
        Irql previous = adapter.context().calls().enter(Irql.DISPATCH_LEVEL);
        try {
            driver.sendNetBufferLists(handle, lists, port, flags);
            return true;
        } catch (Exception | Error e) {
            failed("sendNetBufferLists", e);
            return false;
        } finally {
            adapter.context().calls().restore(previous);
        }
    }

    /** MiniportOidRequest at PASSIVE, marked as inside an OID request (R57). */
    NdisStatus oid(OidRequest request) {
        CallContext calls = adapter.context().calls();
        calls.enterOidRequest();
        try {
            NdisStatus s = call(Irql.PASSIVE_LEVEL, "oidRequest", () -> driver.oidRequest(handle, request));
            return s == null ? NdisStatus.FAILURE : s;
        } finally {
            calls.exitOidRequest();
        }
    }

    /** MiniportReturnNetBufferLists at DISPATCH; per frame, so no lambda is allocated. */
    void returnNetBufferLists(NetBufferList lists) {
        Irql previous = adapter.context().calls().enter(Irql.DISPATCH_LEVEL);
        try {
            driver.returnNetBufferLists(handle, lists, 0);
        } catch (Exception | Error e) {
            failed("returnNetBufferLists", e);
        } finally {
            adapter.context().calls().restore(previous);
        }
    }

    /** MiniportInterrupt at DIRQL; NOT_RECOGNIZED when it throws or returns null. */
    InterruptRecognition isr(MiniportInterrupt interrupt) {
        InterruptRecognition r = call(Irql.DIRQL, "interrupt", () -> interrupt.isr(handle));
        return r == null ? InterruptRecognition.NOT_RECOGNIZED : r;
    }

    /** MiniportInterruptDPC at DISPATCH. */
    void dpc(MiniportInterrupt interrupt) {
        call(Irql.DISPATCH_LEVEL, "interruptDpc", () -> {
            interrupt.dpc(handle);
            return null;
        });
    }

    private <T> T call(Irql irql, String what, Supplier<T> body) {
        Irql previous = adapter.context().calls().enter(irql);
        try {
            return body.get();
        } catch (Exception | Error e) {
            failed(what, e);
            return null;
        } finally {
            adapter.context().calls().restore(previous);
        }
    }

    /** N1: a throwing callback is logged with its bundle and recorded; a verifier exception was recorded already. */
    private void failed(String what, Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (e instanceof NdisVerifierException) {
            LOG.debug("driver callback {} of {} let a verifier exception escape", what, adapter.name(), e);
            return;
        }
        LOG.warn("miniport {} of bundle {} threw in {}", adapter.name(), adapter.spec().driverBundle(), what, e);
        adapter.finding("N1", "miniport callback " + what + " threw " + e);
    }
}
