package org.ndisport.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * N66: the generated features repository lists every bundle the Felix distribution runs, as ndisport bundles or as
 * the Karaf feature that provides the same thing, so a new module or dependency cannot be forgotten.
 */
class FeatureDescriptorTest {

    /**
     * Third-party bundles of the distribution and what provides them in Karaf: a feature of Karaf's standard
     * repository the ndisport features require, or "framework" for what every Karaf container runs.
     */
    private static final Map<String, String> KARAF_PROVIDES = Map.ofEntries(
            Map.entry("org.apache.felix:org.apache.felix.scr", "scr"),
            Map.entry("org.osgi:org.osgi.service.component", "scr"),
            Map.entry("org.osgi:org.osgi.util.promise", "scr"),
            Map.entry("org.osgi:org.osgi.util.function", "scr"),
            Map.entry("org.apache.felix:org.apache.felix.eventadmin", "eventadmin"),
            Map.entry("org.apache.felix:org.apache.felix.configadmin", "framework"),
            Map.entry("org.apache.felix:org.apache.felix.metatype", "framework"),
            Map.entry("org.apache.felix:org.apache.felix.fileinstall", "framework"),
            Map.entry("org.apache.felix:org.apache.felix.log", "framework"),
            Map.entry("org.osgi:org.osgi.service.log", "framework"),
            Map.entry("org.slf4j:slf4j-api", "framework"),
            Map.entry("org.slf4j:slf4j-simple", "framework"),
            Map.entry("org.apache.felix:org.apache.felix.main", "framework"),
            Map.entry("org.apache.felix:org.apache.felix.gogo.runtime", "shell"),
            Map.entry("org.apache.felix:org.apache.felix.gogo.command", "shell"),
            Map.entry("org.apache.felix:org.apache.felix.gogo.jline", "shell"),
            Map.entry("org.jline:jline", "shell"));

    /**
     * The web console stack of the Felix distribution, not offered in Karaf (N66): the ndisport page is a
     * Felix WebConsole 5 plugin on Jakarta Servlet, while Karaf 4.4's own console and HTTP service (Felix
     * WebConsole 4 on Pax Web, javax.servlet) cannot host it, and installing a second HTTP service beside
     * Karaf's would fight it for the port.
     */
    private static final Set<String> FELIX_ONLY = Set.of(
            "org.ndisport:org.ndisport.webconsole",
            "org.apache.felix:org.apache.felix.http.servlet-api",
            "org.apache.felix:org.apache.felix.http.jetty",
            "org.apache.felix:org.apache.felix.inventory",
            "org.owasp.encoder:encoder",
            "org.apache.felix:org.apache.felix.webconsole");

    private final String version = System.getProperty("ndisport.version");
    private final FeaturesRepository repository =
            FeaturesRepository.read(Path.of(System.getProperty("ndisport.feature.xml")));
    private final List<String> distribution =
            DistributionBundles.read(Path.of(System.getProperty("ndisport.distribution.pom")));

    @Test
    @DisplayName("N66 every ndisport bundle of the distribution is in a feature, and no other")
    void n66_ndisportBundlesMatchTheDistribution() {
        Set<String> expected = new TreeSet<>();
        for (String artifact : distribution) {
            if (artifact.startsWith("org.ndisport:") && !FELIX_ONLY.contains(artifact)) {
                expected.add("mvn:" + artifact.replace(':', '/') + "/" + version);
            }
        }
        Set<String> listed = new TreeSet<>();
        repository.features().values().forEach(feature -> listed.addAll(feature.bundles()));

        assertTrue(expected.contains("mvn:org.ndisport/org.ndisport.core/" + version), "read the distribution: " + expected);
        assertEquals(expected, listed);
    }

    @Test
    @DisplayName("N66 every other bundle of the distribution is provided by Karaf or a Karaf feature we require")
    void n66_thirdPartyBundlesAreProvidedByKaraf() {
        Set<String> required = new TreeSet<>();
        repository.features().values().forEach(feature -> required.addAll(feature.features()));
        required.add("framework");

        for (String artifact : distribution) {
            if (artifact.startsWith("org.ndisport:") || FELIX_ONLY.contains(artifact)) {
                continue;
            }
            String provider = KARAF_PROVIDES.get(artifact);
            assertTrue(provider != null,
                    artifact + " is in the distribution: add it to a feature, or say which Karaf feature provides it");
            assertTrue(required.contains(provider), artifact + " needs Karaf feature " + provider);
        }
    }

    @Test
    @DisplayName("N66 only the web console stack is left out of Karaf, and all of it is in the distribution")
    void n66_onlyTheWebConsoleIsFelixOnly() {
        Set<String> inDistribution = new TreeSet<>(distribution);
        assertTrue(inDistribution.containsAll(FELIX_ONLY), "stale entries: " + FELIX_ONLY);
    }

    @Test
    @DisplayName("N66 features ndisport, ndisport-shell and ndisport-samples; each bundle once, at this version")
    void n66_featureLayout() {
        Map<String, FeaturesRepository.Feature> features = repository.features();
        assertTrue(features.keySet().containsAll(List.of("ndisport", "ndisport-shell", "ndisport-samples")));
        assertEquals(Set.of("scr", "eventadmin"), Set.copyOf(features.get("ndisport").features()));
        assertTrue(features.get("ndisport-shell").features().containsAll(List.of("ndisport", "shell")));
        assertTrue(features.get("ndisport-samples").features().contains("ndisport"));

        Set<String> seen = new TreeSet<>();
        features.forEach((name, feature) -> {
            // Karaf writes feature versions in OSGi form: 0.1.0.SNAPSHOT for 0.1.0-SNAPSHOT
            assertEquals(version.replaceFirst("-", "."), feature.version(), name);
            for (String bundle : feature.bundles()) {
                assertTrue(seen.add(bundle), bundle + " is in more than one feature");
                assertTrue(bundle.endsWith("/" + version), bundle);
            }
        });
        assertEquals(2, features.get("ndisport-samples").configs().size(),
                "the samples feature carries the distribution's two NE2000 cards");
    }

    @Test
    @DisplayName("N66 feature ndisport stands in for the plug-in miniport drivers, and for nothing else")
    void n66_driverCapability() {
        assertEquals(List.of("osgi.service;effective:=active;objectClass=org.ndisport.api.miniport.MiniportDriver"),
                repository.features().get("ndisport").capabilities());
        repository.features().forEach((name, feature) -> {
            if (!name.equals("ndisport")) {
                assertEquals(List.of(), feature.capabilities(), name);
            }
        });
    }
}
