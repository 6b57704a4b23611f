package org.ndisport.capture.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ndis:capture start FILE [ADAPTER[:PORT,...] ...]}, {@code ndis:capture stop},
 * {@code ndis:capture status}: pcapng capture of the frames on chosen adapters and ports (N62).
 */
@Component(service = CaptureCommand.class, property = {"osgi.command.scope=ndis", "osgi.command.function=capture"})
public final class CaptureCommand {
    static final String USAGE = "usage: capture start FILE [ADAPTER[:PORT,...] ...] | capture stop | capture status";
    private final CaptureService service;

    @Activate
    public CaptureCommand(@Reference CaptureService service) {
        this.service = service;
    }

    @Descriptor("start, stop or show a pcapng capture: capture start FILE [ADAPTER[:PORT,...] ...] (no adapter: all "
            + "adapters; ADAPTER alone: all its ports), capture stop, capture status")
    public String capture(
            @Descriptor("start, stop or status, then for start the file and the selections") String... args) {
        if (args.length == 0) {
            throw new CaptureException(USAGE);
        }
        String action = args[0].toLowerCase(Locale.ROOT);
        switch (action) {
            case "start" -> {
                if (args.length < 2) {
                    throw new CaptureException("capture start needs a FILE; " + USAGE);
                }
                Path file;
                try {
                    file = Path.of(args[1]).toAbsolutePath();
                } catch (java.nio.file.InvalidPathException e) {
                    throw new CaptureException("'" + args[1] + "' is not a file name: " + e.getReason());
                }
                return service.start(file,
                        Arrays.asList(args).subList(2, args.length)).toString();
            }
            case "stop" -> {
                requireNoMore(args);
                return service.stop().toString();
            }
            case "status" -> {
                requireNoMore(args);
                return service.status().map(CaptureStatus::toString).orElse("no capture has run");
            }
            default -> throw new CaptureException("unknown capture action '" + args[0] + "'; " + USAGE);
        }
    }

    private static void requireNoMore(String[] args) {
        if (args.length > 1) {
            throw new CaptureException("capture " + args[0] + " takes no arguments; " + USAGE);
        }
    }
}
