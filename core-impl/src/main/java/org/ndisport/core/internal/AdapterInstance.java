package org.ndisport.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.NdisRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An adapter created through the runtime and initialized on a thread of its own, so a slow
 * MiniportInitializeEx never holds up SCR or ConfigAdmin; {@link #halt} waits for an initialize under way.
 */
final class AdapterInstance {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterInstance.class);

    private final AdapterControl control;
    private final ExecutorService initThread;
    private final Future<?> initialization;

    /** Creates the adapter and starts its initialize; IllegalArgumentException if the name is taken. */
    AdapterInstance(NdisRuntime runtime, AdapterSpec spec) {
        control = runtime.createAdapter(spec);
        initThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ndisport-init-" + spec.name()));
        initialization = initThread.submit(() -> {
            NdisStatus status = control.initialize();
            LOG.info("adapter {} with driver {}: initialize returned {}", spec.name(), spec.driverName(), status);
        });
    }

    String name() {
        return control.name();
    }

    /** Halts the adapter (after an initialize under way), then stops the thread. */
    void halt(HaltAction action) {
        initialization.cancel(false);
        control.halt(action);
        initThread.shutdown();
    }
}
