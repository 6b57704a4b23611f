package org.ndisport.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.testkit.ScriptedMiniport;

/** A virtual adapter the shell created and drives, with its halt as a well-behaved driver's. */
record ShellAdapter(ScriptedMiniport driver, AdapterControl control) {
    ShellAdapter {
        driver.onHalt((handle, action) -> {
            List<Integer> active = new ArrayList<>();
            List<Integer> all = new ArrayList<>();
            for (PortView p : control.view().ports()) {
                if (p.portNumber() != 0) {
                    all.add(p.portNumber());
                    if (p.state().formal() == PortState.ACTIVATED) {
                        active.add(p.portNumber());
                    }
                }
            }
            if (!active.isEmpty()) {
                handle.netPnPEvent(NetPnPEventNotification.portDeactivation(active.stream().mapToInt(i -> i).toArray()));
            }
            all.forEach(handle::freePort);
        });
    }

    void halt(HaltAction action) {
        control.halt(action);
    }
}
