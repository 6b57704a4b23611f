package org.ndisport.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;

/** One send of a chain of frames and the completion status of each list, in chain order. */
final class SendBatch {
    private final NetBufferList[] lists;
    private final NdisStatus[] statuses;
    private final CountDownLatch remaining;

    SendBatch(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        lists = new NetBufferList[count];
        statuses = new NdisStatus[count];
        remaining = new CountDownLatch(count);
        for (int i = count - 1; i >= 0; i--) {
            byte[] frame = new byte[64];
            frame[0] = (byte) i;
            lists[i] = NetBufferList.copyOf(frame).next(i + 1 < count ? lists[i + 1] : null).protocolReserved(this);
        }
    }

    NetBufferList lists() {
        return lists[0];
    }

    void completed(NetBufferList list) {
        for (int i = 0; i < lists.length; i++) {
            if (lists[i] == list && statuses[i] == null) {
                statuses[i] = list.status();
                remaining.countDown();
                return;
            }
        }
    }

    Optional<List<NdisStatus>> await(long timeoutMillis) throws InterruptedException {
        if (!remaining.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        List<NdisStatus> out = new ArrayList<>(statuses.length);
        for (NdisStatus s : statuses) {
            out.add(s);
        }
        return Optional.of(out);
    }
}
