package org.ndisport.sample.ne2000;

import java.util.concurrent.ArrayBlockingQueue;
import org.ndisport.api.data.NetBufferList;

/** A fixed set of receive lists, each with a buffer for the largest frame; taking and giving allocate nothing. */
final class ReceivePool {
    private final ArrayBlockingQueue<NetBufferList> free;

    ReceivePool(int size, int bufferBytes) {
        free = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            free.add(new NetBufferList(bufferBytes));
        }
    }

    /** A free list, or null when every list is out with a protocol. */
    NetBufferList take() {
        return free.poll();
    }

    /** A list back from the runtime. */
    void give(NetBufferList list) {
        list.next(null);
        free.offer(list);
    }

    int available() {
        return free.size();
    }
}
