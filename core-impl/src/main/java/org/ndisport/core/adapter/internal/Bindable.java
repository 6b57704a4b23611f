package org.ndisport.core.adapter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.port.internal.PortEntry;

/** One adapter as the binding layer sees it. */
final class Bindable implements BindableAdapter {
    private final Adapter adapter;
    private final Requests requests;
    private final DriverCalls driver;

    Bindable(Adapter adapter, Requests requests, DriverCalls driver) {
        this.adapter = adapter;
        this.requests = requests;
        this.driver = driver;
    }

    @Override
    public String name() {
        return adapter.name();
    }

    @Override
    public AdapterView view() {
        return adapter.view();
    }

    @Override
    public NdisPort activePorts() {
        List<PortCharacteristics> active = new ArrayList<>();
        for (PortEntry e : adapter.ports().entries()) {
            if (e.state().formal() == PortState.ACTIVATED) {
                active.add(e.view().characteristics());
            }
        }
        return NdisPort.chain(active.toArray(PortCharacteristics[]::new));
    }

    @Override
    public void sendNetBufferLists(NetBufferList lists, int portNumber, int sendFlags) {
        requests.send(Objects.requireNonNull(lists, "lists"), portNumber, sendFlags);
    }

    @Override
    public NdisStatus oidRequest(OidRequest request) {
        return requests.oid(Objects.requireNonNull(request, "request"));
    }

    @Override
    public void returnNetBufferLists(NetBufferList lists, int returnFlags) {
        driver.returnNetBufferLists(Objects.requireNonNull(lists, "lists"));
    }

    @Override
    public PortState portState(int portNumber) {
        PortEntry e = adapter.ports().get(portNumber);
        return e == null ? PortState.NONEXISTENT : e.state();
    }

    @Override
    public PortView port(int portNumber) {
        PortEntry e = adapter.ports().get(portNumber);
        return e == null ? null : e.view();
    }

    @Override
    public Irql currentIrql() {
        return adapter.context().calls().irql();
    }

    @Override
    public void exclusive(Runnable action) {
        Objects.requireNonNull(action, "action");
        CallContext calls = adapter.context().calls();
        adapter.deliveryLock().lock();
        Irql previous = calls.enter(Irql.PASSIVE_LEVEL);
        try {
            action.run();
        } finally {
            calls.restore(previous);
            adapter.deliveryLock().unlock();
        }
    }

    @Override
    public Violation violation(String ruleId, long portNumber, String bundle, String message) {
        return adapter.context().verifier().violation(ruleId, name(), portNumber, bundle, message);
    }

    @Override
    public Violation finding(String ruleId, long portNumber, String bundle, String message) {
        return adapter.context().verifier().finding(ruleId, name(), portNumber, bundle, message);
    }

    @Override
    public Violation warning(String ruleId, long portNumber, String bundle, String message) {
        return adapter.context().verifier().warning(ruleId, name(), portNumber, bundle, message);
    }
}
