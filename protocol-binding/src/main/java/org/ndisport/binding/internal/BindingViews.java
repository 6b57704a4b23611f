package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.List;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.PortView;

/** Snapshots of an adapter's open bindings for tools, with the ports open to each (spec §1.2). */
final class BindingViews {
    private BindingViews() {
    }

    static List<BindingView> of(List<AdapterBindings> adapters) {
        List<BindingView> out = new ArrayList<>();
        for (AdapterBindings owner : adapters) {
            addTo(out, owner);
        }
        return out;
    }

    private static void addTo(List<BindingView> out, AdapterBindings owner) {
        AdapterView view = owner.adapter().view();
        for (Binding b : owner.bindings()) {
            if (b.closed()) {
                continue;
            }
            List<Integer> open = new ArrayList<>();
            for (PortView p : view.ports()) {
                if (owner.access(b, p.portNumber(), p.state()) == PortAccess.OPEN) {
                    open.add(p.portNumber());
                }
            }
            out.add(new BindingView(b.protocol().name(), b.protocol().bundle(), view.name(), open));
        }
    }
}
