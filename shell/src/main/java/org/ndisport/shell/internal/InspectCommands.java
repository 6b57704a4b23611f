package org.ndisport.shell.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Violation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Read-only Gogo commands: adapters, ports, bindings, I/O claims, verifier findings, counters, await. */
@Component(service = InspectCommands.class, property = {"osgi.command.scope=ndis", "osgi.command.function=adapters",
        "osgi.command.function=ports", "osgi.command.function=bindings", "osgi.command.function=ioports",
        "osgi.command.function=violations", "osgi.command.function=counters", "osgi.command.function=await"})
public final class InspectCommands {
    /** The longest {@code ndis:await} wait (N53). */
    static final long MAX_AWAIT_SECONDS = 86_400;
    private final NdisRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Bindings bindings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile IoPortSpace ioPorts;

    @Activate
    public InspectCommands(@Reference NdisRuntime runtime) {
        this.runtime = runtime;
    }

    @Descriptor("list adapters: phase, driver, device, ports, dropped indications")
    public String adapters() {
        Tables t = new Tables("ADAPTER", "PHASE", "DRIVER", "BUNDLE", "DEVICE", "PORTS", "DROPPED");
        for (AdapterView a : runtime.adapters()) {
            t.row(a.name(), a.phase().label() + (a.haltScheduled() ? " (halt scheduled)" : ""), a.driver(),
                    a.driverBundle(), a.device().isEmpty() ? "-" : a.device(), a.ports().size(), a.droppedIndications());
        }
        return t.isEmpty() ? "no adapters" : t.toString();
    }

    @Descriptor("list the ports of an adapter: number, state, type, link and auth state, counters")
    public String ports(@Descriptor("adapter name") String adapter) {
        AdapterView a = adapter(adapter);
        Tables t = new Tables("PORT", "STATE", "TYPE", "LINK", "AUTH (send/rcv control, send/rcv auth)", "SENT",
                "RECEIVED", "DROPPED");
        for (PortView p : a.ports()) {
            t.row(Integer.toUnsignedString(p.portNumber()), p.state().name().toLowerCase(java.util.Locale.ROOT),
                    p.portNumber() == 0 ? "default" : Names.portType(p.type()), Names.link(p.linkState()),
                    Names.auth(p.authStates()), p.framesSent(), p.framesReceived(), p.droppedIndications());
        }
        return t.isEmpty() ? "adapter " + adapter + " has no ports (" + a.phase().label() + ")" : t.toString();
    }

    @Descriptor("per-port frame counters of an adapter: sent, received, dropped")
    public String counters(@Descriptor("adapter name") String adapter) {
        AdapterView a = adapter(adapter);
        Tables t = new Tables("PORT", "SENT", "RECEIVED", "DROPPED");
        long sent = 0;
        long received = 0;
        long dropped = 0;
        for (PortView p : a.ports()) {
            t.row(Integer.toUnsignedString(p.portNumber()), p.framesSent(), p.framesReceived(), p.droppedIndications());
            sent += p.framesSent();
            received += p.framesReceived();
            dropped += p.droppedIndications();
        }
        t.row("total", sent, received, a.droppedIndications());
        return t.toString() + (a.droppedIndications() > dropped ? "\n(the adapter total includes indications on ports "
                + "that no longer exist)" : "");
    }

    @Descriptor("list open bindings: protocol, its bundle, adapter, ports open to it")
    public String bindings() {
        Bindings b = bindings;
        if (b == null) {
            return "no binding layer is running";
        }
        Tables t = new Tables("PROTOCOL", "BUNDLE", "ADAPTER", "OPEN PORTS");
        for (BindingView v : b.bindings()) {
            t.row(v.protocol(), v.protocolBundle(), v.adapter(), v.openPorts());
        }
        return t.isEmpty() ? "no bindings" : t.toString();
    }

    @Descriptor("list claimed I/O port ranges, /proc/ioports style")
    public String ioports() {
        IoPortSpace space = ioPorts;
        if (space == null) {
            return "no I/O port space is running";
        }
        StringBuilder out = new StringBuilder();
        for (IoClaim c : space.claims()) {
            out.append(out.length() == 0 ? "" : "\n").append(c);
        }
        return out.length() == 0 ? "no I/O port ranges claimed" : out.toString();
    }

    @Descriptor("list verifier findings, oldest first")
    public String violations(
            @Descriptor("only this adapter") @Parameter(names = {"-a", "--adapter"}, absentValue = "") String adapter,
            @Descriptor("only this rule id, e.g. R37 or D28") @Parameter(names = {"-r", "--rule"}, absentValue = "")
            String rule) {
        adapter = adapter == null ? "" : adapter;
        rule = rule == null ? "" : rule;
        Tables t = new Tables("#", "RULE", "SEVERITY", "ADAPTER", "PORT", "BUNDLE", "MESSAGE");
        List<Violation> all = runtime.verifier().violations();
        for (Violation v : all) {
            if ((adapter.isEmpty() || adapter.equals(v.adapter())) && (rule.isEmpty() || rule.equalsIgnoreCase(v.ruleId()))) {
                t.row(v.sequence(), v.ruleId(), v.severity().name().toLowerCase(java.util.Locale.ROOT), v.adapter(),
                        v.hasPort() ? Long.toString(v.port()) : "-", v.bundle(), v.message());
            }
        }
        String summary = "verifier " + runtime.verifier().mode() + ": " + runtime.verifier().total()
                + " recorded in all";
        return (t.isEmpty() ? "no findings" + (adapter.isEmpty() && rule.isEmpty() ? "" : " match")
                : t.toString()) + "\n" + summary;
    }

    @Descriptor("wait until each adapter is running and bound (when a binding layer runs)")
    public String await(
            @Descriptor("seconds to wait") @Parameter(names = {"-t", "--timeout"}, absentValue = "30") String timeout,
            @Descriptor("adapter names") String... adapters) {
        long seconds = Names.number(timeout);
        if (seconds > MAX_AWAIT_SECONDS) {
            throw new CommandFailed("timeout " + timeout + " is above " + MAX_AWAIT_SECONDS + " s");
        }
        if (adapters == null || adapters.length == 0) {
            throw new CommandFailed("usage: ndis:await [-t SECONDS] ADAPTER…");
        }
        long start = System.nanoTime();
        for (String name : adapters) {
            while (!ready(Names.adapter(name))) {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(seconds)) {
                    throw new CommandFailed("adapter " + name + " is not running and bound after " + seconds + " s");
                }
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new CommandFailed("interrupted while waiting for adapter " + name);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        return String.join(", ", adapters) + (adapters.length == 1 ? " is" : " are") + " running";
    }

    private boolean ready(String name) {
        AdapterView a = runtime.adapter(name).orElse(null);
        if (a == null || a.phase() != AdapterPhase.P2_OPERATIONAL) {
            return false;
        }
        Bindings b = bindings;
        return b == null || b.bindings().stream().anyMatch(v -> v.adapter().equals(name));
    }

    private AdapterView adapter(String name) {
        return runtime.adapter(Names.adapter(name)).orElseThrow(() -> new CommandFailed("no adapter named " + name));
    }
}
