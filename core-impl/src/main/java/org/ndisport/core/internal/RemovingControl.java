package org.ndisport.core.internal;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.core.adapter.internal.AdapterRuntime;

/** An adapter's control that also removes it from the engine once halted. */
final class RemovingControl implements AdapterControl {
    private final AdapterRuntime runtime;
    private final Runnable remove;

    RemovingControl(AdapterRuntime runtime, Runnable remove) {
        this.runtime = runtime;
        this.remove = remove;
    }

    @Override
    public String name() {
        return runtime.name();
    }

    @Override
    public NdisStatus initialize() {
        NdisStatus status = runtime.initialize();
        if (status != NdisStatus.SUCCESS) {
            remove.run();
        }
        return status;
    }

    @Override
    public void halt(HaltAction action) {
        runtime.halt(action);
        remove.run();
    }

    @Override
    public AdapterView view() {
        return runtime.view();
    }
}
