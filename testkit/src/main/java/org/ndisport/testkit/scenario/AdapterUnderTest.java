package org.ndisport.testkit.scenario;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.testkit.ScriptedMiniport;

/** A scenario's adapter: its scripted driver, its control, and what its initialize reported. */
final class AdapterUnderTest {
    final String name;
    final ScriptedMiniport driver;
    final AdapterControl control;
    volatile NdisStatus initResult;

    AdapterUnderTest(String name, ScriptedMiniport driver, AdapterControl control) {
        this.name = name;
        this.driver = driver;
        this.control = control;
    }

    /** The handle, for steps outside a block; fails the step if initialize has not run. */
    NdisMiniportHandle handle(int line) {
        NdisMiniportHandle h = driver.handle();
        if (h == null) {
            throw new StepFailure(line, "adapter " + name + " has not been initialized (no handle yet)");
        }
        return h;
    }
}
