package org.ndisport.shell.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.VerifierMode;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ndis:verifier [report|fail-fast]}: shows or sets the verifier mode (the engine's configuration). */
@Component(service = VerifierCommand.class, property = {"osgi.command.scope=ndis", "osgi.command.function=verifier"})
public final class VerifierCommand {
    static final String ENGINE_PID = "org.ndisport.core";
    private final NdisRuntime runtime;
    private final ConfigurationAdmin configAdmin;

    @Activate
    public VerifierCommand(@Reference NdisRuntime runtime, @Reference ConfigurationAdmin configAdmin) {
        this.runtime = runtime;
        this.configAdmin = configAdmin;
    }

    @Descriptor("show the verifier mode and how many records it holds")
    public String verifier() {
        return "verifier " + name(runtime.verifier().mode()) + ": " + runtime.verifier().violations().size()
                + " records retained, " + runtime.verifier().total() + " recorded in all";
    }

    @Descriptor("set the verifier mode: report (record, return the status) or fail-fast (the call throws)")
    public String verifier(@Descriptor("report or fail-fast") String mode) throws IOException {
        VerifierMode m = switch (mode == null ? "" : mode.toLowerCase(Locale.ROOT)) {
            case "report" -> VerifierMode.REPORT;
            case "fail-fast", "fail_fast" -> VerifierMode.FAIL_FAST;
            default -> throw new CommandFailed("unknown verifier mode '" + mode + "' (report or fail-fast)");
        };
        Configuration config = configAdmin.getConfiguration(ENGINE_PID, "?");
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put("verifier.mode", m.name());
        config.update(props);
        return "verifier mode set to " + name(m) + " (org.ndisport.core verifier.mode)";
    }

    private static String name(VerifierMode m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
