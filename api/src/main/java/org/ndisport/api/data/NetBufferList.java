package org.ndisport.api.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import org.ndisport.api.NdisStatus;

/**
 * {@code NET_BUFFER_LIST}: one frame, linked into a chain through {@link #next()}. It has no port
 * field; the port travels beside it (spec §6.5).
 *
 * <p>Ownership follows NDIS: a received chain goes back to the miniport exactly once; a sent chain is
 * completed back to its protocol exactly once, each list carrying its {@link #status()}. Drivers pool
 * and reuse lists, so the data path allocates nothing per frame. Not thread safe: one owner at a time.
 */
public final class NetBufferList {
    private static final VarHandle REFERENCES;
    private static final VarHandle WORD;
    private static final VarHandle SENDING;
    private static final VarHandle HOLDERS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Narrow form: the runtime's own reference is the top bit of {@link #ndisWord}. */
    private static final long OWN = 1L << 63;

    static {
        try {
            REFERENCES = MethodHandles.lookup().findVarHandle(NetBufferList.class, "ndisReferences", int.class);
            WORD = MethodHandles.lookup().findVarHandle(NetBufferList.class, "ndisWord", long.class);
            SENDING = MethodHandles.lookup().findVarHandle(NetBufferList.class, "ndisCarer", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NetBufferList next;
    private byte[] data;
    private int offset;
    private int length;
    private NdisStatus status = NdisStatus.SUCCESS;
    private Object sourceHandle;
    private Object miniportReserved;
    private Object protocolReserved;
    private int ndisPortNumber;
    private volatile int ndisReferences;
    private long[] ndisHolders;
    /**
     * Narrow form (binding slots below 63 only, the usual case): holder bits and the runtime's own
     * reference in one word, so a release is one atomic operation. Written after {@link #ndisWide}.
     */
    private volatile long ndisWord;
    private boolean ndisWide;
    /** The adapter whose miniport has the list (sent, not yet completed), or null; runtime scratch. */
    private volatile Object ndisCarer;
    /** The list's link as it was sent, so the runtime can find a chain the miniport relinked. */
    private NetBufferList ndisSentNext;
    /** Where the runtime lists the received list while a binding keeps it past the indication, or -1. */
    private int ndisKeptIndex = -1;

    /** An empty list with a buffer of the given capacity; IllegalArgumentException if negative (N41). */
    public NetBufferList(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity + " is negative");
        }
        this.data = new byte[capacity];
    }

    /**
     * A list holding (not copying) the given frame bytes. The frame must lie inside {@code data}:
     * NullPointerException for a null array, IllegalArgumentException otherwise (N41).
     */
    public NetBufferList(byte[] data, int offset, int length) {
        checkFrame(data, offset, length);
        this.data = data;
        this.offset = offset;
        this.length = length;
    }

    /** A list holding a copy of the given frame; NullPointerException if it is null. */
    public static NetBufferList copyOf(byte[] frame) {
        Objects.requireNonNull(frame, "frame");
        return new NetBufferList(frame.clone(), 0, frame.length);
    }

    /** Counts the lists from this one to the end of the chain. */
    public int chainLength() {
        int n = 0;
        for (NetBufferList l = this; l != null; l = l.next) {
            n++;
        }
        return n;
    }

    /** Sets the status of every list in the chain from this one. */
    public void setChainStatus(NdisStatus value) {
        for (NetBufferList l = this; l != null; l = l.next) {
            l.status = value;
        }
    }

    /** The next list, or null at the end of the chain. */
    public NetBufferList next() {
        return next;
    }

    /** Links the next list. */
    public NetBufferList next(NetBufferList value) {
        this.next = value;
        return this;
    }

    /** The backing array; the frame is {@code data[offset .. offset+length)}. */
    public byte[] data() {
        return data;
    }

    /** Offset of the frame in {@link #data()}. */
    public int offset() {
        return offset;
    }

    /** Frame length in bytes. */
    public int length() {
        return length;
    }

    /** Replaces the frame (not copied); checked as the constructor does, nothing changed when refused. */
    public NetBufferList frame(byte[] bytes, int off, int len) {
        checkFrame(bytes, off, len);
        this.data = bytes;
        this.offset = off;
        this.length = len;
        return this;
    }

    /** N41: the frame [offset, offset + length) lies inside the array. */
    private static void checkFrame(byte[] bytes, int offset, int length) {
        Objects.requireNonNull(bytes, "data");
        if (offset < 0 || length < 0 || length > bytes.length - offset) {
            throw new IllegalArgumentException("frame of offset " + offset + " and length " + length
                    + " outside an array of " + bytes.length + " bytes");
        }
    }

    /** A copy of the frame bytes. */
    public byte[] frameBytes() {
        return java.util.Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Completion status of a send (set by the miniport or by the runtime when it refuses a send). */
    public NdisStatus status() {
        return status;
    }

    /** Sets the completion status. */
    public NetBufferList status(NdisStatus value) {
        this.status = value;
        return this;
    }

    /** {@code SourceHandle}: who owns the list (the runtime uses it to route completions). */
    public Object sourceHandle() {
        return sourceHandle;
    }

    /** Sets the source handle. */
    public NetBufferList sourceHandle(Object value) {
        this.sourceHandle = value;
        return this;
    }

    /** Scratch space of the miniport that owns the list. */
    public Object miniportReserved() {
        return miniportReserved;
    }

    /** Sets the miniport scratch space. */
    public NetBufferList miniportReserved(Object value) {
        this.miniportReserved = value;
        return this;
    }

    /**
     * The runtime's scratch (NdisReserved): the port the list was sent or indicated on while it is in
     * the runtime's care. Drivers neither set nor rely on it.
     */
    public int ndisPortNumber() {
        return ndisPortNumber;
    }

    /** Sets the runtime's scratch port number. */
    public NetBufferList ndisPortNumber(int value) {
        this.ndisPortNumber = value;
        return this;
    }

    /** Scratch space of the protocol that owns the list. */
    public Object protocolReserved() {
        return protocolReserved;
    }

    /** Sets the protocol scratch space. */
    public NetBufferList protocolReserved(Object value) {
        this.protocolReserved = value;
        return this;
    }

    /**
     * The runtime's scratch (NdisReserved), set before a received list is handed to the bindings: the
     * bindings that hold it (bit i for binding slot i) and how many references are out, the runtime's
     * own included. Drivers neither set nor rely on it.
     */
    public void ndisHold(long[] holders, int references) {
        if (holders.length == 1 && (holders[0] & OWN) == 0 && references == Long.bitCount(holders[0]) + 1) {
            ndisWide = false;
            // a release store: the chain reaches bindings on this thread, and other threads only through
            // the hand-off of whoever passes a list on, which orders it
            WORD.setRelease(this, holders[0] | OWN);
            return;
        }
        long[] mine = ndisHolders;
        if (mine == null || mine.length < holders.length) {
            mine = new long[holders.length];
            ndisHolders = mine;
        }
        System.arraycopy(holders, 0, mine, 0, holders.length);
        java.util.Arrays.fill(mine, holders.length, mine.length, 0L);
        ndisWide = true;
        ndisReferences = references;
        ndisWord = 0;
    }

    /** True while binding slot {@code slot} holds the list (runtime scratch). */
    public boolean ndisHeldBy(int slot) {
        long word = ndisWord;
        if (!ndisWide) {
            return slot < 63 && (word & (1L << slot)) != 0;
        }
        long[] mine = ndisHolders;
        int index = slot >>> 6;
        return mine != null && index < mine.length
                && ((long) HOLDERS.getVolatile(mine, index) & (1L << (slot & 63))) != 0;
    }

    /**
     * Binding slot {@code slot} gives the list back: its bit is cleared atomically and one reference
     * dropped. Returns the references left, or -1, changing nothing, when that slot did not hold it.
     */
    public int ndisRelease(int slot) {
        long word = ndisWord;
        if (!ndisWide) {
            if (slot >= 63) {
                return -1;
            }
            long bit = 1L << slot;
            while (true) {
                if ((word & bit) == 0) {
                    return -1;
                }
                long witness = (long) WORD.compareAndExchange(this, word, word & ~bit);
                if (witness == word) {
                    return Long.bitCount(word & ~bit);
                }
                word = witness;
            }
        }
        long[] mine = ndisHolders;
        int index = slot >>> 6;
        if (mine == null || index >= mine.length) {
            return -1;
        }
        long bit = 1L << (slot & 63);
        long current;
        do {
            current = (long) HOLDERS.getVolatile(mine, index);
            if ((current & bit) == 0) {
                return -1;
            }
        } while (!HOLDERS.compareAndSet(mine, index, current, current & ~bit));
        return (int) REFERENCES.getAndAdd(this, -1) - 1;
    }

    /** The runtime drops its own reference; returns the references left. */
    public int ndisReleaseOwn() {
        long word = ndisWord; // this volatile read orders the read of ndisWide after ndisHold's writes
        if (!ndisWide) {
            if (word == OWN) {
                // no binding holds it any more, so no other thread writes this word until it is held
                // again: a plain release store ends the runtime's reference without an atomic operation
                WORD.setRelease(this, 0L);
                return 0;
            }
            long before = (long) WORD.getAndBitwiseAnd(this, ~OWN);
            return Long.bitCount(before & ~OWN);
        }
        return (int) REFERENCES.getAndAdd(this, -1) - 1;
    }

    /**
     * The binding slots {@code 64 * index} to {@code 64 * index + 63} that hold the list, as bits (runtime
     * scratch); 0 beyond the slots it was held for.
     */
    public long ndisHolderBits(int index) {
        long word = ndisWord; // read first: orders the read of ndisWide
        if (!ndisWide) {
            return index == 0 ? word & ~OWN : 0L;
        }
        long[] mine = ndisHolders;
        return mine != null && index < mine.length ? (long) HOLDERS.getVolatile(mine, index) : 0L;
    }

    /** References still out (runtime scratch). */
    public int ndisReferences() {
        long word = ndisWord; // read first: orders the read of ndisWide
        return ndisWide ? ndisReferences : Long.bitCount(word);
    }

    /**
     * The runtime hands the list to the miniport of {@code carer} (runtime scratch): the list is marked as
     * in that miniport's care and its current link remembered. Called for each list of a sent chain
     * before MiniportSendNetBufferLists.
     */
    public void ndisSent(Object carer) {
        ndisSentNext = next;
        SENDING.setRelease(this, carer);
    }

    /**
     * The list leaves the care of {@code carer}'s miniport (runtime scratch): true exactly once per
     * {@link #ndisSent(Object)}, false when the list was not in its care (never sent to it, or completed
     * already).
     */
    public boolean ndisSendCompleted(Object carer) {
        return SENDING.compareAndSet(this, carer, null);
    }

    /** True while the list is in the care of {@code carer}'s miniport (runtime scratch). */
    public boolean ndisInCareOf(Object carer) {
        return ndisCarer == carer;
    }

    /** The link the list had when {@link #ndisSent(Object)} was called (runtime scratch). */
    public NetBufferList ndisSentNext() {
        return ndisSentNext;
    }

    /** Where the runtime lists this received list while a binding keeps it, or -1 (runtime scratch). */
    public int ndisKeptIndex() {
        return ndisKeptIndex;
    }

    /** Sets where the runtime lists this received list (runtime scratch). */
    public void ndisKeptIndex(int value) {
        this.ndisKeptIndex = value;
    }
}
