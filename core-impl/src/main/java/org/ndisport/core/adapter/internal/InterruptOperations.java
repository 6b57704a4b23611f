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
 * wakes the adapter's interrupt thread, which runs the ISR at DIRQL under the interrupt lock and then,
 * if asked, the DPC at DISPATCH (D31). Edges arriving while a handler runs are serviced again, never
 * lost; handlers never run on the device's thread, so a device may signal while holding its own lock.
 */
final class InterruptOperations implements InterruptSink {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptOperations.class);
    private static final long JOIN_MILLIS = 10_000;

    private final Adapter adapter;
    private final DriverCalls driver;
    private final ReentrantLock interruptLock = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile MiniportInterrupt handlers;
    private volatile Thread thread;
    private volatile boolean running;

    InterruptOperations(Adapter adapter, DriverCalls driver) {
        this.adapter = adapter;
        this.driver = driver;
    }

    synchronized NdisStatus register(MiniportInterrupt interrupt) {
        Objects.requireNonNull(interrupt, "interrupt");
        HardwareDevice device = adapter.spec().device();
        if (adapter.phase() != AdapterPhase.P1_INIT_POST_REG || handlers != null || device == null
                || adapter.spec().interruptLine() < 0) {
            LOG.debug("adapter {}: NdisMRegisterInterruptEx refused (phase {}, registered {}, line {})",
                    adapter.name(), adapter.phase(), handlers != null, adapter.spec().interruptLine());
            return NdisStatus.FAILURE;
        }
        handlers = interrupt;
        running = true;
        Thread t = new Thread(this::serviceLoop, "ndisport-irq" + adapter.spec().interruptLine() + "-" + adapter.name());
        t.setDaemon(true);
        thread = t;
        t.start();
        device.connectInterrupt(this);
        return NdisStatus.SUCCESS;
    }

    /** Disconnects the line and stops the thread, waiting for a running handler unless called from one. */
    synchronized void deregister() {
        Thread t = thread;
        if (handlers == null || t == null) {
            return;
        }
        adapter.spec().device().connectInterrupt(null);
        running = false;
        LockSupport.unpark(t);
        if (Thread.currentThread() != t) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("adapter {}: interrupt handler still running after {} ms", adapter.name(), JOIN_MILLIS);
            }
        }
        thread = null;
        handlers = null;
    }

    /** True while an interrupt is registered. */
    boolean registered() {
        return handlers != null;
    }

    boolean synchronize(BooleanSupplier function) {
        Objects.requireNonNull(function, "function");
        if (handlers == null) {
            throw new IllegalStateException("NdisMSynchronizeWithInterruptEx without a registered interrupt on "
                    + adapter.name());
        }
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
        pending.incrementAndGet();
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void serviceLoop() {
        while (running) {
            if (pending.getAndSet(0) == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                continue;
            }
            MiniportInterrupt h = handlers;
            if (h == null) {
                continue;
            }
            InterruptRecognition recognition;
            interruptLock.lock();
            try {
                recognition = driver.isr(h);
            } finally {
                interruptLock.unlock();
            }
            if (recognition == InterruptRecognition.RECOGNIZED_QUEUE_DPC) {
                driver.dpc(h);
            }
        }
    }
}
