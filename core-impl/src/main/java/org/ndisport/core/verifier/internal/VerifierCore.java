package org.ndisport.core.verifier.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.Verifier;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The verifier: records findings, retains the newest, publishes each, and throws in FAIL_FAST (D21). */
public final class VerifierCore implements Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(VerifierCore.class);

    private final AtomicLong sequence = new AtomicLong();
    private final ArrayDeque<Violation> retained = new ArrayDeque<>();
    private final Clock clock;
    private volatile VerifierMode mode;
    private volatile int capacity;
    private volatile RecordListener listener = r -> { };

    /** A verifier in the given mode retaining at most {@code capacity} records. */
    public VerifierCore(VerifierMode mode, int capacity, Clock clock) {
        this.mode = mode == null ? VerifierMode.REPORT : mode;
        this.capacity = Math.max(1, capacity);
        this.clock = clock;
    }

    /** Changes mode and capacity (ConfigAdmin update); no mode means REPORT, capacities below 1 mean 1 (N43). */
    public void configure(VerifierMode newMode, int newCapacity) {
        this.mode = newMode == null ? VerifierMode.REPORT : newMode;
        this.capacity = Math.max(1, newCapacity);
    }

    /** Sets who hears of each record. */
    public void listener(RecordListener value) {
        this.listener = value;
    }

    /**
     * Records a violation made by a call into the runtime; in FAIL_FAST mode throws instead of
     * returning, so the caller has no other effect.
     */
    public Violation violation(String ruleId, String adapter, long port, String bundle, String message) {
        Violation v = record(ruleId, Severity.VIOLATION, adapter, port, bundle, message);
        if (mode == VerifierMode.FAIL_FAST) {
            throw new NdisVerifierException(v);
        }
        return v;
    }

    /** Records a violation found when a driver callback returned (R39-R41, R70, R71): never throws. */
    public Violation finding(String ruleId, String adapter, long port, String bundle, String message) {
        return record(ruleId, Severity.VIOLATION, adapter, port, bundle, message);
    }

    /** Records a warning: never throws, never changes an outcome. */
    public Violation warning(String ruleId, String adapter, long port, String bundle, String message) {
        return record(ruleId, Severity.WARNING, adapter, port, bundle, message);
    }

    private Violation record(String ruleId, Severity severity, String adapter, long port, String bundle,
            String message) {
        Violation v;
        synchronized (retained) {
            v = new Violation(sequence.incrementAndGet(), ruleId, severity, adapter, port, bundle, clock.instant(),
                    message);
            retained.addLast(v);
            while (retained.size() > capacity) {
                retained.removeFirst();
            }
        }
        LOG.info("verifier: {}", v);
        try {
            listener.recorded(v);
        } catch (RuntimeException e) {
            LOG.warn("verifier listener failed for {}", v, e);
        }
        return v;
    }

    @Override
    public VerifierMode mode() {
        return mode;
    }

    @Override
    public List<Violation> violations() {
        synchronized (retained) {
            return new ArrayList<>(retained);
        }
    }

    @Override
    public List<Violation> violationsSince(long afterSequence) {
        List<Violation> out = new ArrayList<>();
        synchronized (retained) {
            for (Violation v : retained) {
                if (v.sequence() > afterSequence) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Override
    public long total() {
        return sequence.get();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void clear() {
        synchronized (retained) {
            retained.clear();
        }
    }
}
