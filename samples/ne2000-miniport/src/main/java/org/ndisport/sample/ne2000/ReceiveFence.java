package org.ndisport.sample.ne2000;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets the port thread wait for a receive pass that may still use an old {@link VlanTable}, without a
 * lock on the receive path: the DPC makes a counter odd for the length of each pass (R31: no
 * indication on a port may be in progress when its deactivation is raised).
 */
final class ReceiveFence {
    private final AtomicInteger passes = new AtomicInteger();

    /** The DPC starts a pass; it reads the VLAN table after this. */
    void enter() {
        passes.incrementAndGet();
    }

    /** The DPC's pass has indicated everything it pulled from the ring. */
    void exit() {
        passes.incrementAndGet();
    }

    /** Waits until the pass running now, if any, is over; passes starting later see the current table. */
    void await() {
        int seen = passes.get();
        if ((seen & 1) == 0) {
            return;
        }
        while (passes.get() == seen) {
            LockSupport.parkNanos(10_000);
        }
    }
}
