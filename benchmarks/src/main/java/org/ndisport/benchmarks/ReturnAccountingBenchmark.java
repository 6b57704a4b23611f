package org.ndisport.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ndisport.api.data.NetBufferList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under the receive path: only the per-list bookkeeping that makes every received list go
 * back to its miniport exactly once with one binding (D33, N15), on a 32-list chain, with nothing else.
 * Per list: the hold (holder bit and the runtime's own reference, a release store), the binding's
 * release (one CAS) and the runtime's release of its own reference (one atomic and-not). Compared with
 * {@code ReceiveBenchmark.runtime} and {@code direct} at one protocol: how much of the gap to a direct
 * call is this contract, and how much is the rest of the path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReturnAccountingBenchmark {
    private static final long[] ONE_BINDING = {1L};
    private final NetBufferList[] lists = new NetBufferList[ReceiveChain.LISTS];

    @Setup
    public void chain() {
        for (int i = 0; i < lists.length; i++) {
            lists[i] = NetBufferList.copyOf(new byte[ReceiveChain.FRAME]);
        }
    }

    /** Hold, the binding's return and the runtime's own release, for each of the 32 lists. */
    @Benchmark
    public int accounting() {
        int left = 0;
        for (NetBufferList l : lists) {
            l.ndisHold(ONE_BINDING, 2);
        }
        for (NetBufferList l : lists) {
            left += l.ndisRelease(0);
        }
        for (NetBufferList l : lists) {
            left += l.ndisReleaseOwn();
        }
        return left;
    }
}
