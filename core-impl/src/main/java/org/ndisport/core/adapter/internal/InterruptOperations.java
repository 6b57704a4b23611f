package org.ndisport.core.adapter.internal;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.InterruptSink;
import org.ndisport.api.miniport.InterruptRecognition;
import org.ndisport.api.miniport.MiniportInterrupt;
import org.ndisport.api.runtime.AdapterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One adapter's interrupt: NdisMRegisterInterruptEx connects the device's line to this sink; each edge
 * wakes the registration's interrupt thread, which runs the ISR at DIRQL under the interrupt lock and
 * then, if asked, the DPC at DISPATCH (D31). Edges arriving while a handler runs are serviced again,
 * never lost; handlers never run on the device's thread, so a device may signal while holding its own lock.
 */
final class InterruptOperations implements InterruptSink {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptOperations.class);
    private static final long JOIN_MILLIS = 10_000;

    private final Adapter adapter;
    private final DriverCalls driver;
    private final ReentrantLock interruptLock = new ReentrantLock();
    private volatile Registration current;

    /** One NdisMRegisterInterruptEx: its handlers, its thread and its pending edges. */
    private final class Registration implements Runnable {
        private final MiniportInterrupt handlers;
        private final AtomicInteger pending = new AtomicInteger();
        private final Thread thread;
        private volatile boolean active = true;

        Registration(MiniportInterrupt handlers) {
            this.handlers = handlers;
            this.thread = new Thread(this, "ndisport-irq" + adapter.spec().interruptLine() + "-" + adapter.name());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (active) {
                if (pending.getAndSet(0) == 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    continue;
                }
                try {
                    service();
                } catch (Throwable e) {
                    LOG.error("adapter {}: interrupt handler failed", adapter.name(), e);
                    adapter.finding("N1", "interrupt handler threw " + e);
                }
            }
        }

        private void service() {
            InterruptRecognition recognition;
            interruptLock.lock();
            try {
                if (!active) {
                    return;
                }
                recognition = driver.isr(handlers);
            } finally {
                interruptLock.unlock();
            }
            if (recognition == InterruptRecognition.RECOGNIZED_QUEUE_DPC && active) {
                driver.dpc(handlers);
            }
        }
    }

    InterruptOperations(Adapter adapter, DriverCalls driver) {
        this.adapter = adapter;
        this.driver = driver;
    }

    synchronized NdisStatus register(MiniportInterrupt interrupt) {
        Objects.requireNonNull(interrupt, "interrupt");
        HardwareDevice device = adapter.spec().device();
        if (adapter.phase() != AdapterPhase.P1_INIT_POST_REG || current != null || device == null
                || adapter.spec().interruptLine() < 0) {
            LOG.debug("adapter {}: NdisMRegisterInterruptEx refused (phase {}, registered {}, line {})",
                    adapter.name(), adapter.phase(), current != null, adapter.spec().interruptLine());
            return NdisStatus.FAILURE;
        }
        Registration r = new Registration(interrupt);
        current = r;
        r.thread.start();
        device.connectInterrupt(this);
        return NdisStatus.SUCCESS;
    }

    /**
     * Disconnects the line and ends the registration; waits for a handler under way, unless called from
     * that handler or from inside {@link #synchronize} (where waiting would wait for itself).
     */
    void deregister() {
        Registration r;
        synchronized (this) {
            r = current;
            if (r == null) {
                return;
            }
            current = null;
            r.active = false;
            adapter.spec().device().connectInterrupt(null);
        }
        LockSupport.unpark(r.thread);
        if (Thread.currentThread() == r.thread || interruptLock.isHeldByCurrentThread()) {
            return;
        }
        try {
            r.thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (r.thread.isAlive()) {
            LOG.warn("adapter {}: interrupt handler still running after {} ms", adapter.name(), JOIN_MILLIS);
        }
    }

    /** True while an interrupt is registered. */
    boolean registered() {
        return current != null;
    }

    /** Runs {@code function} at DIRQL under the interrupt lock, registered or not (a DPC may outlive it). */
    boolean synchronize(BooleanSupplier function) {
        Objects.requireNonNull(function, "function");
        CallContext calls = adapter.context().calls();
        interruptLock.lock();
        Irql previous = calls.enter(Irql.DIRQL);
        try {
            return function.getAsBoolean();
        } finally {
            calls.restore(previous);
            interruptLock.unlock();
        }
    }

    @Override
    public void interrupt() {
        Registration r = current;
        if (r != null) {
            r.pending.incrementAndGet();
            LockSupport.unpark(r.thread);
        }
    }
}
