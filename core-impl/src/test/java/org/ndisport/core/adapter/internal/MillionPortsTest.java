package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A million ports on one adapter. Prints time and heap for information only: performance is measured
 * in benchmarks, never asserted here (STYLE.md).
 */
class MillionPortsTest {
    private static final int PORTS = 1_000_000;

    @Test
    @DisplayName("R5 R43 D3 a million ports: numbers 1..1000000 in order, all freed, only port 0 left")
    void r5_r43_d3_millionPorts_allocateAndFreeAll() {
        EngineFixture fx = new EngineFixture();
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.initialized("A", m);
        NdisMiniportHandle h = m.handle;
        PortCharacteristics c = PortCharacteristics.forAllocation();

        long start = System.nanoTime();
        for (int n = 1; n <= PORTS; n++) {
            AllocatePortResult r = h.allocatePort(c);
            if (r.status() != NdisStatus.SUCCESS || r.portNumber() != n || c.portNumber() != n) {
                fail("allocation " + n + " returned " + r + ", characteristics say " + c.portNumber());
            }
        }
        long allocatedMs = (System.nanoTime() - start) / 1_000_000;
        long usedHeap = usedHeapAfterGc();

        AdapterView full = a.view();
        assertEquals(PORTS + 1, full.ports().size());
        List<PortView> ports = full.ports();
        for (int i = 0; i <= PORTS; i++) {
            PortView p = ports.get(i);
            if (p.portNumber() != i || p.state() != (i == 0 ? PortState.ACTIVATED : PortState.ALLOCATED)) {
                fail("entry " + i + " is " + p);
            }
        }
        full = null;
        ports = null;

        long freeStart = System.nanoTime();
        for (int n = 1; n <= PORTS; n++) {
            NdisStatus s = h.freePort(n);
            if (s != NdisStatus.SUCCESS) {
                fail("free " + n + " returned " + s);
            }
        }
        long freedMs = (System.nanoTime() - freeStart) / 1_000_000;

        AdapterView after = a.view();
        assertEquals(1, after.ports().size(), "only port 0 is left");
        assertEquals(0, after.ports().get(0).portNumber());
        assertEquals(PortState.ACTIVATED, after.ports().get(0).state());
        assertEquals(List.of(), fx.verifier.violations());
        assertEquals(1, h.allocatePort(PortCharacteristics.forAllocation()).portNumber(), "R43: numbering restarts");

        System.out.printf("MillionPortsTest: allocated %,d ports in %d ms; used heap at full allocation %,d bytes"
                + " (%.1f MiB); freed all in %d ms%n", PORTS, allocatedMs, usedHeap, usedHeap / 1048576.0, freedMs);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
