package org.ndisport.shell.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.Descriptor;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.testkit.ScriptedMiniport;
import org.ndisport.testkit.scenario.Words;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands that act on ports: the shell drives virtual adapters of its own (a handle is a
 * capability held by an adapter's driver, so the shell can act only on adapters it created).
 */
@Component(service = PortCommands.class, immediate = true, property = {"osgi.command.scope=ndis", "osgi.command.function=create",
        "osgi.command.function=allocate", "osgi.command.function=activate", "osgi.command.function=deactivate",
        "osgi.command.function=free", "osgi.command.function=halt"})
public final class PortCommands {
    private final NdisRuntime runtime;
    private final String bundle;
    private final Map<String, ShellAdapter> adapters = new ConcurrentHashMap<>();

    @Activate
    public PortCommands(@Reference NdisRuntime runtime, BundleContext context) {
        this.runtime = runtime;
        this.bundle = context.getBundle().getSymbolicName();
    }

    /** Halts the shell's adapters: they go with the shell. */
    @Deactivate
    void deactivate() {
        adapters.values().forEach(a -> a.halt(HaltAction.DEVICE_STOPPED));
        adapters.clear();
    }

    @Descriptor("create and initialize a virtual adapter driven by the shell")
    public String create(@Descriptor("adapter name") String name) {
        if (!Words.isName(Names.adapter(name))) {
            throw new CommandFailed("adapter name '" + name + "' is not letters, digits, '-' and '_'");
        }
        ScriptedMiniport driver = new ScriptedMiniport();
        AdapterControl control;
        try {
            control = runtime.createAdapter(AdapterSpec.virtual(name, driver, bundle));
        } catch (IllegalArgumentException e) {
            throw new CommandFailed(e.getMessage());
        }
        NdisStatus status = control.initialize();
        if (status != NdisStatus.SUCCESS) {
            throw CommandFailed.status("initialize " + name, status);
        }
        adapters.put(name, new ShellAdapter(driver, control));
        return "adapter " + name + " is running; port 0 is active";
    }

    @Descriptor("allocate a port (NdisMAllocatePort) on a shell adapter")
    public String allocate(@Descriptor("adapter name") String adapter,
            @Descriptor("port type: 0 undefined, 1 bridge, 2 ras, 3 802.1X, 4 IM platform") String... type) {
        PortCharacteristics c = PortCharacteristics.forAllocation();
        if (type != null && type.length > 1) {
            throw new CommandFailed("usage: ndis:allocate ADAPTER [TYPE]");
        }
        if (type != null && type.length == 1) {
            c.type(Names.ulong(type[0]));
        }
        NdisMiniportHandle handle = handle(adapter);
        AllocatePortResult r = handle.allocatePort(c);
        if (!r.succeeded()) {
            throw CommandFailed.status("allocate on " + adapter, r.status());
        }
        return "port " + Integer.toUnsignedString(r.portNumber()) + " allocated on " + adapter;
    }

    @Descriptor("activate ports (NdisMNetPnPEvent PortActivation) on a shell adapter")
    public String activate(@Descriptor("adapter name") String adapter, @Descriptor("port numbers") String... ports) {
        int[] numbers = portNumbers("activate", ports);
        return event(adapter, "activate", NetPnPEventNotification.portActivation(numbers), numbers);
    }

    @Descriptor("deactivate ports (NdisMNetPnPEvent PortDeactivation) on a shell adapter")
    public String deactivate(@Descriptor("adapter name") String adapter, @Descriptor("port numbers") String... ports) {
        int[] numbers = portNumbers("deactivate", ports);
        return event(adapter, "deactivate", NetPnPEventNotification.portDeactivation(numbers), numbers);
    }

    @Descriptor("free a port (NdisMFreePort) on a shell adapter")
    public String free(@Descriptor("adapter name") String adapter, @Descriptor("port number") String number) {
        NdisMiniportHandle handle = handle(adapter);
        int port = Names.ulong(number);
        NdisStatus status = handle.freePort(port);
        if (status != NdisStatus.SUCCESS) {
            throw CommandFailed.status("free port " + Integer.toUnsignedString(port) + " on " + adapter, status);
        }
        return "port " + Integer.toUnsignedString(port) + " freed on " + adapter;
    }

    @Descriptor("halt a shell adapter: its ports are deactivated and freed first, as a well-behaved driver does")
    public String halt(@Descriptor("adapter name") String adapter) {
        ShellAdapter a = adapters.remove(Names.adapter(adapter));
        if (a == null) {
            throw notShell(adapter);
        }
        a.halt(HaltAction.DEVICE_DISABLED);
        return "adapter " + adapter + " halted";
    }

    private static int[] portNumbers(String verb, String... words) {
        int[] numbers = Names.ulongs(words);
        if (numbers.length == 0) {
            throw new CommandFailed(verb + " needs at least one port number");
        }
        return numbers;
    }

    private String event(String adapter, String verb, NetPnPEventNotification notification, int[] ports) {
        NdisStatus status = handle(adapter).netPnPEvent(notification);
        StringBuilder list = new StringBuilder("[");
        for (int p : ports) {
            list.append(list.length() == 1 ? "" : ", ").append(Integer.toUnsignedString(p));
        }
        list.append(']');
        if (status != NdisStatus.SUCCESS) {
            throw CommandFailed.status(verb + " " + list + " on " + adapter, status);
        }
        return "ports " + list + " " + verb + "d on " + adapter;
    }

    private NdisMiniportHandle handle(String adapter) {
        ShellAdapter a = adapters.get(Names.adapter(adapter));
        if (a == null) {
            throw notShell(adapter);
        }
        return a.driver().handle();
    }

    private CommandFailed notShell(String adapter) {
        return new CommandFailed(runtime.adapter(adapter).isPresent()
                ? "adapter " + adapter + " is driven by its own driver; the shell acts only on adapters it created (ndis:create)"
                : "no adapter named " + adapter);
    }
}
