package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.data.NetBufferList;

/** The table of received lists kept past their indication (N59). */
class KeptListsTest {

    @Test
    @DisplayName("N59 lists entered are listed until they leave; each records its place and forgets it on leaving")
    void n59_enteredUntilRemoved() {
        KeptLists kept = new KeptLists();
        NetBufferList a = NetBufferList.copyOf(new byte[1]);
        NetBufferList b = NetBufferList.copyOf(new byte[1]);
        kept.add(a);
        kept.add(b);
        assertEquals(Set.of(a, b), listed(kept));
        assertTrue(a.ndisKeptIndex() >= 0 && b.ndisKeptIndex() >= 0 && a.ndisKeptIndex() != b.ndisKeptIndex());
        kept.remove(a);
        assertEquals(-1, a.ndisKeptIndex());
        assertEquals(Set.of(b), listed(kept));
        kept.remove(a);
        assertEquals(Set.of(b), listed(kept), "removing twice changes nothing");
    }

    @Test
    @DisplayName("N59 more lists than a segment holds: the table grows, every list stays listed, freed places are reused")
    void n59_growsAndReuses() {
        KeptLists kept = new KeptLists();
        List<NetBufferList> lists = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            NetBufferList l = NetBufferList.copyOf(new byte[1]);
            lists.add(l);
            kept.add(l);
        }
        assertEquals(Set.copyOf(lists), listed(kept));
        int capacity = 3 * 1024; // three segments hold 2,500
        for (NetBufferList l : lists.subList(0, 2_000)) {
            kept.remove(l);
        }
        for (int i = 0; i < 2_000; i++) {
            NetBufferList l = NetBufferList.copyOf(new byte[1]);
            kept.add(l);
            assertTrue(l.ndisKeptIndex() < capacity, "freed places are reused before the table grows");
        }
        assertEquals(2_500, listed(kept).size());
    }

    private static Set<NetBufferList> listed(KeptLists kept) {
        Set<NetBufferList> out = new HashSet<>();
        kept.forEach(out::add);
        return out;
    }
}
