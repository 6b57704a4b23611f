package org.ndisport.capture.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What a capture has done: its file and filter, frames written to the file, frames dropped because the
 * queue was full, and the pcapng interfaces written so far, in interface-id order. {@code failure} is the
 * write error that ended the capture early, or null.
 */
public record CaptureStatus(Path file, String filter, boolean running, long written, long dropped,
        List<String> interfaces, String failure) {

    @Override
    public String toString() {
        return (running ? "capturing to " : "captured to ") + file + " (" + filter + "): " + written
                + " frames written, " + dropped + " dropped (queue full), interfaces " + interfaces
                + (failure == null ? "" : "; stopped by a write error: " + failure);
    }
}
