package org.ndisport.capture.internal;

import java.lang.annotation.Annotation;

/** A capture configuration for tests. */
record TestConfig(int queue, boolean nanos) implements CaptureConfiguration {
    static TestConfig defaults() {
        return new TestConfig(DEFAULT_QUEUE_FRAMES, false);
    }

    @Override
    public int queue_frames() {
        return queue;
    }

    @Override
    public boolean timestamps_nanoseconds() {
        return nanos;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return CaptureConfiguration.class;
    }
}
