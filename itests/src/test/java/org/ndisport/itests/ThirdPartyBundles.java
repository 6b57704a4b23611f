package org.ndisport.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.acme.echo.EchoActivator;
import com.acme.echo.EchoProtocol;
import com.acme.intruder.EngineIntruder;
import com.acme.loopback.LoopbackActivator;
import com.acme.loopback.LoopbackMiniport;
import com.acme.tap.TapActivator;
import com.acme.tap.TapBindingLayer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.BundleActivator;

/**
 * Bundles of an imaginary third party ("acme"), built with TinyBundles and bnd from classes of this
 * module that use nothing of ndisport but its API. Built outside the framework, in a test's
 * {@code @Configuration}; a test installs them at run time from the URL in the system property
 * {@code acme.NAME.url}.
 */
public final class ThirdPartyBundles {
    /** A miniport for virtual adapters with two extra ports and loopback sends. */
    public static final String LOOPBACK = "loopback";
    /** A protocol that sends a frame to every port it learns of and logs what comes back. */
    public static final String ECHO = "echo";
    /** A replacement binding layer (AdapterEventSink) ranked above ndisport's own. */
    public static final String TAP = "tap";
    /** A bundle importing the engine's implementation package, which nothing exports. */
    public static final String INTRUDER = "intruder";

    private ThirdPartyBundles() {
    }

    private static final Map<String, File> BUILT = new ConcurrentHashMap<>();

    /** Builds every acme bundle and passes their URLs to the container as system properties. */
    public static Option all() {
        return composite(url(LOOPBACK), url(ECHO), url(TAP), url(INTRUDER));
    }

    /** The acme bundle {@code name}, installed and started with the container (its URL passed too). */
    public static Option provisioned(String name) {
        return composite(url(name), CoreOptions.bundle(jar(name).toURI().toString()).startLevel(4));
    }

    private static File jar(String name) {
        return BUILT.computeIfAbsent(name, n -> switch (n) {
            case LOOPBACK -> bundle("com.acme.loopback", LoopbackActivator.class, LoopbackMiniport.class);
            case ECHO -> bundle("com.acme.echo", EchoActivator.class, EchoProtocol.class);
            case TAP -> bundle("com.acme.tap", TapActivator.class, TapBindingLayer.class);
            case INTRUDER -> bundle("com.acme.intruder", EngineIntruder.class);
            default -> throw new IllegalArgumentException("no acme bundle " + n);
        });
    }

    /** Where a test finds the built bundle (read inside the framework). */
    public static String urlOf(String name) {
        String url = System.getProperty("acme." + name + ".url");
        if (url == null) {
            throw new IllegalStateException("acme bundle " + name + " not built: add ThirdPartyBundles.all()");
        }
        return url;
    }

    private static Option url(String name) {
        return systemProperty("acme." + name + ".url").value(jar(name).toURI().toString());
    }

    private static File bundle(String symbolicName, Class<? extends BundleActivator> activator, Class<?>... classes) {
        TinyBundle b = TinyBundles.bundle().symbolicName(symbolicName).activator(activator)
                .setHeader("Bundle-Version", "1.0.0");
        b.addClass(activator);
        for (Class<?> c : classes) {
            b.addClass(c);
        }
        File jar = new File(new File(ItestOptions.work(), "acme"), symbolicName + ".jar");
        try (InputStream in = b.build(TinyBundles.bndBuilder())) {
            Files.createDirectories(jar.getParentFile().toPath());
            Files.copy(in, jar.toPath(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
