package org.ndisport.testkit.paxexam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.CompositeOption;
import org.ops4j.pax.exam.options.ProvisionOption;

class NdisportOptionsTest {
    @Test
    void provisionsTheRuntimeThenNdisportAtTheTestkitsVersion() {
        List<String> urls = urls(NdisportOptions.ndisportRuntime());
        assertEquals(NdisportOptions.RUNTIME.size() + NdisportOptions.NDISPORT.size(), urls.size());
        assertTrue(urls.get(0).startsWith("mvn:org.slf4j/slf4j-api/"), urls.get(0));
        assertTrue(urls.contains("mvn:org.apache.felix/org.apache.felix.scr/2.2.18"), urls.toString());
        String version = NdisportOptions.ndisportVersion();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "filtered version, got " + version);
        assertEquals("mvn:org.ndisport/org.ndisport.core/" + version, urls.get(NdisportOptions.RUNTIME.size() + 1));
    }

    @Test
    void aLocatorGivesNdisportsBundlesAsFiles() {
        List<String> urls = urls(NdisportOptions.ndisportRuntime(a -> "file:/jars/" + a + ".jar"));
        assertEquals("file:/jars/org.ndisport.api.jar", urls.get(NdisportOptions.RUNTIME.size()));
        assertEquals("file:/jars/org.ndisport.testkit.jar", urls.get(urls.size() - 1));
    }

    private static List<String> urls(Option option) {
        List<String> out = new ArrayList<>();
        for (Option o : ((CompositeOption) option).getOptions()) {
            out.add(o instanceof ProvisionOption<?> u ? u.getURL() : o.toString());
        }
        return out;
    }
}
