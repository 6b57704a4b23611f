package org.ndisport.binding.internal;

import java.util.Arrays;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.NdisMiniportHandle;

/**
 * Plain descriptions of the I/O port range calls (spec §5) the model-based test makes, read by
 * {@link IoModel} and turned into handle calls here. A call's result is a line of text, written the same way by the model and by {@link #perform}.
 */
final class IoOps {
    private IoOps() {
    }

    /** The I/O calls of §5.1–§5.3 and the NdisImmediate…Port… calls (N22). */
    enum IoKind {
        REGISTER, DEREGISTER, RAW_READ, RAW_WRITE, IMMEDIATE_READ, IMMEDIATE_WRITE, READ_BUFFER, WRITE_BUFFER
    }

    /**
     * One I/O call: {@code port} is InitialPort for (de)registration and the address for accesses;
     * {@code count} NumberOfPorts; {@code offset} the PortOffset passed to deregistration; {@code width}
     * 1, 2 or 4 bytes; {@code value} the data written (the first element for buffer writes, each next
     * one plus 1); {@code length} the element count of buffer calls, {@code size} and {@code start} the
     * Java buffer's length and start offset.
     */
    record IoCall(IoKind kind, long port, int count, long offset, int width, int value, int length, int size,
            int start) {
        static IoCall register(int base, int count) {
            return new IoCall(IoKind.REGISTER, base, count, 0, 0, 0, 0, 0, 0);
        }

        static IoCall deregister(int base, int count, long offset) {
            return new IoCall(IoKind.DEREGISTER, base, count, offset, 0, 0, 0, 0, 0);
        }

        static IoCall read(boolean immediate, long port, int width) {
            return new IoCall(immediate ? IoKind.IMMEDIATE_READ : IoKind.RAW_READ, port, 0, 0, width, 0, 0, 0, 0);
        }

        static IoCall write(boolean immediate, long port, int width, int value) {
            return new IoCall(immediate ? IoKind.IMMEDIATE_WRITE : IoKind.RAW_WRITE, port, 0, 0, width, value, 0, 0,
                    0);
        }

        static IoCall buffer(boolean write, long port, int width, int value, int length, int size, int start) {
            return new IoCall(write ? IoKind.WRITE_BUFFER : IoKind.READ_BUFFER, port, 0, 0, width, value, length, size,
                    start);
        }

        boolean access() {
            return kind != IoKind.REGISTER && kind != IoKind.DEREGISTER;
        }

        boolean writes() {
            return kind == IoKind.RAW_WRITE || kind == IoKind.IMMEDIATE_WRITE || kind == IoKind.WRITE_BUFFER;
        }

        boolean immediate() {
            return kind == IoKind.IMMEDIATE_READ || kind == IoKind.IMMEDIATE_WRITE;
        }

        /** The element a buffer write writes at index {@code i} (or a single write's value), masked to the width. */
        int element(int i) {
            return mask(value + i, width);
        }

        /** Makes the call on {@code h}; the result as {@link IoModel} writes it. */
        String perform(NdisMiniportHandle h) {
            return switch (kind) {
                case REGISTER -> {
                    IoPortRangeResult r = h.registerIoPortRange((int) port, count);
                    yield registered(r.status(), r.portOffset());
                }
                case DEREGISTER -> {
                    h.deregisterIoPortRange((int) port, count, offset);
                    yield "done";
                }
                case RAW_READ -> hex(width, switch (width) {
                    case 1 -> h.rawReadPortUchar(port);
                    case 2 -> h.rawReadPortUshort(port);
                    default -> h.rawReadPortUlong(port);
                });
                case IMMEDIATE_READ -> hex(width, switch (width) {
                    case 1 -> h.immediateReadPortUchar(port);
                    case 2 -> h.immediateReadPortUshort(port);
                    default -> h.immediateReadPortUlong(port);
                });
                case RAW_WRITE -> {
                    switch (width) {
                        case 1 -> h.rawWritePortUchar(port, value);
                        case 2 -> h.rawWritePortUshort(port, value);
                        default -> h.rawWritePortUlong(port, value);
                    }
                    yield "done";
                }
                case IMMEDIATE_WRITE -> {
                    switch (width) {
                        case 1 -> h.immediateWritePortUchar(port, value);
                        case 2 -> h.immediateWritePortUshort(port, value);
                        default -> h.immediateWritePortUlong(port, value);
                    }
                    yield "done";
                }
                case READ_BUFFER -> readBuffer(h);
                case WRITE_BUFFER -> writeBuffer(h);
            };
        }

        private String readBuffer(NdisMiniportHandle h) {
            int[] out = new int[size];
            Arrays.fill(out, mask(FILL, width));
            switch (width) {
                case 1 -> {
                    byte[] b = new byte[size];
                    Arrays.fill(b, (byte) FILL);
                    h.rawReadPortBufferUchar(port, b, start, length);
                    for (int i = 0; i < size; i++) {
                        out[i] = b[i] & 0xFF;
                    }
                }
                case 2 -> {
                    short[] s = new short[size];
                    Arrays.fill(s, (short) FILL);
                    h.rawReadPortBufferUshort(port, s, start, length);
                    for (int i = 0; i < size; i++) {
                        out[i] = s[i] & 0xFFFF;
                    }
                }
                default -> {
                    Arrays.fill(out, FILL);
                    h.rawReadPortBufferUlong(port, out, start, length);
                }
            }
            return elements(out, width);
        }

        private String writeBuffer(NdisMiniportHandle h) {
            int from = Math.max(0, start);
            switch (width) {
                case 1 -> {
                    byte[] b = new byte[size];
                    for (int i = from; i < size; i++) {
                        b[i] = (byte) element(i - from);
                    }
                    h.rawWritePortBufferUchar(port, b, start, length);
                }
                case 2 -> {
                    short[] s = new short[size];
                    for (int i = from; i < size; i++) {
                        s[i] = (short) element(i - from);
                    }
                    h.rawWritePortBufferUshort(port, s, start, length);
                }
                default -> {
                    int[] v = new int[size];
                    for (int i = from; i < size; i++) {
                        v[i] = element(i - from);
                    }
                    h.rawWritePortBufferUlong(port, v, start, length);
                }
            }
            return "done";
        }

        @Override
        public String toString() {
            String w = switch (width) {
                case 1 -> "Uchar";
                case 2 -> "Ushort";
                default -> "Ulong";
            };
            return switch (kind) {
                case REGISTER -> String.format("register %#x+%s", port, Integer.toUnsignedString(count));
                case DEREGISTER -> String.format("deregister %#x+%s offset %#x", port, Integer.toUnsignedString(count),
                        offset);
                case RAW_READ -> String.format("rawRead%s %#x", w, port);
                case IMMEDIATE_READ -> String.format("immediateRead%s %#x", w, port);
                case RAW_WRITE -> String.format("rawWrite%s %#x %#x", w, port, value);
                case IMMEDIATE_WRITE -> String.format("immediateWrite%s %#x %#x", w, port, value);
                case READ_BUFFER -> String.format("rawReadBuffer%s %#x length %d of buffer[%d] from %d", w, port,
                        length, size, start);
                case WRITE_BUFFER -> String.format("rawWriteBuffer%s %#x from %#x length %d of buffer[%d] from %d", w,
                        port, value, length, size, start);
            };
        }
    }

    /** What a read buffer holds before the call, so an untouched element shows. */
    static final int FILL = 0x5A5A5A5A;

    static int mask(int value, int width) {
        return width == 4 ? value : value & ((1 << (8 * width)) - 1);
    }

    static String registered(org.ndisport.api.NdisStatus status, long offset) {
        return status == org.ndisport.api.NdisStatus.SUCCESS ? String.format("SUCCESS @%#x", offset)
                : String.valueOf(status);
    }

    static String hex(int width, int v) {
        return String.format("%#x", Integer.toUnsignedLong(mask(v, width)));
    }

    static String elements(int[] elements, int width) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < elements.length; i++) {
            b.append(i == 0 ? "" : " ").append(hex(width, elements[i]));
        }
        return b.append(']').toString();
    }
}
