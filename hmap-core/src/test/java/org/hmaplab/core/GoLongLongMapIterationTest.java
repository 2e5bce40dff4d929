package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.hmaplab.core.testing.IdentityHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Iteration order and guarantees (GO-MAP-SPEC.md §11). */
class GoLongLongMapIterationTest {

    private static GoLongLongMap filled(int n, long seed, LookupStyle style) {
        GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, seed, 0, MapOptions.DEFAULT.withLookupStyle(style));
        for (int i = 0; i < n; i++) {
            m.put(i, i * 3L, -1);
        }
        return m;
    }

    private static List<Long> order(GoLongLongMap m) {
        List<Long> keys = new ArrayList<>();
        GoLongLongMap.Iterator it = m.iterator();
        while (it.next()) {
            keys.add(it.key());
        }
        return keys;
    }

    @Test
    void iterationVisitsEveryLiveEntryOnceWithItsValue() {
        for (int n : new int[] {0, 1, 8, 9, 100, 1000, 5000}) {
            GoLongLongMap m = filled(n, 17L + n, LookupStyle.GENERIC);
            for (int i = 0; i < n; i += 4) {
                m.remove(i, -1);
            }
            Map<Long, Long> seen = new HashMap<>();
            m.forEach((k, v) -> {
                if (seen.put(k, v) != null) {
                    throw new AssertionError("key " + k + " twice");
                }
            });
            assertEquals(m.size(), seen.size(), "n " + n);
            for (Map.Entry<Long, Long> e : seen.entrySet()) {
                assertTrue(e.getKey() % 4 != 0);
                assertEquals(e.getKey() * 3, e.getValue());
            }
        }
    }

    @Test
    void iterationStartsAtARandomBucketAndRotationSoOrdersDiffer() {
        // §11.3: 24 iterations of one map typically give ~20 distinct (startBucket, offset) pairs of 64.
        GoLongLongMap m = filled(50, 5L, LookupStyle.GENERIC); // B = 3: 8 buckets x 8 rotations
        Set<List<Long>> orders = new HashSet<>();
        Set<Long> firsts = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            List<Long> o = order(m);
            assertEquals(50, o.size());
            orders.add(o);
            firsts.add(o.get(0));
        }
        assertTrue(orders.size() >= 12, "distinct orders: " + orders.size());
        assertTrue(firsts.size() >= 8, "distinct first keys: " + firsts.size());
    }

    @Test
    void theSameRotationAppliesInEveryBucketIncludingOverflowBuckets() {
        // B = 0 with one bucket: the order is a rotation of the slot order (§11.5).
        GoLongLongMap m = new GoLongLongMap(IdentityHasher.INSTANCE, () -> 0L, 0, MapOptions.DEFAULT);
        for (int i = 0; i < 8; i++) {
            m.put(i << 8, i, -1);
        }
        Set<Integer> rotations = new HashSet<>();
        for (int round = 0; round < 40; round++) {
            List<Long> o = order(m);
            int first = (int) (o.get(0) >> 8);
            for (int i = 0; i < 8; i++) {
                assertEquals((first + i) & 7, o.get(i) >> 8, "slot order rotated by " + first);
            }
            rotations.add(first);
        }
        assertTrue(rotations.size() >= 4, "rotations seen: " + rotations);
        // Overflow chain: head slots rotated, then the overflow bucket's slots with the same rotation.
        GoLongLongMap c = new GoLongLongMap(IdentityHasher.INSTANCE, () -> 0L, 20, MapOptions.DEFAULT);
        for (int n = 0; n < 16; n++) {
            c.put(IdentityHasher.key(0, 0x90, n), n, -1);
        }
        for (int round = 0; round < 20; round++) {
            GoLongLongMap.Iterator it = c.iterator();
            List<Long> values = new ArrayList<>();
            while (it.next()) {
                values.add(it.value());
            }
            long r = values.get(0);
            for (int i = 0; i < 16; i++) {
                assertEquals((i / 8) * 8 + ((r + i) & 7), values.get(i), "round " + round);
            }
        }
    }

    @Test
    void anEmptyMapIteratesNothing() {
        GoLongLongMap m = filled(0, 1L, LookupStyle.GENERIC);
        GoLongLongMap.Iterator it = m.iterator();
        assertFalse(it.next());
        assertFalse(it.next());
        assertThrows(NoSuchElementException.class, it::key);
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void deletesAndInsertsDuringTheLoopKeepGosGuarantees(LookupStyle style) {
        // §11.8 over many loops: inserts cause growths (up to several per loop), deletes hit both
        // reached and unreached keys, updates change values.
        SplittableRandom rnd = new SplittableRandom(2024);
        long fresh = 1_000_000;
        int growthsDuringLoops = 0;
        for (int trial = 0; trial < 150; trial++) {
            GoLongLongMap m = filled(1 + rnd.nextInt(300), trial, style);
            if (trial % 3 == 0) {
                for (int i = 0; i < 40; i++) {
                    m.put(fresh++, 1, -1); // sometimes start the loop in the middle of a growth
                }
            }
            Map<Long, Long> model = IterationChecker.snapshot(m);
            List<Long> keys = new ArrayList<>(model.keySet());
            IterationChecker check = new IterationChecker(m, model);
            long growthsBefore = m.doublingGrowthCount() + m.sameSizeGrowthCount();
            while (check.step()) {
                int action = rnd.nextInt(10);
                if (action < 3) {
                    check.delete(keys.get(rnd.nextInt(keys.size())));
                } else if (action < 7) {
                    for (int j = 0; j < 1 + rnd.nextInt(6); j++) {
                        check.put(fresh++, rnd.nextLong());
                    }
                } else if (action < 9) {
                    long k = keys.get(rnd.nextInt(keys.size()));
                    if (model.containsKey(k)) {
                        check.put(k, rnd.nextLong());
                    }
                }
            }
            check.finish();
            growthsDuringLoops += (int) (m.doublingGrowthCount() + m.sameSizeGrowthCount() - growthsBefore);
            m.verifyInvariants();
        }
        assertTrue(growthsDuringLoops > 100, "growths during loops: " + growthsDuringLoops);
    }

    @Test
    void aKeyDeletedBeforeItIsReachedIsNotReturnedEvenFromAnOldBucket() {
        for (int trial = 0; trial < 50; trial++) {
            GoLongLongMap m = filled(104, trial, LookupStyle.GENERIC); // B = 4, full
            Map<Long, Long> model = IterationChecker.snapshot(m);
            IterationChecker check = new IterationChecker(m, model);
            assertTrue(check.step());
            m.put(5000 + trial, 0, -1); // starts a growth: the snapshot becomes the old array
            model.put(5000L + trial, 0L);
            assertTrue(m.isGrowing());
            for (long k = 0; k < 104; k += 2) {
                if (!check.returned(k)) {
                    check.delete(k);
                }
            }
            check.drain();
        }
    }

    @Test
    void keyAndValueNeedASuccessfulNext() {
        GoLongLongMap m = filled(3, 1L, LookupStyle.GENERIC);
        GoLongLongMap.Iterator it = m.iterator();
        assertThrows(NoSuchElementException.class, it::value);
        int n = 0;
        while (it.next()) {
            n++;
        }
        assertEquals(3, n);
        assertThrows(NoSuchElementException.class, it::key);
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void anIterationStartedDuringADoublingGrowthReadsOldBucketsOnceEach(LookupStyle style) {
        // §11.6: while old bucket j & oldmask is not evacuated, new buckets j and j + 2^oldB both walk
        // that old chain, each keeping only the keys whose hash selects it.
        for (int trial = 0; trial < 30; trial++) {
            GoLongLongMap m = filled(105, trial, style); // the 105th insert starts a growth from B = 4
            assertTrue(m.isGrowing());
            assertTrue(m.stats().nevacuate() < 8, "most old buckets are not evacuated yet");
            Map<Long, Long> model = IterationChecker.snapshot(m);
            assertEquals(105, model.size());
            new IterationChecker(m, model).drain();
            IterationChecker check = new IterationChecker(m, new HashMap<>(model));
            int steps = 0;
            while (check.step()) {
                if (steps++ % 10 == 0) {
                    check.put(10_000 + steps, steps); // writes evacuate while the loop runs
                }
            }
            check.finish();
        }
    }
}
