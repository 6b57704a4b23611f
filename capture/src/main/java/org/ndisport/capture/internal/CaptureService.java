package org.ndisport.capture.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.ndisport.api.capture.FrameTap;
import org.ndisport.api.runtime.NdisRuntime;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops pcapng captures (N62), at most one at a time. The session's {@link FrameTap} is
 * registered only while it runs, so with no capture the data path has no tap to call (N61).
 */
@Component(service = CaptureService.class, configurationPid = CaptureConfiguration.PID)
@Designate(ocd = CaptureConfiguration.class)
public final class CaptureService {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureService.class);

    private final Predicate<String> adapterExists;
    private final TapPublisher publisher;
    private volatile CaptureConfiguration config;
    private CaptureSession session;
    private TapPublisher.Registration registration;
    private CaptureStatus last;

    @Activate
    public CaptureService(@Reference NdisRuntime runtime, BundleContext context, CaptureConfiguration config) {
        this(name -> runtime.adapter(name).isPresent(), tap -> {
            ServiceRegistration<FrameTap> r = context.registerService(FrameTap.class, tap, null);
            return r::unregister;
        }, config);
    }

    /** A service checking adapter names with {@code adapterExists} and publishing taps with {@code publisher}. */
    public CaptureService(Predicate<String> adapterExists, TapPublisher publisher, CaptureConfiguration config) {
        this.adapterExists = adapterExists;
        this.publisher = publisher;
        this.config = config;
    }

    @Modified
    void configure(CaptureConfiguration config) {
        this.config = config;
    }

    /** Stops a running capture, closing its file. */
    @Deactivate
    synchronized void deactivate() {
        if (session != null) {
            stop();
        }
    }

    /**
     * Starts capturing the frames {@code selections} choose (see {@link CaptureFilter#parse}; none: all) to
     * {@code file}, created or truncated. Throws CaptureException when a capture is already running, a
     * selection is malformed or names an unknown adapter, or the file cannot be written.
     */
    public synchronized CaptureStatus start(Path file, List<String> selections) {
        if (session != null) {
            throw new CaptureException("a capture is already running (" + session.status(true)
                    + "); stop it first with ndis:capture stop");
        }
        CaptureFilter filter;
        try {
            filter = CaptureFilter.parse(selections);
        } catch (IllegalArgumentException e) {
            throw new CaptureException(e.getMessage());
        }
        for (String name : filter.adapterNames()) {
            if (!adapterExists.test(name)) {
                throw new CaptureException("unknown adapter '" + name + "'");
            }
        }
        if (Files.isDirectory(file)) {
            throw new CaptureException("cannot write " + file + ": it is a directory");
        }
        CaptureConfiguration c = config;
        if (c.queue_frames() < 1) {
            throw new CaptureException("capture configuration queue.frames must be at least 1, not "
                    + c.queue_frames());
        }
        CaptureSession s;
        try {
            s = new CaptureSession(file, filter, c.queue_frames(), c.timestamps_nanoseconds());
        } catch (IOException e) {
            throw new CaptureException("cannot write " + file + ": " + e);
        }
        s.start();
        session = s;
        registration = publisher.publish(s);
        LOG.info("capture to {} started: {}", file, filter);
        return s.status(true);
    }

    /** Stops the running capture, writes what is queued, closes the file; CaptureException if none runs. */
    public synchronized CaptureStatus stop() {
        if (session == null) {
            throw new CaptureException("no capture is running");
        }
        registration.close();
        try {
            last = session.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureException("interrupted while writing the last frames to " + session.status(false).file());
        } finally {
            session = null;
            registration = null;
        }
        LOG.info("capture stopped: {}", last);
        return last;
    }

    /** The running capture, else the last one that ran; empty if none ever ran. */
    public synchronized Optional<CaptureStatus> status() {
        return session != null ? Optional.of(session.status(true)) : Optional.ofNullable(last);
    }
}
