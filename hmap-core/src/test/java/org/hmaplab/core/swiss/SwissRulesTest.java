package org.hmaplab.core.swiss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.core.testing.MixingHasher;
import org.hmaplab.hash.Hasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The observable rules of docs/go-swiss-map.md, one test each, with expected values derived from
 * the rules as Go's source states them (the section is named in each test's comment).
 */
class SwissRulesTest {
    private static final Hasher HASHER = MixingHasher.INSTANCE;

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (SwissUnderTest.Kind kind : SwissUnderTest.Kind.values()) {
            for (SwissVersion version : SwissVersion.values()) {
                all.add(Arguments.of(kind, version));
            }
        }
        return all.stream();
    }

    /** Seeds 100, 101, 102, ... so a test sees every draw. */
    private static LongSupplier counting(AtomicLong draws) {
        return () -> 100 + draws.getAndIncrement();
    }

    /** Rule "growth": capacities 16, 32, ..., 1024 at the 9th, 15th, 29th, ... 449th insert, a split at the 897th. */
    @ParameterizedTest
    @MethodSource("configurations")
    void growthPointsFollowSevenEighthsLoad(SwissUnderTest.Kind kind, SwissVersion version) {
        SwissUnderTest m = kind.create(HASHER, counting(new AtomicLong()), 0, version, SwissLookupStyle.DEFAULT);
        // insert number -> capacity right after it (table capacity c holds c*7/8 entries).
        int[][] expected = {{8, 0}, {9, 16}, {14, 16}, {15, 32}, {28, 32}, {29, 64}, {56, 64}, {57, 128},
            {112, 128}, {113, 256}, {224, 256}, {225, 512}, {448, 512}, {449, 1024}, {896, 1024}, {897, 2048}};
        int next = 0;
        for (int n = 1; n <= 897; n++) {
            m.put(n * 7919L, n);
            if (next < expected.length && expected[next][0] == n) {
                assertEquals(expected[next][1], m.stats().capacity(), "capacity after insert " + n);
                next++;
            }
        }
        SwissStats s = m.stats();
        assertEquals(2, s.tableCount());
        assertEquals(1, s.globalDepth());
        assertEquals(2, s.dirLen());
        for (SwissTableStats t : s.tables()) {
            assertEquals(1, t.localDepth());
            assertEquals(1024, t.capacity());
        }
        assertEquals(897, s.tables().get(0).used() + s.tables().get(1).used());
        m.verifyInvariants();
    }

    /** Rule "directory": a split doubles the directory exactly when the table's localDepth equals globalDepth. */
    @ParameterizedTest
    @MethodSource("configurations")
    void directoryDoublesOnlyForATableAtGlobalDepth(SwissUnderTest.Kind kind, SwissVersion version) {
        SwissUnderTest m = kind.create(HASHER, counting(new AtomicLong()), 0, version, SwissLookupStyle.DEFAULT);
        SwissStats before = m.stats();
        int doublings = 0;
        int splitsWithoutDoubling = 0;
        for (int n = 0; n < 20_000; n++) {
            m.put(n * 31L + 7, n);
            SwissStats after = m.stats();
            if (after.tableCount() == before.tableCount() + 1 && before.tableCount() > 0) {
                // The split table: the local depth d whose count fell by one while d + 1 gained two.
                int[] countBefore = new int[64];
                int[] countAfter = new int[64];
                before.tables().forEach(t -> countBefore[t.localDepth()]++);
                after.tables().forEach(t -> countAfter[t.localDepth()]++);
                int splitDepth = -1;
                for (int d = 0; d < 63; d++) {
                    if (countAfter[d] == countBefore[d] - 1 && countAfter[d + 1] == countBefore[d + 1] + 2) {
                        splitDepth = d;
                    }
                }
                assertTrue(splitDepth >= 0, "no split table found at insert " + n);
                boolean doubled = after.dirLen() == 2 * before.dirLen();
                assertEquals(splitDepth == before.globalDepth(), doubled, "insert " + n);
                if (doubled) {
                    doublings++;
                } else {
                    splitsWithoutDoubling++;
                }
            }
            before = after;
        }
        assertTrue(doublings >= 3 && splitsWithoutDoubling >= 3, doublings + " / " + splitsWithoutDoubling);
        m.verifyInvariants();
    }

    /** Rule "size hints": NewMap's directory and table capacities. */
    @ParameterizedTest
    @MethodSource("configurations")
    void hintsSizeTheDirectoryAsNewMap(SwissUnderTest.Kind kind, SwissVersion version) {
        // {hint, dirLen, globalDepth, capacity of each table}: target = hint*8/7 slots, dirLen =
        // pow2(ceil(target/1024)), each table alignUpPow2(max(8, target/dirLen)) (map.go:284-314).
        int[][] cases = {{-5, 0, 0, 0}, {8, 0, 0, 0}, {9, 1, 0, 16}, {14, 1, 0, 16}, {15, 1, 0, 32},
            {896, 1, 0, 1024}, {897, 2, 1, 512}, {1000, 2, 1, 1024}, {5000, 8, 3, 1024}, {2000, 4, 2, 1024}};
        for (int[] c : cases) {
            SwissUnderTest m = kind.create(HASHER, counting(new AtomicLong()), c[0], version,
                SwissLookupStyle.DEFAULT);
            SwissStats s = m.stats();
            assertEquals(c[1], s.dirLen(), "hint " + c[0]);
            assertEquals(c[2], s.globalDepth(), "hint " + c[0]);
            assertEquals((long) c[1] * c[3], s.capacity(), "hint " + c[0]);
            m.verifyInvariants();
        }
    }

    /** Rule "seed": drawn at construction, re-drawn by a delete that empties the map and by clear. */
    @ParameterizedTest
    @MethodSource("configurations")
    void seedIsRedrawnWhenEmptiedAndOnClear(SwissUnderTest.Kind kind, SwissVersion version) {
        for (int size : new int[] {3, 40}) {
            AtomicLong draws = new AtomicLong();
            SwissUnderTest m = kind.create(HASHER, counting(draws), 0, version, SwissLookupStyle.DEFAULT);
            assertEquals(100, m.seed());
            m.clear();
            assertEquals(100, m.seed(), "clear of an empty map does nothing");
            for (int i = 0; i < size; i++) {
                m.put(i, i);
            }
            m.remove(12345);
            assertEquals(100, m.seed(), "a delete that leaves entries keeps the seed");
            for (int i = 0; i < size; i++) {
                m.remove(i);
            }
            assertEquals(101, m.seed(), "the delete that empties the map re-draws");
            m.remove(1);
            assertEquals(101, m.seed(), "a delete on an empty map does nothing");
            m.put(5, 5);
            m.clear();
            assertEquals(102, m.seed(), "clear re-draws");
            assertEquals(3, draws.get());
            m.verifyInvariants();
        }
    }

    /** Rule "delete": empty when the group has an empty slot (growthLeft + 1), else a tombstone. */
    @ParameterizedTest
    @EnumSource(SwissVersion.class)
    void deleteLeavesATombstoneOnlyInAFullGroup(SwissVersion version) {
        SwissLongLongMap m = new SwissLongLongMap(HASHER, counting(new AtomicLong()), 200, version);
        SplittableRandom rnd = new SplittableRandom(5);
        long inFull = Long.MIN_VALUE;
        List<Long> keys = new ArrayList<>();
        while (inFull == Long.MIN_VALUE) {
            long k = rnd.nextLong(1 << 20);
            if (m.put(k, k, -1) == -1) {
                keys.add(k);
            }
            inFull = m.keyFromFullGroup(Long.MIN_VALUE);
        }
        SwissStats before = m.stats();
        m.remove(inFull, -1);
        SwissStats after = m.stats();
        assertEquals(before.growthLeft(), after.growthLeft(), "a tombstone gives no growth back");
        assertEquals(1, after.tombstones());
        m.verifyInvariants();
        // With no full group anywhere, every delete gives its slot back.
        SwissLongLongMap sparse = new SwissLongLongMap(HASHER, counting(new AtomicLong()), 200, version);
        for (int i = 0; i < 20; i++) {
            sparse.put(i, i, -1);
        }
        assertEquals(Long.MIN_VALUE, sparse.keyFromFullGroup(Long.MIN_VALUE), "precondition: no full group");
        SwissStats b = sparse.stats();
        sparse.remove(7, -1);
        SwissStats a = sparse.stats();
        assertEquals(b.growthLeft() + 1, a.growthLeft());
        assertEquals(0, a.tombstones());
        sparse.verifyInvariants();
    }

    /**
     * Version rule "Clear of a map holding only tombstones": nothing in 1.24 (used == 0 returns
     * early), erased with a new seed in 1.26 and 1.27 (tombstonePossible).
     */
    @ParameterizedTest
    @EnumSource(SwissVersion.class)
    void clearOfOnlyTombstonesDependsOnVersion(SwissVersion version) {
        AtomicLong draws = new AtomicLong();
        SwissLongLongMap m = new SwissLongLongMap(HASHER, counting(draws), 200, version);
        SplittableRandom rnd = new SplittableRandom(9);
        List<Long> keys = new ArrayList<>();
        while (m.keyFromFullGroup(Long.MIN_VALUE) == Long.MIN_VALUE) {
            long k = rnd.nextLong(1 << 20);
            if (m.put(k, k, -1) == -1) {
                keys.add(k);
            }
        }
        m.remove(m.keyFromFullGroup(Long.MIN_VALUE), -1);
        for (long k : keys) {
            m.remove(k, -1);
        }
        assertEquals(0, m.size());
        long tombstones = m.stats().tombstones();
        assertTrue(tombstones >= 1);
        long seed = m.seed();
        m.clear();
        if (version == SwissVersion.GO1_24) {
            assertEquals(tombstones, m.stats().tombstones());
            assertEquals(seed, m.seed());
            assertEquals(0, m.clearSeq());
        } else {
            assertEquals(0, m.stats().tombstones());
            assertNotEquals(seed, m.seed());
            assertEquals(1, m.clearSeq());
        }
        m.verifyInvariants();
    }

    /**
     * Version rule "pruning": under constant-size churn 1.26/1.27 sometimes turn many tombstones
     * back into empty slots in one insert without growing; 1.24 never does (an insert reuses at most
     * one tombstone), and grows more (golang/go#70886).
     */
    @ParameterizedTest
    @MethodSource("configurations")
    void pruningHappensFrom126On(SwissUnderTest.Kind kind, SwissVersion version) {
        SwissUnderTest m = kind.create(HASHER, counting(new AtomicLong()), 112, version, SwissLookupStyle.DEFAULT);
        for (int i = 0; i < 112; i++) {
            m.put(i, i);
        }
        int prunes = 0;
        int growths = 0;
        long next = 112;
        for (int round = 0; round < 20_000; round++) {
            SwissUnderTest.Cursor it = m.iterator();
            it.next();
            m.remove(it.key());
            SwissStats before = m.stats();
            m.put(next, next);
            next++;
            SwissStats after = m.stats();
            if (after.capacity() != before.capacity()) {
                growths++;
            } else if (after.tombstones() < before.tombstones() - 1) {
                prunes++;
            }
        }
        if (version == SwissVersion.GO1_24) {
            assertEquals(0, prunes);
            assertTrue(growths >= 3, growths + " growths");
        } else {
            assertTrue(prunes > 0, "no pruning seen");
            assertTrue(growths <= 2, growths + " growths");
        }
        m.verifyInvariants();
    }

    /**
     * Rule "pruning threshold" (1.26 table.go:510-592): a 128-slot table (16 groups) with the
     * identity hash, groups 0..13 filled with keys living in their home group (growthLeft 0), then
     * t tombstones made in full groups. Inserting a key whose home is the empty group 14 finds no
     * tombstone on its way and growthLeft 0: with t * 10 >= 128 (t >= 13) 1.26+ prunes all t (no
     * key's probe sequence passes a tombstone group) and stays at 128 slots; with t = 12, or in
     * 1.24, the table doubles.
     */
    @ParameterizedTest
    @MethodSource("configurations")
    void pruningNeedsTenPercentTombstones(SwissUnderTest.Kind kind, SwissVersion version) {
        for (int tombstones : new int[] {12, 13}) {
            SwissUnderTest m = kind.create(IdentityHasher.INSTANCE, () -> 0, 112, version, SwissLookupStyle.DEFAULT);
            assertEquals(128, m.stats().capacity());
            for (long g = 0; g < 14; g++) {
                for (long slot = 0; slot < 8; slot++) {
                    m.put(g << 7 | (slot + 1), 1);
                }
            }
            assertEquals(0, m.stats().growthLeft());
            for (long i = 0; i < tombstones; i++) {
                m.remove(i % 14 << 7 | (i / 14 + 1));
            }
            assertEquals(tombstones, m.stats().tombstones());
            m.put(14L << 7 | 1, 1);
            boolean pruned = version != SwissVersion.GO1_24 && tombstones * 10 >= 128;
            assertEquals(pruned ? 128 : 256, m.stats().capacity(), tombstones + " tombstones");
            assertEquals(0, m.stats().tombstones());
            m.verifyInvariants();
        }
    }

    /** Rule "small map": int64 lookups in a small map do not hash (runtime_fast64 small path). */
    @Test
    void smallMapLookupsDoNotHash() {
        AtomicLong hashes = new AtomicLong();
        Hasher counting = new CountingHasher(hashes);
        SwissLongLongMap m = new SwissLongLongMap(counting, () -> 1, 0, SwissVersion.NEWEST);
        for (int i = 0; i < 8; i++) {
            m.put(i, i, -1);
        }
        long afterPuts = hashes.get();
        for (int i = 0; i < 16; i++) {
            m.get(i, -1);
        }
        assertEquals(afterPuts, hashes.get());
        m.put(8, 8, -1);
        long afterGrowth = hashes.get();
        m.get(3, -1);
        assertEquals(afterGrowth + 1, hashes.get(), "a table lookup hashes once");
    }

    /** Rule "small map": up to 8 entries in one group, no table: stats all 0, never a tombstone. */
    @ParameterizedTest
    @MethodSource("configurations")
    void smallMapHasNoTableAndNoTombstones(SwissUnderTest.Kind kind, SwissVersion version) {
        SwissUnderTest m = kind.create(HASHER, counting(new AtomicLong()), 0, version, SwissLookupStyle.DEFAULT);
        assertEquals(0, m.groupCount());
        SplittableRandom rnd = new SplittableRandom(3);
        boolean stored = false;
        for (int i = 0; i < 2000; i++) {
            long k = rnd.nextLong(8);
            if (rnd.nextBoolean()) {
                stored = true;
                m.put(k, i);
            } else {
                m.remove(k);
            }
            SwissStats s = m.stats();
            assertEquals(new SwissStats(m.size(), 0, 0, 0, 0, 0, 0, List.of()), s);
            assertEquals(stored ? 1 : 0, m.groupCount());
            m.verifyInvariants();
        }
    }

    /** The lookup style changes no observable: SWAR and VECTOR give identical stats after every step. */
    @ParameterizedTest
    @MethodSource("configurations")
    void lookupStylesAgreeOnEveryObservable(SwissUnderTest.Kind kind, SwissVersion version) {
        SwissUnderTest a = kind.create(HASHER, counting(new AtomicLong()), 0, version, SwissLookupStyle.SWAR);
        SwissUnderTest b = kind.create(HASHER, counting(new AtomicLong()), 0, version, SwissLookupStyle.VECTOR);
        SplittableRandom rnd = new SplittableRandom(17);
        for (int i = 0; i < 6000; i++) {
            long k = rnd.nextLong(3000);
            if (rnd.nextInt(3) > 0) {
                assertEquals(a.put(k, i), b.put(k, i));
            } else {
                assertEquals(a.remove(k), b.remove(k));
            }
            assertEquals(a.get(k ^ 1), b.get(k ^ 1));
            assertEquals(a.stats(), b.stats(), "step " + i);
        }
    }

    /** Iteration starts at a random entry and directory offset: repeated loops start at different keys. */
    @ParameterizedTest
    @MethodSource("configurations")
    void iterationStartIsRandom(SwissUnderTest.Kind kind, SwissVersion version) {
        for (int size : new int[] {5, 100, 3000}) {
            SwissUnderTest m = kind.create(HASHER, counting(new AtomicLong()), 0, version, SwissLookupStyle.DEFAULT);
            for (int i = 0; i < size; i++) {
                m.put(i, i);
            }
            Set<Long> firsts = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                SwissUnderTest.Cursor it = m.iterator();
                assertTrue(it.next());
                firsts.add(it.key());
            }
            assertTrue(firsts.size() >= 3, "size " + size + ": first keys " + firsts);
        }
    }

    /** An empty map's iterator returns nothing and never checks the writing flag (Iter.Init with used 0). */
    @Test
    void emptyMapIteratorEndsAtOnce() {
        SwissLongLongMap m = new SwissLongLongMap(HASHER, 1, 0);
        SwissLongLongMap.Iterator it = m.iterator();
        m.setWritingForTest(true);
        assertFalse(it.next());
    }

    /** A hasher that counts hashLong calls. */
    private record CountingHasher(AtomicLong calls) implements Hasher {
        public String name() {
            return "counting";
        }

        public long hashBytes(byte[] data, int off, int len, long seed) {
            return HASHER.hashBytes(data, off, len, seed);
        }

        public long hashLong(long key, long seed) {
            calls.incrementAndGet();
            return HASHER.hashLong(key, seed);
        }

        public long hashChars(CharSequence s, long seed) {
            return HASHER.hashChars(s, seed);
        }
    }
}
