package org.ndisport.ioport.ethernet.internal;

/** A device attached to an {@link EthernetSegment}: it hears every frame another station sends. */
public interface Station {
    /** A frame on the wire (destination MAC first, no FCS); the array is only valid during the call. */
    void frameOnWire(byte[] frame, int length);
}
