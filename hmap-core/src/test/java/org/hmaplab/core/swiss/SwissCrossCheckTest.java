package org.hmaplab.core.swiss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.core.testing.MixingHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two Swiss maps share their state machine (AbstractSwissMap) but not their probes (primitive
 * fast64 paths, generic object paths) or storage; with the same hasher and seeds they must agree
 * on every observable: results, stats after every step,
 * and even the order of every iteration (same structure, same per-map random numbers). Also the
 * probe statistics, on a table built so that the expected counts follow from the matching rules.
 */
class SwissCrossCheckTest {

    @ParameterizedTest
    @EnumSource(SwissVersion.class)
    void primitiveAndGenericMapsAgreeStepByStep(SwissVersion version) {
        SwissLongLongMap a = new SwissLongLongMap(MixingHasher.INSTANCE, SwissLongLongMap.firstThen(11), 0, version);
        SwissMap<Long, Long> b = new SwissMap<>(MixingHasher.INSTANCE, SwissLongLongMap.firstThen(11), 0, version);
        SplittableRandom rnd = new SplittableRandom(23);
        for (int step = 0; step < 8000; step++) {
            long k = rnd.nextLong(step < 4000 ? 3000 : 40);
            int op = rnd.nextInt(100);
            if (op < 55) {
                Long old = b.put(k, (long) step);
                assertEquals(old == null ? -1 : old, a.put(k, step, -1), "step " + step);
            } else if (op < 97) {
                Long old = b.remove(k);
                assertEquals(old == null ? -1 : old, a.remove(k, -1), "step " + step);
            } else if (op < 98) {
                a.clear();
                b.clear();
            } else {
                List<Long> orderA = new ArrayList<>();
                List<Long> orderB = new ArrayList<>();
                a.forEach((key, value) -> orderA.add(key));
                b.forEach((key, value) -> orderB.add(key));
                assertEquals(orderA, orderB, "iteration order at step " + step);
            }
            assertEquals(a.stats(), b.stats(), "step " + step);
            assertEquals(a.seed(), b.seed(), "step " + step);
        }
    }

    /**
     * Keys {@code (2g << 7) | 5} for g = 0, 1, 2 all have H2 5 and, in a 2-group table (hint 9, 16
     * slots), home group 0 (h1 = 2g, mask 1): they fill slots 0, 1, 2 of group 0. A hit of the i-th
     * meets i false candidates before its own slot; a miss with the same H2 and home group meets all
     * 3 and stops at group 0, which has empty slots. SWAR adds no borrow false positive here (the
     * byte after the run is 0x80).
     */
    @ParameterizedTest
    @EnumSource(SwissLookupStyle.class)
    void probeStatsCountGroupsAndFalseMatches(SwissLookupStyle style) {
        SwissLongLongMap m = new SwissLongLongMap(IdentityHasher.INSTANCE, () -> 0, 9, SwissVersion.NEWEST, style);
        for (long g = 0; g < 3; g++) {
            m.put((2 * g) << 7 | 5, g, -1);
        }
        SwissProbeStats s = m.probeStats(new long[] {6L << 7 | 5, 1L << 7 | 6});
        assertEquals(3, s.hits());
        assertEquals(1.0, s.groupsPerHit());
        assertEquals(1.0, s.falseMatchesPerHit());
        assertEquals(2, s.misses());
        assertEquals(1.0, s.groupsPerMiss(), "both misses stop at their home group");
        assertEquals(1.5, s.falseMatchesPerMiss(), "3 false candidates for the first miss, 0 for the second");
        SwissMap<Long, Long> generic = new SwissMap<>(IdentityHasher.INSTANCE, () -> 0, 9, SwissVersion.NEWEST, style);
        for (long g = 0; g < 3; g++) {
            generic.put((2 * g) << 7 | 5, g);
        }
        assertEquals(s, generic.probeStats(List.of(6L << 7 | 5, 1L << 7 | 6)));
    }

    /** Small maps count one group per lookup and no false matches (the int64 small path compares keys). */
    @Test
    void probeStatsOfASmallMap() {
        SwissLongLongMap m = new SwissLongLongMap(IdentityHasher.INSTANCE, () -> 0, 0, SwissVersion.NEWEST);
        m.put(1, 1, 0);
        m.put(2, 2, 0);
        SwissProbeStats s = m.probeStats(new long[] {3});
        assertEquals(new SwissProbeStats(2, 1.0, 0.0, 1, 1.0, 0.0), s);
    }
}
