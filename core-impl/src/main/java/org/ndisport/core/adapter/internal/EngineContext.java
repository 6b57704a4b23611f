package org.ndisport.core.adapter.internal;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.core.verifier.internal.VerifierCore;

/** What every adapter of one engine shares: verifier, call context, optional services and settings. */
public final class EngineContext {
    private final VerifierCore verifier;
    private final CallContext calls = new CallContext();
    private final Executor bindExecutor;
    private volatile AdapterEventSink sink;
    private volatile IoPortSpace ioPortSpace;
    private volatile RuntimeEvents events = RuntimeEvents.NONE;
    private volatile int portLimit = PortNumbers.MAX_PORT_NUMBER;
    private volatile long drainTimeoutMillis = 30_000;

    /** A context; {@code bindExecutor} runs binding announcements after the activating call returned. */
    public EngineContext(VerifierCore verifier, Executor bindExecutor) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.bindExecutor = Objects.requireNonNull(bindExecutor, "bindExecutor");
    }

    public VerifierCore verifier() {
        return verifier;
    }

    public CallContext calls() {
        return calls;
    }

    public Executor bindExecutor() {
        return bindExecutor;
    }

    /** The binding layer, or null when none is present. */
    public AdapterEventSink sink() {
        return sink;
    }

    public void sink(AdapterEventSink value) {
        this.sink = value;
    }

    /** The I/O port space, or null when none is present. */
    public IoPortSpace ioPortSpace() {
        return ioPortSpace;
    }

    public void ioPortSpace(IoPortSpace value) {
        this.ioPortSpace = value;
    }

    public RuntimeEvents events() {
        return events;
    }

    public void events(RuntimeEvents value) {
        this.events = Objects.requireNonNull(value, "events");
    }

    /** The highest port number allocation hands out (D3). */
    public int portLimit() {
        return portLimit;
    }

    /** Sets the limit, clamped to 1..0xFFFFFF. */
    public void portLimit(int value) {
        this.portLimit = Math.max(1, Math.min(PortNumbers.MAX_PORT_NUMBER, value));
    }

    /** How long halt waits for outstanding sends and OIDs before going on with a warning. */
    public long drainTimeoutMillis() {
        return drainTimeoutMillis;
    }

    public void drainTimeoutMillis(long value) {
        this.drainTimeoutMillis = value;
    }
}
