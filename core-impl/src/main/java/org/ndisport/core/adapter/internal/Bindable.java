package org.ndisport.core.adapter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
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
                active.add(PortCharacteristics.forPort(e.number()).type(e.type()).flags(e.flags())
                        .linkState(e.linkState()).authStates(e.authStates()));
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
}
