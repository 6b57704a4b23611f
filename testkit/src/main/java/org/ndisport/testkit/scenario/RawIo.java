package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import org.ndisport.api.miniport.NdisMiniportHandle;

/** The NdisRaw…Port… steps: {@code io-read8 ADDR}, {@code io-write16 ADDR V}, {@code io-read-buffer32 ADDR COUNT}, … */
final class RawIo {
    private RawIo() {
    }

    static Outcome call(String verb, List<String> w, NdisMiniportHandle h) {
        long port = Words.number(w.get(1));
        return switch (verb) {
            case "io-read8" -> Outcome.value(h.rawReadPortUchar(port) & 0xFFL);
            case "io-read16" -> Outcome.value(h.rawReadPortUshort(port) & 0xFFFFL);
            case "io-read32" -> Outcome.value(Integer.toUnsignedLong(h.rawReadPortUlong(port)));
            case "io-write8" -> write(() -> h.rawWritePortUchar(port, Words.uint(w.get(2))));
            case "io-write16" -> write(() -> h.rawWritePortUshort(port, Words.uint(w.get(2))));
            case "io-write32" -> write(() -> h.rawWritePortUlong(port, Words.uint(w.get(2))));
            case "io-read-buffer8" -> readBuffer8(h, port, Words.uint(w.get(2)));
            case "io-read-buffer16" -> readBuffer16(h, port, Words.uint(w.get(2)));
            case "io-read-buffer32" -> readBuffer32(h, port, Words.uint(w.get(2)));
            case "io-write-buffer8", "io-write-buffer16", "io-write-buffer32" -> writeBuffer(verb, h, port,
                    Words.numbers(w.get(2)));
            default -> throw new IllegalArgumentException("unknown miniport step '" + verb + "'");
        };
    }

    private static Outcome write(Runnable call) {
        call.run();
        return Outcome.NOTHING;
    }

    private static Outcome readBuffer8(NdisMiniportHandle h, long port, int count) {
        byte[] b = new byte[count];
        h.rawReadPortBufferUchar(port, b, 0, count);
        List<Long> out = new ArrayList<>();
        for (byte v : b) {
            out.add(v & 0xFFL);
        }
        return Outcome.values(out);
    }

    private static Outcome readBuffer16(NdisMiniportHandle h, long port, int count) {
        short[] b = new short[count];
        h.rawReadPortBufferUshort(port, b, 0, count);
        List<Long> out = new ArrayList<>();
        for (short v : b) {
            out.add(v & 0xFFFFL);
        }
        return Outcome.values(out);
    }

    private static Outcome readBuffer32(NdisMiniportHandle h, long port, int count) {
        int[] b = new int[count];
        h.rawReadPortBufferUlong(port, b, 0, count);
        List<Long> out = new ArrayList<>();
        for (int v : b) {
            out.add(Integer.toUnsignedLong(v));
        }
        return Outcome.values(out);
    }

    private static Outcome writeBuffer(String verb, NdisMiniportHandle h, long port, List<Long> values) {
        int n = values.size();
        switch (verb) {
            case "io-write-buffer8" -> {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = values.get(i).byteValue();
                }
                h.rawWritePortBufferUchar(port, b, 0, n);
            }
            case "io-write-buffer16" -> {
                short[] b = new short[n];
                for (int i = 0; i < n; i++) {
                    b[i] = values.get(i).shortValue();
                }
                h.rawWritePortBufferUshort(port, b, 0, n);
            }
            default -> {
                int[] b = new int[n];
                for (int i = 0; i < n; i++) {
                    b[i] = values.get(i).intValue();
                }
                h.rawWritePortBufferUlong(port, b, 0, n);
            }
        }
        return Outcome.NOTHING;
    }
}
