package org.hmaplab.core.swiss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hot paths allocate nothing: lookups (hits and misses), updates, deletes and re-inserts without growth. */
class SwissLongLongMapAllocationTest {
    private static final int KEYS = 4096;
    private static final int OPS = 100_000;
    /** Slack for the allocation counter itself, far below one object per operation. */
    private static final long SLACK_BYTES = 4096;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
            .getThreadAllocatedBytes(Thread.currentThread().threadId());
    }

    private static long workload(SwissLongLongMap m) {
        long sum = 0;
        for (int i = 0; i < OPS; i++) {
            long k = (i * 2654435761L) & (KEYS - 1);
            sum += m.get(k, 0);
            sum += m.get(k + KEYS, 0);
            sum += m.put(k, i, 0);
            if ((i & 7) == 0) {
                sum += m.remove(k, 0);
                sum += m.put(k, i, 0);
            }
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(SwissLookupStyle.class)
    void getsUpdatesAndRemovesWithReinsertsAllocateNothing(SwissLookupStyle style) {
        for (SwissVersion version : SwissVersion.values()) {
            for (SwissLayout layout : SwissLayout.values()) {
                SwissLongLongMap m = new SwissLongLongMap(Fmix64Hasher.INSTANCE, SwissLongLongMap.firstThen(7), KEYS,
                    version, style, layout);
                for (int k = 0; k < KEYS; k++) {
                    m.put(k, k, 0);
                }
                long warm = 0;
                for (int round = 0; round < 5; round++) {
                    warm += workload(m);
                }
                long capacity = m.stats().capacity();
                long before = allocatedBytes();
                long sum = workload(m);
                long allocated = allocatedBytes() - before;
                assertTrue(allocated < SLACK_BYTES, style + " " + version + " " + layout + " allocated " + allocated
                    + " bytes in " + OPS + " iterations (sum " + (sum + warm) + ")");
                assertEquals(capacity, m.stats().capacity(), "no growth happened");
                assertEquals(KEYS, m.size());
            }
        }
    }
}
