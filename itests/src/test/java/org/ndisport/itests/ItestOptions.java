package org.ndisport.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import org.ndisport.testkit.paxexam.NdisportOptions;
import org.ops4j.pax.exam.Option;

/**
 * The container every integration test runs in: the OSGi runtime from the local Maven repository and
 * ndisport's bundles as the files this build just made (never an installed snapshot), through the
 * testkit's {@link NdisportOptions}.
 */
public final class ItestOptions {
    /** The sample bundles, by artifactId. */
    public static final String NE2000 = "org.ndisport.sample.ne2000";
    public static final String PING = "org.ndisport.sample.ping";
    /**
     * The bundles inside log through the pax-logging API Pax Exam provisions, at this level (WARN unless
     * the build passes {@code -Ditest.log=INFO}).
     */
    static final String LOG_LEVEL = "org.ops4j.pax.logging.DefaultServiceLog.level";

    private ItestOptions() {
    }

    /** The runtime, ndisport and JUnit; the samples are added by the tests that use them. */
    public static Option ndisport() {
        return composite(NdisportOptions.ndisportRuntime(ItestOptions::bundleUrl), junitBundles(),
                systemProperty(LOG_LEVEL).value(System.getProperty(LOG_LEVEL, "WARN")),
                frameworkProperty("org.osgi.framework.storage.clean").value("onFirstInit"),
                workingDirectory(new File(work(), "container").getPath()), cleanCaches(true));
    }

    /** A reactor bundle as a provisioning option (started at level 3 like ndisport's own). */
    public static Option reactorBundle(String artifactId) {
        return bundle(bundleUrl(artifactId)).startLevel(3);
    }

    /** The {@code file:} URL of the jar this build made for {@code artifactId}. */
    public static String bundleUrl(String artifactId) {
        return bundleFile(artifactId).toURI().toString();
    }

    /** The jar this build made for {@code artifactId}; set by failsafe from {@code dependency:properties}. */
    public static File bundleFile(String artifactId) {
        String path = System.getProperty("it.bundle." + artifactId);
        if (path == null || path.isEmpty()) {
            throw new IllegalStateException("no jar for " + artifactId + ": run through Maven (failsafe sets it.bundle.*)");
        }
        return new File(path);
    }

    /** The module's scratch folder under target/. */
    public static File work() {
        return new File(System.getProperty("it.work", "target/it-work"));
    }
}
