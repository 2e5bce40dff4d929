package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;

/**
 * A clear during a growth empties the abandoned old array (as Go 1.21's clear does,
 * golang/go#59411), so an iteration that started before the growth, and so walks the old array,
 * returns none of the entries the clear removed. Both classic maps, since the rule lives in their
 * shared state machine.
 */
class ClearDuringIterationTest {
    /** 52 entries fill B = 3 exactly (13 * 8 / 2); the 53rd starts a doubling. */
    private static final int FULL_AT_B3 = 52;

    @Test
    void anIterationStartedBeforeAGrowthReturnsNothingAfterAClearDuringIt() {
        final GoLongLongMap m = new GoLongLongMap(Hashers.byName("go"), 42L, 0);
        for (long k = 0; k < FULL_AT_B3; k++) {
            m.put(k, k, -1);
        }
        assertEquals(3, m.bucketBits());
        assertFalse(m.isGrowing());
        final GoLongLongMap.Iterator it = m.iterator();
        assertTrue(it.next());
        m.put(1000L, 1000L, -1);
        assertTrue(m.isGrowing(), "the 53rd entry starts a doubling");
        m.clear();
        assertFalse(it.next(), "the iteration walks the old array, which the clear emptied");
    }

    @Test
    void theSameForGoMap() {
        final GoMap<Long, Long> m = new GoMap<>(Hashers.byName("go"), 42L, 0);
        for (long k = 0; k < FULL_AT_B3; k++) {
            m.put(k, k);
        }
        assertEquals(3, m.bucketBits());
        assertFalse(m.isGrowing());
        final Iterator<Long> it = m.keySet().iterator();
        it.next();
        m.put(1000L, 1000L);
        assertTrue(m.isGrowing(), "the 53rd entry starts a doubling");
        m.clear();
        assertFalse(it.hasNext(), "the iteration walks the old array, which the clear emptied");
    }
}
