package org.ndisport.benchmarks;

import java.util.HashMap;
import java.util.Map;
import org.ndisport.api.data.NetBufferList;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One benchmark thread's receive chain for {@link ReceiveBenchmark}: {@value #LISTS} lists of
 * {@value #FRAME}-byte frames, built once, their own free pool (filled by {@link BenchDriver} as lists
 * come back), a binding stub for the baselines, the event properties, and counters of the lists it
 * indicated. Thread confined: each thread indicates and gets back only its own lists.
 */
@State(Scope.Thread)
public class ReceiveChain {
    /** Lists per indication. */
    public static final int LISTS = 32;
    /** Bytes per frame. */
    public static final int FRAME = 64;

    final ReceiveBindingStub stub = new ReceiveBindingStub();
    final Map<String, Object> eventProperties = new HashMap<>();
    NetBufferList head;
    long runtimeLists;
    long baselineLists;
    private NetBufferList free;
    private int freeCount;

    /** Builds the chain and makes it known to the benchmark for the end-of-trial check. */
    @Setup(Level.Trial)
    public void build(ReceiveBenchmark benchmark) {
        NetBufferList h = null;
        for (int i = LISTS - 1; i >= 0; i--) {
            byte[] frame = new byte[FRAME];
            frame[FRAME - 1] = (byte) i;
            h = new NetBufferList(frame, 0, FRAME).miniportReserved(this).next(h);
        }
        head = h;
        eventProperties.put(ReceiveEventHandler.LISTS, head);
        eventProperties.put(ReceiveEventHandler.BINDING, stub);
        eventProperties.put(ReceiveEventHandler.PORT, 0);
        eventProperties.put(ReceiveEventHandler.COUNT, LISTS);
        eventProperties.put(ReceiveEventHandler.FLAGS, 0);
        benchmark.register(this);
    }

    /** The miniport takes a list back into this chain's pool (on the indicating thread). */
    void giveBack(NetBufferList list) {
        list.next(free);
        free = list;
        freeCount++;
    }

    /** After an indication: the pooled lists become the next chain; fails if any did not come back. */
    NetBufferList takeBack() {
        if (freeCount != LISTS) {
            throw new IllegalStateException("only " + freeCount + " of " + LISTS + " lists came back to the miniport");
        }
        head = free;
        free = null;
        freeCount = 0;
        return head;
    }
}
