package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.hash.Hasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Go 1.19 rules of growth, evacuation, size hints, clear and reseeding as one contract, run
 * against both classic maps ({@link ClassicMapUnderTestGrowthTest}, {@link GoMapGrowthTest}) through
 * {@link ClassicMapUnderTest}, pinned with the figures of GO-MAP-SPEC.md (§ numbers below), which
 * were observed on the Go 1.19.8 runtime.
 */
abstract class AbstractGoGrowthContract {

    /** The implementation under test. */
    abstract ClassicMapUnderTest.Kind kind();

    private ClassicMapUnderTest create(Hasher hasher, LongSupplier seeds, int hint, MapOptions options) {
        return kind().create(hasher, seeds, hint, options);
    }

    private ClassicMapUnderTest create(Hasher hasher, long seed, int hint, MapOptions options) {
        return kind().create(hasher, seed, hint, options);
    }

    private ClassicMapUnderTest create(Hasher hasher, long seed, int hint) {
        return kind().create(hasher, seed, hint, MapOptions.DEFAULT);
    }

    /** Seeds for IdentityHasher maps: always 0, so hash == key and a test picks buckets by key. */
    private static final LongSupplier ZERO_SEEDS = () -> 0L;

    private ClassicMapUnderTest identityMap(int hint) {
        return create(IdentityHasher.INSTANCE, ZERO_SEEDS, hint, MapOptions.DEFAULT);
    }

    private ClassicMapUnderTest identityMap(int hint, MapOptions options) {
        return create(IdentityHasher.INSTANCE, ZERO_SEEDS, hint, options);
    }

    /** Inserts 1, 2, ... and returns the counts (after the insert) at which a doubling growth started. */
    private List<Long> growthStartCounts(ClassicMapUnderTest m, int inserts) {
        List<Long> starts = new ArrayList<>();
        long growths = 0;
        for (int i = 1; i <= inserts; i++) {
            m.put(i * 7919L, i, -1);
            if (m.doublingGrowthCount() != growths) {
                growths = m.doublingGrowthCount();
                starts.add((long) m.size());
                assertTrue(m.isGrowing() || m.bucketBits() <= 2, "a growth just started: growing unless oldB <= 1");
                m.verifyInvariants();
            }
            assertEquals(0, m.sameSizeGrowthCount(), "inserts without deletes never make a same-size growth (§4.7)");
        }
        return starts;
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void growthStartsAtCounts9And14And27AndThen13TimesPowersOfTwoPlusOne(LookupStyle style) {
        // §4.7: count = 9, 14, 27, 53, 105, 209, ..., 13*2^(B-1)+1 (observed on Go 1.19.8).
        List<Long> expected = new ArrayList<>(List.of(9L, 14L, 27L, 53L, 105L, 209L));
        for (int b = 6; b <= 12; b++) {
            expected.add(13L * (1L << (b - 1)) + 1);
        }
        int inserts = (int) (13L * (1L << 11) + 1);
        for (Hasher h : List.of(IdentityHasher.INSTANCE, Fmix64Hasher.INSTANCE)) {
            ClassicMapUnderTest m = create(h, ZERO_SEEDS, 0, MapOptions.DEFAULT.withLookupStyle(style));
            assertEquals(expected, growthStartCounts(m, inserts), "hasher " + h.name());
            assertEquals(13, m.stats().B());
            assertEquals(13, m.stats().doublingGrowths());
        }
    }

    @Test
    void theNinthInsertDoublesBZeroAndFinishesAtOnce() {
        ClassicMapUnderTest m = identityMap(0);
        for (int i = 0; i < 8; i++) {
            m.put(i, i, -1);
        }
        assertEquals(0, m.stats().B());
        assertFalse(m.stats().growing());
        m.put(8, 8, -1);
        MapStats s = m.stats();
        assertEquals(1, s.B());
        assertFalse(s.growing(), "oldB = 0: the growth finishes on the insert that started it (§6.5)");
        assertEquals(1, s.doublingGrowths());
        assertEquals(1, s.evacuatedBuckets());
        m.verifyInvariants();
    }

    @Test
    void sizeHintPicksTheSmallestBNotOverTheLoadFactor() {
        // §4.6: hint 0-8 -> 0, 9-13 -> 1, 14-26 -> 2, 27-52 -> 3, 53-104 -> 4, 105-208 -> 5; negative -> 0.
        int[][] ranges = {{-1000, 8, 0}, {9, 13, 1}, {14, 26, 2}, {27, 52, 3}, {53, 104, 4}, {105, 208, 5},
            {209, 416, 6}, {417, 832, 7}};
        for (int[] r : ranges) {
            for (int hint : new int[] {r[0], r[1]}) {
                assertEquals(r[2], identityMap(hint).stats().B(), "hint " + hint);
            }
        }
        assertEquals(0, identityMap(Integer.MIN_VALUE).stats().B(), "a negative hint is B = 0, no error");
        assertEquals(17, identityMap(851_968).stats().B(), "13*2^16 = 851968 fits B = 17");
        assertEquals(18, identityMap(851_969).stats().B(), "hint 851969 needs B = 18 (§4.6 observed up to it)");
    }

    @Test
    void aSizedMapDoesNotGrowUntilItsHintIsExceeded() {
        ClassicMapUnderTest m = create(Fmix64Hasher.INSTANCE, 1L, 104);
        for (int i = 0; i < 104; i++) {
            m.put(i, i, -1);
        }
        assertEquals(4, m.stats().B());
        assertEquals(0, m.stats().doublingGrowths());
        m.put(104, 104, -1);
        assertEquals(5, m.stats().B());
    }

    /** Builds §10's same-size growth: hint 20 (B = 2), one overflow bucket forced into each of the 4 buckets. */
    private ClassicMapUnderTest mapWithOneOverflowBucketPerBucket() {
        ClassicMapUnderTest m = identityMap(20);
        assertEquals(2, m.stats().B());
        for (int bucket = 0; bucket < 4; bucket++) {
            for (int n = 0; n < 9; n++) {
                m.put(IdentityHasher.key(bucket, 0x40, n), n, -1);
            }
            for (int n = 0; n < 8; n++) {
                m.remove(IdentityHasher.key(bucket, 0x40, n), -1); // stay under the load factor
            }
            m.verifyInvariants();
        }
        MapStats s = m.stats();
        assertEquals(4, s.count());
        assertEquals(4, s.noverflow());
        assertEquals(4, s.overflowBucketsInUse());
        assertFalse(s.growing());
        return m;
    }

    @Test
    void fourOverflowBucketsAtBTwoStartASameSizeGrowthThatFinishesThreeWritesLater() {
        ClassicMapUnderTest m = mapWithOneOverflowBucketPerBucket();
        long newKey = IdentityHasher.key(0, 0x41, 99);
        m.put(newKey, 1, -1); // write 1: starts the growth, evacuates old bucket 0, then old bucket 1 (nevacuate)
        MapStats s = m.stats();
        assertTrue(s.growing());
        assertTrue(s.sameSizeGrow());
        assertEquals(2, s.B(), "a same-size growth keeps B");
        assertEquals(1, s.sameSizeGrowths());
        assertEquals(0, s.doublingGrowths());
        assertEquals(2, s.nevacuate(), "§6.2: the key's old bucket (0), then the one at nevacuate (1)");
        assertEquals(0, s.noverflow(), "hashGrow resets noverflow (§5.2)");
        m.verifyInvariants();
        m.put(newKey, 2, -1); // write 2 (an update): bucket 0 is done, so it evacuates old bucket 2
        assertTrue(m.stats().growing());
        assertEquals(3, m.stats().nevacuate());
        m.verifyInvariants();
        m.put(newKey, 3, -1); // write 3: evacuates old bucket 3, the growth is over
        s = m.stats();
        assertFalse(s.growing());
        assertFalse(s.sameSizeGrow());
        assertEquals(4, s.nevacuate(), "nevacuate keeps its final value (§6.4)");
        assertEquals(0, s.overflowBucketsInUse(), "a same-size growth compacts every chain");
        assertEquals(0, s.noverflow());
        assertEquals(4, s.evacuatedBuckets());
        assertEquals(5, m.size());
        assertEquals(3, m.get(newKey, -1));
        for (int bucket = 0; bucket < 4; bucket++) {
            assertEquals(8, m.get(IdentityHasher.key(bucket, 0x40, 8), -1));
        }
        m.verifyInvariants();
    }

    @Test
    void oldSlotsAreMarkedEvacuatedXOrYByHashBitTwoToTheOldB() {
        ClassicMapUnderTest m = identityMap(0);
        // 8 keys in bucket 0 of B = 0; bit 0 of the hash (2^oldB with oldB = 0) alternates X and Y.
        for (int i = 0; i < 8; i++) {
            m.put(IdentityHasher.key(i & 1, 0x50, i), i, -1);
        }
        m.put(IdentityHasher.key(0, 0x50, 8), 8, -1); // count 9: doubling, finishes at once (oldB = 0)
        assertEquals(1, m.stats().B());
        for (int slot = 0; slot < 5; slot++) {
            assertEquals(0x50, m.tophashAt(0, slot), "X: the even keys plus the new one, packed in order");
        }
        for (int slot = 0; slot < 4; slot++) {
            assertEquals(0x50, m.tophashAt(1, slot), "Y: the odd keys, packed in order");
        }
        assertEquals(GoMapRules.EMPTY_REST, m.tophashAt(1, 4));
    }

    @Test
    void evacuationMarksOldSlotsAndLookupsReadTheOldBucketUntilItMoves() {
        ClassicMapUnderTest m = identityMap(53); // B = 4: 16 buckets, grows at count 105
        for (int i = 0; i < 104; i++) {
            m.put(IdentityHasher.key(i % 32, 0x60, i), i, -1); // old bucket i % 16; bit 16 picks X or Y
        }
        m.put(IdentityHasher.key(3, 0x60, 1000), 1000, -1); // starts the growth: evacuates 3 and 0
        MapStats s = m.stats();
        assertTrue(s.growing());
        assertEquals(5, s.B());
        assertEquals(16, s.oldBucketCount());
        assertEquals(1, s.nevacuate());
        // old bucket 3 (the key's) is evacuated; keys i with bit 4 set went to Y
        for (int slot = 0; slot < 7; slot++) {
            int i = 3 + 16 * slot;
            int expected = ((i >> 4) & 1) == 0 ? GoMapRules.EVACUATED_X : GoMapRules.EVACUATED_Y;
            assertEquals(expected, m.oldTophashAt(3, slot), "slot " + slot);
        }
        assertEquals(GoMapRules.EVACUATED_EMPTY, m.oldTophashAt(3, 7));
        assertEquals(0x60, m.oldTophashAt(5, 0), "old bucket 5 is not evacuated yet");
        for (int i = 0; i < 104; i++) {
            assertEquals(i, m.get(IdentityHasher.key(i % 32, 0x60, i), -1));
        }
        m.verifyInvariants();
    }

    @Test
    void lookupsNeverEvacuateButUpdatesAndDeletesDo() {
        ClassicMapUnderTest m = create(Fmix64Hasher.INSTANCE, 5L, 0);
        for (int i = 0; i < 105; i++) {
            m.put(i, i, -1);
        }
        MapStats before = m.stats();
        assertTrue(before.growing());
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 200; i++) {
                m.get(i, -1);
                m.containsKey(i);
            }
            m.iterationOrder();
        }
        MapStats afterReads = m.stats();
        assertEquals(before.evacuatedBuckets(), afterReads.evacuatedBuckets(), "reads do not evacuate (§14.10)");
        assertEquals(before.nevacuate(), afterReads.nevacuate());
        m.put(7, 70, -1); // update
        long afterUpdate = m.stats().evacuatedBuckets();
        assertTrue(afterUpdate > afterReads.evacuatedBuckets(), "an update runs growWork (§6.2)");
        m.remove(123_456, -1); // delete of an absent key on a non-empty map
        assertTrue(m.stats().evacuatedBuckets() > afterUpdate, "a delete runs growWork even for an absent key");
        m.verifyInvariants();
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void everyGrowthFinishesWithinTwoToTheOldBWrites(LookupStyle style) {
        // §6.5: between ceil(2^oldB / 2) and 2^oldB writes for oldB >= 2, counting the starting write.
        ClassicMapUnderTest m = create(Fmix64Hasher.INSTANCE, 11L, 0, MapOptions.DEFAULT.withLookupStyle(style));
        int startWrite = -1;
        int oldB = -1;
        int finished = 0;
        for (int w = 1; w <= 30_000; w++) {
            m.put(w, w, -1);
            if (startWrite < 0 && m.isGrowing()) {
                startWrite = w;
                oldB = m.bucketBits() - 1;
            } else if (startWrite > 0 && !m.isGrowing()) {
                int writes = w - startWrite + 1;
                assertTrue(writes <= (1 << oldB), "oldB " + oldB + " took " + writes + " writes");
                assertTrue(writes >= (1 << oldB) / 2, "oldB " + oldB + " took only " + writes + " writes");
                startWrite = -1;
                finished++;
            }
        }
        assertTrue(finished >= 8, "growths observed: " + finished);
    }

    @Test
    void updatingAnExistingKeyNeverStartsAGrowth() {
        ClassicMapUnderTest m = identityMap(0);
        for (int i = 0; i < 104; i++) { // 104 = 13 * 2^3: the most B = 4 holds
            m.put(i, i, -1);
        }
        assertEquals(4, m.stats().B());
        assertFalse(m.stats().growing());
        long growths = m.stats().doublingGrowths();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 104; i++) {
                assertEquals(i + round * 1000L, m.put(i, i + (round + 1) * 1000L, -1));
            }
        }
        assertEquals(growths, m.stats().doublingGrowths());
        assertFalse(m.stats().growing());
        m.put(104, 104, -1);
        assertTrue(m.stats().growing(), "the next new key does");
    }

    @Test
    void aDeleteThatEmptiesTheMapAndClearDrawTheNextSeed() {
        long[] next = {100};
        ClassicMapUnderTest m = create(Fmix64Hasher.INSTANCE, () -> next[0]++, 0, MapOptions.DEFAULT);
        assertEquals(100, m.seed());
        m.put(1, 1, -1);
        m.put(2, 2, -1);
        m.remove(1, -1);
        assertEquals(100, m.seed(), "count 2 -> 1 keeps the seed");
        m.remove(2, -1);
        assertEquals(101, m.seed(), "count 1 -> 0 draws a new seed (§3.2)");
        m.remove(2, -1);
        assertEquals(101, m.seed(), "a delete on an empty map returns at once");
        m.clear();
        assertEquals(101, m.seed(), "clear of an empty map does nothing (mapclear returns at once)");
        m.put(3, 3, -1);
        m.clear();
        assertEquals(102, m.seed(), "clear draws a new seed (§12.2)");
        assertEquals(0, m.size());
        m.put(3, 4, -1);
        assertEquals(4, m.get(3, -1));
        m.verifyInvariants();
    }

    @Test
    void aFixedSeedMakesTheRedrawnSeedsReproducible() {
        ClassicMapUnderTest a = create(Fmix64Hasher.INSTANCE, 42L, 0);
        ClassicMapUnderTest b = create(Fmix64Hasher.INSTANCE, 42L, 0);
        assertEquals(42, a.seed());
        for (ClassicMapUnderTest m : List.of(a, b)) {
            m.put(1, 1, -1);
            m.clear();
        }
        assertNotEquals(42, a.seed());
        assertEquals(a.seed(), b.seed());
    }

    @Test
    void clearKeepsBDropsOverflowResetsNoverflowAndAbandonsAGrowth() {
        ClassicMapUnderTest m = identityMap(53); // B = 4
        for (int n = 0; n < 20; n++) {
            m.put(IdentityHasher.key(0, 0x70, n), n, -1); // one chain: 3 buckets
        }
        assertEquals(2, m.stats().noverflow());
        m.clear();
        MapStats s = m.stats();
        assertEquals(4, s.B());
        assertEquals(0, s.noverflow());
        assertEquals(0, s.overflowBucketsInUse());
        assertEquals(0, s.count());
        assertFalse(m.containsKey(IdentityHasher.key(0, 0x70, 3)));
        m.verifyInvariants();
        for (int i = 0; i < 105; i++) {
            m.put(i, i, -1);
        }
        assertTrue(m.stats().growing());
        m.clear();
        s = m.stats();
        assertFalse(s.growing());
        assertFalse(s.sameSizeGrow());
        assertEquals(5, s.B(), "clear in the middle of a growth keeps the new B");
        assertEquals(0, s.nevacuate());
        m.verifyInvariants();
        m.put(1, 1, -1);
        assertEquals(1, m.get(1, -1));
        m.verifyInvariants();
    }

    @Test
    void nothingShrinks() {
        ClassicMapUnderTest m = create(Fmix64Hasher.INSTANCE, 3L, 0);
        for (int i = 0; i < 5000; i++) {
            m.put(i, i, -1);
        }
        int b = m.stats().B();
        for (int i = 0; i < 5000; i++) {
            m.remove(i, -1);
        }
        assertEquals(0, m.size());
        assertEquals(b, m.stats().B());
        m.clear();
        assertEquals(b, m.stats().B());
        m.verifyInvariants();
    }

    @Test
    void noverflowCountsEveryChainedOverflowBucketExactlyBelowBSixteen() {
        ClassicMapUnderTest m = identityMap(400); // B = 6
        for (int bucket = 0; bucket < 10; bucket++) {
            for (int n = 0; n < 17; n++) { // 17 keys: 2 overflow buckets per chain
                m.put(IdentityHasher.key(bucket, 0x33, n), n, -1);
            }
        }
        MapStats s = m.stats();
        assertEquals(6, s.B());
        assertEquals(20, s.noverflow());
        assertEquals(20, s.overflowBucketsInUse());
        for (int bucket = 0; bucket < 10; bucket++) {
            for (int n = 0; n < 17; n++) {
                m.remove(IdentityHasher.key(bucket, 0x33, n), -1);
            }
        }
        assertEquals(20, m.stats().noverflow(), "deletes never decrease noverflow (§4.5)");
        assertEquals(List.of(0L, 54L, 0L, 10L), m.stats().chainLengthHistogram());
    }

    @Test
    void noverflowIsIncrementedWithProbabilityOneHalfAtBSixteen() {
        // §4.5: from B = 16 each new overflow bucket bumps noverflow with probability 1/2^(B-15).
        ClassicMapUnderTest m = identityMap(300_000);
        assertEquals(16, m.stats().B());
        int chains = 4000;
        for (int bucket = 0; bucket < chains; bucket++) {
            for (int n = 0; n < 9; n++) {
                m.put(IdentityHasher.key(bucket * 16L, 0x21, n), n, -1);
            }
        }
        MapStats s = m.stats();
        assertEquals(chains, s.overflowBucketsInUse());
        // Binomial(4000, 1/2): mean 2000, sd 31.6; 2000 +- 250 is about 8 sd.
        assertTrue(Math.abs(s.noverflow() - chains / 2) < 250, "noverflow " + s.noverflow());
        m.verifyInvariants();
    }

    @Test
    void loadFactorOptionMovesTheGrowthPoint() {
        for (int num = 8; num <= 16; num++) { // 4.0 .. 8.0 with den 2
            ClassicMapUnderTest m = identityMap(0, MapOptions.DEFAULT.withLoadFactor(num, 2));
            int growthsFromBTwoOn = 0;
            for (int i = 1; i <= 3000; i++) {
                int bBefore = m.bucketBits();
                long growthsBefore = m.doublingGrowthCount();
                m.put(i * 7919L, i, -1);
                if (i == 9) {
                    // growths from oldB 0 and 1 finish on the insert that starts them, and the same insert
                    // re-tests the trigger (§4.4), so B jumps to the smallest B not over the load factor
                    assertEquals(GoMapRules.bForHint(9, num, 2), m.bucketBits(), "load factor " + num + "/2");
                }
                if (bBefore >= 2 && m.doublingGrowthCount() != growthsBefore) {
                    assertEquals((long) num * (1L << (bBefore - 1)) + 1, i,
                        "load factor " + num + "/2 at B " + bBefore);
                    growthsFromBTwoOn++;
                }
            }
            assertTrue(growthsFromBTwoOn >= 5, "growths seen: " + growthsFromBTwoOn);
        }
    }

    @Test
    void slidingWindowChurnMakesRepeatedSameSizeGrowthsAtBFour() {
        // §10: a window of 100 live int64 keys over about 200k writes stays at B = 4 and makes about
        // 140-160 same-size growths per run under Go's hashes; the exact number depends on the hash.
        ClassicMapUnderTest m = create(Fmix64Hasher.INSTANCE, 99L, 0);
        int window = 100;
        for (long i = 0; i < 100_000; i++) {
            m.put(i, i, -1);
            if (i >= window) {
                m.remove(i - window, -1);
            }
        }
        MapStats s = m.stats();
        assertEquals(4, s.B());
        assertEquals(window, s.count());
        assertTrue(s.sameSizeGrowths() >= 100 && s.sameSizeGrowths() <= 220,
            "same-size growths " + s.sameSizeGrowths());
        m.verifyInvariants();
    }

    @Test
    void nevacuateSkipsEvacuatedBucketsButLooksAtMost1024Ahead() {
        // §6.4 advanceEvacuationMark. B = 12 -> 13; each remove of an absent key is a write that
        // evacuates its own old bucket, then the one at nevacuate (§6.2, §9.3).
        ClassicMapUnderTest m = identityMap(26_624); // 13 * 2^11: B = 12 at its maximum load
        for (int i = 0; i < 26_624; i++) {
            m.put(IdentityHasher.key(i & 4095, 0x44, i), i, -1);
        }
        assertEquals(12, m.stats().B());
        m.put(IdentityHasher.key(0, 0x55, 99_999), 0, -1); // starts the growth: evacuates 0, then 1
        assertEquals(2, m.stats().nevacuate());
        for (int x = 2000; x < 3200; x++) { // evacuates 2000..3199 ahead, and 2..1201 at nevacuate
            m.remove(IdentityHasher.key(x, 0x66, 777_777), -1);
        }
        assertEquals(1202, m.stats().nevacuate());
        for (int x = 1999; x > 1601; x--) { // 1999 down to 1602, while nevacuate climbs to 1600
            m.remove(IdentityHasher.key(x, 0x66, 777_777), -1);
        }
        assertEquals(1600, m.stats().nevacuate());
        m.remove(IdentityHasher.key(1601, 0x66, 777_777), -1);
        // 1601..3199 are now all evacuated; after evacuating 1600, nevacuate skips evacuated buckets
        // but stops 1024 past 1601, at 2625 (not 3200).
        assertEquals(2625, m.stats().nevacuate());
        assertTrue(m.stats().growing());
        m.verifyInvariants();
    }

    @Test
    void aHintBeyondTheSupportedSizeIsAClearError() {
        // 13 * 2^25 = 436207616 entries fit B = 26, the largest B of this map; one more needs B = 27.
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> identityMap(436_207_617));
        assertTrue(e.getMessage().contains("needs B = 27") && e.getMessage().contains("B <= 26"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> identityMap(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("size hint " + Integer.MAX_VALUE), e.getMessage());
    }
}
