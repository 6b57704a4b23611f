package org.ndisport.ioport.ethernet.internal;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Component;

/** The bundle's Ethernet segments by name, created on first use; devices with the same name share one. */
@Component(service = Segments.class, immediate = true)
public final class Segments {
    private final ConcurrentSkipListMap<String, EthernetSegment> byName = new ConcurrentSkipListMap<>();

    /** The segment of that name, created if needed. */
    public EthernetSegment segment(String name) {
        return byName.computeIfAbsent(name, EthernetSegment::new);
    }

    /** Every segment, by name. */
    public List<EthernetSegment> all() {
        return List.copyOf(byName.values());
    }
}
