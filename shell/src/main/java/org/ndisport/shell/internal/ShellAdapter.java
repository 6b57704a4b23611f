package org.ndisport.shell.internal;

import java.util.List;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.testkit.ScriptedMiniport;
import org.ndisport.testkit.WellBehavedHalt;

/** A virtual adapter the shell created and drives; it halts as a well-behaved driver does. */
record ShellAdapter(ScriptedMiniport driver, AdapterControl control) {
    ShellAdapter {
        driver.onHalt(WellBehavedHalt.of(control, List::of));
    }

    void halt(HaltAction action) {
        control.halt(action);
    }
}
