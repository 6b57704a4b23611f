package org.ndisport.testkit.osgi.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.testkit.scenario.RunReport;
import org.ndisport.testkit.scenario.ScenarioRunner;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The Gogo command {@code ndis:run FILE…}: runs scenario files against this runtime. */
@Component(service = RunCommand.class, property = {"osgi.command.scope=ndis", "osgi.command.function=run"})
public final class RunCommand {
    private final ScenarioRunner runner;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IoPortSpace ioPorts;

    @Activate
    public RunCommand(BundleContext context, @Reference NdisRuntime runtime, @Reference ConfigurationAdmin configAdmin) {
        runner = new ScenarioRunner(new OsgiScenarioEnvironment(context, runtime, configAdmin, () -> ioPorts));
    }

    /** Prints {@code ok NAME} or {@code not ok NAME: line N: …} per scenario, then {@code N passed, N failed}. */
    @Descriptor("run scenario files (.scn); fails when any scenario fails")
    public void run(@Descriptor("scenario files") String... files) throws Exception {
        if (files == null || files.length == 0) {
            throw new IllegalArgumentException("usage: ndis:run FILE.scn…");
        }
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            paths.add(path(f));
        }
        RunReport report = runner.runFiles(paths, System.out::println);
        System.out.flush();
        if (report.failed() > 0) {
            throw new ScenariosFailed(report.summary());
        }
    }

    /** The path of a file argument; a usage error, before anything runs, when it cannot be one. */
    private static Path path(String file) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("usage: ndis:run FILE.scn… (an empty file name was given)");
        }
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("ndis:run: '" + file + "' is not a file path: " + e.getReason());
        }
    }

    /** Thrown so a Gogo script (and ./ndisport run) exits non-zero; carries the summary line. */
    static final class ScenariosFailed extends Exception {
        private static final long serialVersionUID = 1L;

        ScenariosFailed(String summary) {
            super(summary, null, false, false);
        }
    }
}
