package org.ndisport.capture.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which frames a capture keeps: every adapter and port (no selection), or the chosen adapters, each with
 * all its ports or a list of port numbers. Parsed from {@code ADAPTER} or {@code ADAPTER:PORT,PORT,...}.
 */
final class CaptureFilter {
    /** Adapter name to its sorted port numbers; an empty array means all ports of the adapter. */
    private final Map<String, int[]> adapters;

    private CaptureFilter(Map<String, int[]> adapters) {
        this.adapters = adapters;
    }

    /** Every frame on every adapter. */
    static CaptureFilter all() {
        return new CaptureFilter(Map.of());
    }

    /**
     * Parses the selections; none means every adapter. {@code nicA} keeps all its ports, {@code nicA:0,3}
     * ports 0 and 3 (decimal, 0 to 4294967295). Throws IllegalArgumentException naming the bad selection.
     */
    static CaptureFilter parse(List<String> selections) {
        Map<String, int[]> chosen = new LinkedHashMap<>();
        for (String s : selections) {
            String text = s == null ? "" : s.trim();
            int colon = text.indexOf(':');
            String adapter = colon < 0 ? text : text.substring(0, colon).trim();
            if (adapter.isEmpty()) {
                throw new IllegalArgumentException("'" + s + "': no adapter name (ADAPTER or ADAPTER:PORT,...)");
            }
            int[] ports = colon < 0 ? new int[0] : ports(s, text.substring(colon + 1));
            int[] before = chosen.get(adapter);
            chosen.put(adapter, before == null ? ports : merge(before, ports));
        }
        return new CaptureFilter(Collections.unmodifiableMap(chosen));
    }

    private static int[] ports(String selection, String list) {
        String[] parts = list.split(",", -1);
        int[] ports = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ports[i] = Integer.parseUnsignedInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + selection + "': '" + parts[i].trim()
                        + "' is not a port number (0 to 4294967295; ports separated by commas)");
            }
        }
        Arrays.sort(ports);
        return ports;
    }

    /** All ports (an empty array) wins over a list; two lists join. */
    private static int[] merge(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return new int[0];
        }
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Arrays.sort(both);
        return Arrays.stream(both).distinct().toArray();
    }

    /** True when the capture keeps frames of {@code port} on {@code adapter}. */
    boolean matches(String adapter, int port) {
        if (adapters.isEmpty()) {
            return true;
        }
        int[] ports = adapters.get(adapter);
        return ports != null && (ports.length == 0 || Arrays.binarySearch(ports, port) >= 0);
    }

    /** The chosen adapter names, in the order given; empty when every adapter is captured. */
    List<String> adapterNames() {
        return new ArrayList<>(adapters.keySet());
    }

    @Override
    public String toString() {
        if (adapters.isEmpty()) {
            return "all adapters, all ports";
        }
        List<String> parts = new ArrayList<>();
        adapters.forEach((name, ports) -> parts.add(ports.length == 0 ? name + " (all ports)"
                : name + " ports " + Arrays.stream(ports).mapToObj(Integer::toUnsignedString).toList()));
        return String.join(", ", parts);
    }
}
