package org.ndisport.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ndisport.features.FeaturesRepository.Xml;
import org.w3c.dom.Element;

/** The runtime dependencies of distribution/pom.xml, as groupId:artifactId: what the Felix container runs. */
final class DistributionBundles {
    private DistributionBundles() {
    }

    static List<String> read(Path pom) {
        Element dependencies = Xml.children(Xml.parse(pom), "dependencies").get(0);
        List<String> artifacts = new ArrayList<>();
        for (Element dependency : Xml.children(dependencies, "dependency")) {
            if ("runtime".equals(Xml.text(dependency, "scope"))) {
                artifacts.add(Xml.text(dependency, "groupId") + ":" + Xml.text(dependency, "artifactId"));
            }
        }
        if (artifacts.isEmpty()) {
            throw new IllegalStateException("no runtime dependency in " + pom);
        }
        return artifacts;
    }
}
