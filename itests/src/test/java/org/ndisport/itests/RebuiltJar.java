package org.ndisport.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Version;

/**
 * A rebuild of a bundle jar for {@code Bundle.update}: the same content under a new version qualifier,
 * so a test can tell the updated revision from the one it replaced.
 */
final class RebuiltJar {
    private RebuiltJar() {
    }

    /** The jar at {@code url} with Bundle-Version {@code major.minor.micro.qualifier}. */
    static InputStream of(String url, String qualifier) {
        try (JarInputStream in = new JarInputStream(new URL(url).openStream())) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            Version v = Version.parseVersion(main.getValue("Bundle-Version"));
            main.putValue("Bundle-Version", new Version(v.getMajor(), v.getMinor(), v.getMicro(), qualifier).toString());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
