package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hot paths allocate nothing: lookups, updates, deletes and re-inserts without growth. */
class GoLongLongMapAllocationTest {
    private static final int KEYS = 4096;
    private static final int OPS = 100_000;
    /** Slack for the allocation counter itself (a few TLAB or accounting bytes), far below one object per op. */
    private static final long SLACK_BYTES = 4096;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
            .getThreadAllocatedBytes(Thread.currentThread().threadId());
    }

    private static long workload(GoLongLongMap m) {
        long sum = 0;
        for (int i = 0; i < OPS; i++) {
            long k = (i * 2654435761L) & (KEYS - 1);
            sum += m.get(k, 0);
            sum += m.put(k, i, 0);
            if ((i & 7) == 0) {
                sum += m.remove(k, 0);
                sum += m.put(k, i, 0);
            }
            sum += m.containsKey(k + KEYS) ? 1 : 0;
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void getsUpdatesAndRemovesWithReinsertsAllocateNothing(LookupStyle style) {
        for (boolean cache : new boolean[] {false, true}) {
            GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, 7L, KEYS,
                MapOptions.DEFAULT.withLookupStyle(style).withHotKeyCache(cache));
            for (int k = 0; k < KEYS; k++) {
                m.put(k, k, 0);
            }
            long warm = 0;
            for (int round = 0; round < 5; round++) {
                warm += workload(m);
            }
            int b = m.stats().B();
            long before = allocatedBytes();
            long sum = workload(m);
            long allocated = allocatedBytes() - before;
            assertTrue(allocated < SLACK_BYTES, style + " cache=" + cache + " allocated " + allocated
                + " bytes in " + OPS + " iterations (sum " + (sum + warm) + ")");
            assertEquals(b, m.stats().B(), "no growth happened");
            assertEquals(KEYS, m.size());
        }
    }
}
