package org.ndisport.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A Karaf features repository as read from its XML: feature name, version, bundle locations, required features. */
record FeaturesRepository(Map<String, Feature> features) {

    record Feature(String version, List<String> bundles, List<String> features, List<String> configs,
            List<String> capabilities) {
    }

    static FeaturesRepository read(Path file) {
        Element root = Xml.parse(file);
        Map<String, Feature> features = new LinkedHashMap<>();
        for (Element feature : Xml.children(root, "feature")) {
            features.put(feature.getAttribute("name"), new Feature(
                    feature.getAttribute("version"),
                    texts(feature, "bundle"),
                    texts(feature, "feature"),
                    attributes(feature, "config", "name"),
                    texts(feature, "capability")));
        }
        return new FeaturesRepository(features);
    }

    private static List<String> texts(Element parent, String name) {
        List<String> texts = new ArrayList<>();
        Xml.children(parent, name).forEach(element -> texts.add(element.getTextContent().strip()));
        return texts;
    }

    private static List<String> attributes(Element parent, String name, String attribute) {
        List<String> values = new ArrayList<>();
        Xml.children(parent, name).forEach(element -> values.add(element.getAttribute(attribute)));
        return values;
    }

    /** Namespace-blind DOM helpers. */
    static final class Xml {
        private Xml() {
        }

        static Element parse(Path file) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            } catch (Exception e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }

        static List<Element> children(Element parent, String localName) {
            List<Element> children = new ArrayList<>();
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && localName.equals(element.getLocalName())) {
                    children.add(element);
                }
            }
            return children;
        }

        static String text(Element parent, String localName) {
            List<Element> found = children(parent, localName);
            return found.isEmpty() ? null : found.get(0).getTextContent().strip();
        }
    }
}
