package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.hmaplab.core.testing.MixingHasher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GoMap's hot paths allocate nothing for keys whose hashing does not allocate (boxed Longs made
 * beforehand): get, containsKey, update of an existing key, remove and re-insert without growth,
 * under every lookup style, with and without the hot-key cache.
 */
class GoMapAllocationTest {

    private static final int KEYS = 1000;
    private static final int ROUNDS = 200;
    /** Slack for the allocation counter itself, far below one object per operation (800k operations). */
    private static final long SLACK_BYTES = 4096;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
            .getThreadAllocatedBytes(Thread.currentThread().threadId());
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void getsUpdatesAndRemovesWithReinsertsAllocateNothing(LookupStyle style) {
        for (boolean cache : new boolean[] {false, true}) {
            GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 17L, KEYS,
                MapOptions.DEFAULT.withLookupStyle(style).withHotKeyCache(cache));
            Long[] keys = new Long[KEYS];
            Long[] absent = new Long[KEYS];
            for (int i = 0; i < KEYS; i++) {
                keys[i] = 1_000_000L + i * 31L;
                absent[i] = -1_000_000L - i;
                map.put(keys[i], keys[i]);
            }
            long sink = workload(map, keys, absent);
            long before = allocatedBytes();
            sink += workload(map, keys, absent);
            long allocated = allocatedBytes() - before;
            assertTrue(allocated < SLACK_BYTES, style + " cache=" + cache + " allocated " + allocated + " bytes");
            assertEquals(KEYS, map.size());
            assertTrue(sink != 0);
        }
    }

    private static long workload(GoMap<Long, Long> map, Long[] keys, Long[] absent) {
        long sink = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < KEYS; i++) {
                Long k = keys[i];
                Long v = map.get(k);
                sink += v == null ? 0 : v;
                sink += map.containsKey(absent[i]) ? 1 : 0;
                map.put(k, k);
                if ((i & 7) == r % 8) {
                    map.remove(k);
                    map.put(k, k);
                }
            }
        }
        return sink;
    }
}
