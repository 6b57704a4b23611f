package org.ndisport.testkit.paxexam;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.ops4j.pax.exam.Option;

/**
 * Provisions ndisport and the runtime it needs (SCR, ConfigAdmin, EventAdmin, Metatype, SLF4J) into a
 * Pax Exam container: {@code options(NdisportOptions.ndisportRuntime(), junitBundles(), …)}.
 */
public final class NdisportOptions {
    /** The runtime bundles, groupId:artifactId:version, in start order. */
    public static final List<String> RUNTIME = List.of("org.slf4j:slf4j-api:1.7.36", "org.slf4j:slf4j-simple:1.7.36",
            "org.osgi:org.osgi.util.function:1.2.0", "org.osgi:org.osgi.util.promise:1.3.0",
            "org.osgi:org.osgi.service.component:1.5.1", "org.apache.felix:org.apache.felix.scr:2.2.18",
            "org.apache.felix:org.apache.felix.configadmin:1.9.26", "org.osgi:org.osgi.service.log:1.5.0",
            "org.apache.felix:org.apache.felix.metatype:1.2.4", "org.apache.felix:org.apache.felix.eventadmin:1.6.4");
    /** ndisport's bundles (artifactIds, groupId {@code org.ndisport}), in start order. */
    public static final List<String> NDISPORT = List.of("org.ndisport.api", "org.ndisport.core", "org.ndisport.binding",
            "org.ndisport.ioport", "org.ndisport.testkit");

    private NdisportOptions() {
    }

    /** The runtime and ndisport from Maven ({@code mvn:} URLs), ndisport at this testkit's version. */
    public static Option ndisportRuntime() {
        String version = ndisportVersion();
        return ndisportRuntime(artifactId -> "mvn:org.ndisport/" + artifactId + "/" + version);
    }

    /**
     * The runtime from Maven, and ndisport's bundles from {@code locator} (artifactId → bundle URL), e.g.
     * {@code file:} URLs of freshly built jars so a test never runs stale installed snapshots.
     */
    public static Option ndisportRuntime(Function<String, String> locator) {
        List<Option> options = new ArrayList<>();
        for (String coordinates : RUNTIME) {
            String[] gav = coordinates.split(":");
            options.add(mavenBundle(gav[0], gav[1], gav[2]).startLevel(2));
        }
        for (String artifactId : NDISPORT) {
            options.add(bundle(locator.apply(artifactId)).startLevel(3));
        }
        return composite(options.toArray(Option[]::new));
    }

    /** The ndisport version this testkit was built with. */
    public static String ndisportVersion() {
        try (InputStream in = NdisportOptions.class.getResourceAsStream("versions.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("ndisport");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
