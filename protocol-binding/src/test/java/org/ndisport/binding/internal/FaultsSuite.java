package org.ndisport.binding.internal;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ndisport.core.adapter.internal.AdapterRuntime;

/**
 * A fault-injection suite: a fresh {@link FaultsFixture} per test, with its parts under the names the
 * tests use (protocols p and q, miniports mA and mB, adapter A's runtime and interrupt line).
 */
abstract class FaultsSuite {
    FaultsFixture faults;
    BindingFixture fx;
    List<String> log;
    IrqLine lineA;
    FaultyProtocol p;
    FaultyProtocol q;
    FaultyMiniport mA;
    FaultyMiniport mB;
    AdapterRuntime a;

    @BeforeEach
    void setUpFaults() {
        faults = new FaultsFixture();
        fx = faults.fx;
        log = faults.log;
        lineA = faults.lineA;
        p = faults.p;
        q = faults.q;
        mA = faults.mA;
        mB = faults.mB;
        a = faults.a;
    }

    @AfterEach
    void closeFaults() {
        faults.close();
    }
}
