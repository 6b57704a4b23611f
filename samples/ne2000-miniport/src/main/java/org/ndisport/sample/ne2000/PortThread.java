package org.ndisport.sample.ne2000;

import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.NdisMiniportHandle;

/**
 * An adapter's port thread ({@code ne2000-ports-NAME}, a daemon) and its R57 gate: pended OIDs are
 * finished and completed on it, and port events are raised on it only while none is pended; an OID
 * arriving while one is being raised is answered at once instead of pended. The gate's state is guarded
 * by this object, which {@link VlanPorts} also locks, so admitting a request and pending it are atomic.
 */
final class PortThread {
    private static final System.Logger LOG = System.getLogger(PortThread.class.getName());
    private static final long HALT_WAIT_SECONDS = 60;

    private final NdisMiniportHandle handle;
    private final Runnable afterWork;
    private final ExecutorService executor;
    private volatile Thread thread;
    private int pended;
    private boolean raising;
    private boolean closed;

    /** {@code afterWork} runs on the thread after each task: it raises what the task left to raise. */
    PortThread(NdisMiniportHandle handle, Runnable afterWork) {
        this.handle = handle;
        this.afterWork = afterWork;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ne2000-ports-" + handle.adapterName());
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** With the lock held: halt has begun. */
    boolean closed() {
        return closed;
    }

    /**
     * With the lock held: a request may be pended unless a port event is being raised from another
     * thread's point of view (the runtime would count the pended OID against it, R57). From inside the
     * event's delivery, on this thread, the event is past that check and pending is safe.
     */
    boolean mayPend() {
        return !raising || Thread.currentThread() == thread;
    }

    /** With the lock held and {@link #mayPend()}: runs {@code work} on the thread and completes the request with its status. */
    NdisStatus pend(OidRequest request, Supplier<NdisStatus> work) {
        pended++;
        executor.execute(() -> {
            NdisStatus status;
            try {
                status = work.get();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, handle.adapterName() + ": " + request + " failed", e);
                status = NdisStatus.FAILURE;
            }
            try {
                handle.oidRequestComplete(request, status);
            } finally {
                synchronized (this) {
                    pended--;
                }
            }
            afterWork.run();
        });
        return NdisStatus.PENDING;
    }

    /** Queues {@code afterWork} after a request answered at once; once halt began there is nothing to do. */
    void schedule() {
        try {
            executor.execute(afterWork);
        } catch (RejectedExecutionException closing) {
            // halt tears the ports down itself
        }
    }

    /** With the lock held, on the thread: true, and raising marked, when a port event may be raised now. */
    boolean beginRaising() {
        if (closed || pended > 0) {
            return false;
        }
        raising = true;
        return true;
    }

    synchronized void endRaising() {
        raising = false;
    }

    /** MiniportHaltEx: refuses new work and waits for queued work to run (it sees {@link #closed()}). */
    void close() {
        synchronized (this) {
            closed = true;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(HALT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "{0}: port thread still busy at halt; halting anyway", handle.adapterName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
