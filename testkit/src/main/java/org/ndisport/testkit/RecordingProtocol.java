package org.ndisport.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;

/**
 * A protocol driver that binds to every adapter offered (or those {@link #bindOnlyTo} accepts), records each event it receives as a line (see
 * {@link EventLines}), returns every received list at once, and answers port events with a chosen
 * status, or with PENDING completed with SUCCESS from another thread shortly after. Sends and OIDs made
 * through it can be awaited. Thread safe; {@link #close()} stops the completion thread.
 */
public final class RecordingProtocol implements ProtocolDriver, AutoCloseable {
    /** How long a pended port event waits before it is completed. */
    public static final long PENDING_DELAY_MILLIS = 20;

    private final String name;
    private final List<String> events = new ArrayList<>();
    private final Map<String, ProtocolBindingHandle> bindings = new ConcurrentHashMap<>();
    private final Map<OidRequest, CompletedOid> pendedOids = new ConcurrentHashMap<>();
    private volatile Predicate<String> bindsTo = adapter -> true;
    private volatile NdisStatus portEventAnswer = NdisStatus.SUCCESS;
    private volatile boolean pending;
    private volatile ScheduledExecutorService completer;

    /** A protocol that answers port events with SUCCESS. */
    public RecordingProtocol(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** Port events are answered with {@code status} (PENDING means: pend, then complete with SUCCESS). */
    public RecordingProtocol answerPortEvents(NdisStatus status) {
        this.pending = status == NdisStatus.PENDING;
        this.portEventAnswer = Objects.requireNonNull(status, "status");
        return this;
    }

    /** Binds only to adapters whose names {@code adapters} accepts, declining (NOT_SUPPORTED) the others. */
    public RecordingProtocol bindOnlyTo(Predicate<String> adapters) {
        this.bindsTo = Objects.requireNonNull(adapters, "adapters");
        return this;
    }

    /** Every event recorded since the last {@link #takeEvents(int)}, oldest first. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Removes the {@code count} oldest events. */
    public void takeEvents(int count) {
        synchronized (events) {
            events.subList(0, Math.min(count, events.size())).clear();
        }
    }

    /** The open binding to the adapter, if any. */
    public Optional<ProtocolBindingHandle> binding(String adapter) {
        return Optional.ofNullable(bindings.get(adapter));
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        if (!bindsTo.test(parameters.adapterName())) {
            return NdisStatus.NOT_SUPPORTED;
        }
        bindings.put(parameters.adapterName(), binding);
        record("bind " + parameters.adapterName() + " " + EventLines.ports(parameters.activePorts()));
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        bindings.remove(binding.adapterName(), binding);
        record("unbind " + binding.adapterName());
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        record(EventLines.portEvent(binding.adapterName(), notification));
        if (!pending) {
            return portEventAnswer;
        }
        completer().schedule(() -> binding.completeNetPnPEvent(notification, NdisStatus.SUCCESS),
                PENDING_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        return NdisStatus.PENDING;
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        record("receive " + binding.adapterName() + " " + Integer.toUnsignedString(portNumber) + " " + numberOfLists);
        binding.returnNetBufferLists(lists, 0);
    }

    @Override
    public void status(ProtocolBindingHandle binding, StatusIndication indication) {
        record(EventLines.status(binding.adapterName(), indication));
    }

    /**
     * Sends {@code count} 64-byte frames to {@code port} of the bound adapter and waits up to
     * {@code timeoutMillis} for every completion; returns the completion statuses in order, or empty if
     * not all came back in time. Throws IllegalStateException when not bound to the adapter.
     */
    public Optional<List<NdisStatus>> sendAndAwait(String adapter, int port, int count, long timeoutMillis)
            throws InterruptedException {
        ProtocolBindingHandle binding = requireBinding(adapter);
        SendBatch batch = new SendBatch(count);
        binding.sendNetBufferLists(batch.lists(), port, 0);
        return batch.await(timeoutMillis);
    }

    @Override
    public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
        for (NetBufferList l = lists; l != null; ) {
            NetBufferList next = l.next();
            if (l.protocolReserved() instanceof SendBatch batch) {
                batch.completed(l);
            }
            l = next;
        }
    }

    /**
     * NdisOidRequest on the binding to {@code adapter}; a PENDING answer is awaited up to
     * {@code timeoutMillis} (empty if it did not complete). Throws IllegalStateException when not bound.
     */
    public Optional<NdisStatus> oidAndAwait(String adapter, OidRequest request, long timeoutMillis)
            throws InterruptedException {
        CompletedOid completion = new CompletedOid();
        pendedOids.put(request, completion);
        try {
            NdisStatus status = requireBinding(adapter).oidRequest(request);
            if (status != NdisStatus.PENDING) {
                return Optional.of(status);
            }
            return completion.await(timeoutMillis);
        } finally {
            pendedOids.remove(request);
        }
    }

    @Override
    public void oidRequestComplete(ProtocolBindingHandle binding, OidRequest request, NdisStatus status) {
        CompletedOid completion = pendedOids.get(request);
        if (completion != null) {
            completion.complete(status);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService c = completer;
        if (c != null) {
            c.shutdown();
        }
    }

    private ProtocolBindingHandle requireBinding(String adapter) {
        ProtocolBindingHandle binding = bindings.get(adapter);
        if (binding == null) {
            throw new IllegalStateException(name + " has no binding to " + adapter);
        }
        return binding;
    }

    private void record(String event) {
        synchronized (events) {
            events.add(event);
        }
    }

    private synchronized ScheduledExecutorService completer() {
        if (completer == null) {
            completer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ndisport-testkit-" + name + "-pending");
                t.setDaemon(true);
                return t;
            });
        }
        return completer;
    }

    /** The completion of one pended OID. */
    private static final class CompletedOid {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile NdisStatus status;

        void complete(NdisStatus value) {
            status = value;
            done.countDown();
        }

        Optional<NdisStatus> await(long timeoutMillis) throws InterruptedException {
            return done.await(timeoutMillis, TimeUnit.MILLISECONDS) ? Optional.of(status) : Optional.empty();
        }
    }
}
