package org.ndisport.capture.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the capture service (PID {@value #PID}); read when a capture starts. */
@ObjectClassDefinition(name = "ndisport capture",
        description = "pcapng capture of the frames on chosen adapters and ports")
public @interface CaptureConfiguration {
    String PID = "org.ndisport.capture";
    int DEFAULT_QUEUE_FRAMES = 65_536;

    @AttributeDefinition(name = "Queue size (frames)", description = "Frames waiting for the writer thread; when full, "
            + "a frame is dropped and counted, never waited for (N62)")
    int queue_frames() default DEFAULT_QUEUE_FRAMES;

    @AttributeDefinition(name = "Nanosecond timestamps",
            description = "Write if_tsresol 9 (nanoseconds) instead of the pcapng default 6 (microseconds)")
    boolean timestamps_nanoseconds() default false;
}
