package org.hmaplab.core;

import static org.hmaplab.core.GoMapRules.EMPTY_ONE;
import static org.hmaplab.core.GoMapRules.EMPTY_REST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongSupplier;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.hmaplab.core.testing.IdentityHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Slots, tophash bytes, overflow chains and the delete walk-back (GO-MAP-SPEC.md §3.7, §8.4, §9.5). */
class GoLongLongMapBucketTest {
    private static final LongSupplier ZERO_SEEDS = () -> 0L;
    private static final int TOP = 0x80;

    private static GoLongLongMap identityMap(int hint, LookupStyle style) {
        return new GoLongLongMap(IdentityHasher.INSTANCE, ZERO_SEEDS, hint, MapOptions.DEFAULT.withLookupStyle(style));
    }

    /** The n-th key of bucket 0 (B = 2), all with tophash TOP. */
    private static long k(int n) {
        return IdentityHasher.key(0, TOP, n);
    }

    /** Bucket 0 of a B = 2 map holding 19 keys: head (8), overflow 1 (8), overflow 2 (slots 0..2). */
    private static GoLongLongMap threeBucketChain() {
        GoLongLongMap m = identityMap(20, LookupStyle.GENERIC);
        for (int n = 0; n < 19; n++) {
            m.put(k(n), n, -1);
        }
        assertEquals(2, m.stats().B());
        assertEquals(2, m.stats().overflowBucketsInUse());
        return m;
    }

    private static int[] chain(GoLongLongMap m) {
        int o1 = m.overflowOf(0);
        int o2 = m.overflowOf(o1);
        assertNotEquals(0, o1);
        assertNotEquals(0, o2);
        assertEquals(0, m.overflowOf(o2));
        return new int[] {0, o1, o2};
    }

    @Test
    void tophashIsTheTopByteRaisedByFiveWhenBelowFive() {
        // §3.7: uint8(hash >> 56), + 5 when < 5.
        GoLongLongMap m = identityMap(0, LookupStyle.GENERIC);
        int[] tops = {0x00, 0x01, 0x04, 0x05, 0x06, 0x7f, 0xff};
        int[] expected = {0x05, 0x06, 0x09, 0x05, 0x06, 0x7f, 0xff};
        for (int i = 0; i < tops.length; i++) {
            m.put(IdentityHasher.key(0, tops[i], i), i, -1);
        }
        for (int i = 0; i < tops.length; i++) {
            assertEquals(expected[i], m.tophashAt(0, i), "top byte " + tops[i]);
        }
        assertEquals(EMPTY_REST, m.tophashAt(0, 7));
    }

    @Test
    void aFullChainGetsAnOverflowBucketAndTheNewKeyGoesToItsSlotZero() {
        GoLongLongMap m = identityMap(20, LookupStyle.GENERIC);
        for (int n = 0; n < 8; n++) {
            m.put(k(n), n, -1);
        }
        assertEquals(0, m.overflowOf(0));
        m.put(k(8), 8, -1);
        int o1 = m.overflowOf(0);
        assertTrue(o1 >= 4, "overflow buckets come after the 4 main buckets");
        assertEquals(TOP, m.tophashAt(o1, 0));
        assertEquals(EMPTY_REST, m.tophashAt(o1, 1));
        assertEquals(1, m.stats().noverflow());
    }

    @Test
    void aNewKeyFillsTheFirstHoleInChainOrder() {
        // §8.4: the first empty slot in chain order, even in the head bucket while the key's chain goes on.
        GoLongLongMap m = threeBucketChain();
        int[] c = chain(m);
        m.remove(k(3), -1);
        m.remove(k(10), -1);
        assertEquals(EMPTY_ONE, m.tophashAt(c[0], 3));
        m.put(k(100), 100, -1);
        assertEquals(TOP, m.tophashAt(c[0], 3), "filled the head's hole");
        assertEquals(EMPTY_ONE, m.tophashAt(c[1], 2));
        m.verifyInvariants();
    }

    @Test
    void deleteWalksBackToEmptyRestAcrossTwoOverflowBucketsAndThroughEmptyOne() {
        GoLongLongMap m = threeBucketChain();
        int[] c = chain(m);
        // Head slots 5..7, all of overflow 1, overflow 2 slots 0..1: each becomes emptyOne, because a
        // used slot still follows it in the chain.
        int[] deleteFirst = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        for (int n : deleteFirst) {
            assertEquals(n, m.remove(k(n), -1));
            int bucket = c[n / 8];
            assertEquals(EMPTY_ONE, m.tophashAt(bucket, n % 8), "key " + n + " leaves emptyOne");
            m.verifyInvariants();
        }
        assertEquals(TOP, m.tophashAt(c[2], 2));
        // Deleting the last used slot (overflow 2, slot 2; slot 3 is emptyRest) walks back through
        // overflow 2, overflow 1 and the head, turning every emptyOne into emptyRest, up to the first
        // slot that is not emptyOne (head slot 4, still used).
        m.remove(k(18), -1);
        for (int slot = 0; slot < 8; slot++) {
            assertEquals(EMPTY_REST, m.tophashAt(c[2], slot), "overflow 2 slot " + slot);
            assertEquals(EMPTY_REST, m.tophashAt(c[1], slot), "overflow 1 slot " + slot);
        }
        for (int slot = 5; slot < 8; slot++) {
            assertEquals(EMPTY_REST, m.tophashAt(c[0], slot), "head slot " + slot);
        }
        for (int slot = 0; slot < 5; slot++) {
            assertEquals(TOP, m.tophashAt(c[0], slot), "head slot " + slot + " is still used");
        }
        assertEquals(c[1], m.overflowOf(0), "overflow buckets stay chained: nothing shrinks");
        assertEquals(5, m.size());
        m.verifyInvariants();
    }

    @Test
    void deleteWalkBackStopsAtAUsedSlotAndAtSlotZeroOfTheHead() {
        GoLongLongMap m = identityMap(20, LookupStyle.GENERIC);
        for (int n = 0; n < 4; n++) {
            m.put(k(n), n, -1);
        }
        m.remove(k(1), -1);
        assertEquals(EMPTY_ONE, m.tophashAt(0, 1), "slot 2 is used: no walk");
        m.remove(k(3), -1);
        assertEquals(EMPTY_REST, m.tophashAt(0, 3), "last used slot: emptyRest");
        assertEquals(TOP, m.tophashAt(0, 2), "the walk stops at the used slot 2");
        m.remove(k(2), -1);
        assertEquals(EMPTY_REST, m.tophashAt(0, 2));
        assertEquals(EMPTY_REST, m.tophashAt(0, 1), "walked through the emptyOne at slot 1");
        assertEquals(TOP, m.tophashAt(0, 0));
        m.remove(k(0), -1);
        assertEquals(EMPTY_REST, m.tophashAt(0, 0), "stops at slot 0 of the head");
        m.verifyInvariants();
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void everyLookupStyleFindsKeysBehindHolesAndTophashCollisions(LookupStyle style) {
        GoLongLongMap m = threeBucketChainWith(style);
        for (int n = 0; n < 19; n += 2) {
            m.remove(k(n), -1); // holes (emptyOne) before live keys, all with the same tophash
        }
        for (int n = 0; n < 19; n++) {
            assertEquals(n % 2 == 0 ? -1 : n, m.get(k(n), -1), style + " key " + n);
            assertEquals(n % 2 != 0, m.containsKey(k(n)));
        }
        assertFalse(m.containsKey(IdentityHasher.key(0, TOP, 1000)), "same bucket and tophash, absent");
        assertFalse(m.containsKey(0), "the key 0 (also the value of never-used key cells) is absent");
        m.put(0, 77, -1);
        assertEquals(77, m.get(0, -1));
    }

    private static GoLongLongMap threeBucketChainWith(LookupStyle style) {
        GoLongLongMap m = identityMap(20, style);
        for (int n = 0; n < 19; n++) {
            m.put(k(n), n, -1);
        }
        return m;
    }

    @Test
    void swarLookupVerifiesEveryCandidateOfTheZeroByteTrick() {
        // The has-zero-byte trick on word ^ broadcast(top) flags the real match (0x80 in slot 0) and,
        // through the borrow, the byte above it when that byte is 0x81; each candidate's key is compared.
        GoLongLongMap m = identityMap(0, LookupStyle.SWAR);
        long a = IdentityHasher.key(0, 0x80, 1);
        long b = IdentityHasher.key(0, 0x81, 2);
        m.put(a, 1, -1);
        m.put(b, 2, -1);
        assertEquals(-1, m.get(IdentityHasher.key(0, 0x80, 2), -1), "same tophash as a, other key");
        assertEquals(-1, m.get(IdentityHasher.key(0, 0x81, 1), -1), "same tophash as b, other key");
        assertEquals(1, m.get(a, -1));
        assertEquals(2, m.get(b, -1));
        for (int n = 3; n < 9; n++) {
            m.put(IdentityHasher.key(0, 0x80, n), n, -1); // several true candidates in one word
        }
        for (int n = 3; n < 9; n++) {
            assertEquals(n, m.get(IdentityHasher.key(0, 0x80, n), -1));
        }
        assertEquals(1.0 + 2 + 3 + 4 + 5 + 6 + 7 + 1, m.stats().avgProbesHit() * 8, 1e-9,
            "SWAR hit: candidates verified = same-tophash slots up to the hit");
    }

    @Test
    void fast64ScansTheWholeChainWithoutAnEmptyRestExit() {
        // A stale key cell behind emptyRest is never reported: FAST64 checks !isEmpty after the key.
        GoLongLongMap m = identityMap(0, LookupStyle.FAST64);
        m.put(5, 50, -1);
        m.put(6, 60, -1);
        m.remove(6, -1);
        assertEquals(EMPTY_REST, m.tophashAt(0, 1));
        assertEquals(-1, m.get(6, -1));
        assertEquals(50, m.get(5, -1));
        MapStats s = m.stats();
        assertEquals(1.0, s.avgProbesHit());
        assertEquals(8.0, s.avgProbesMiss(), "a FAST64 miss reads all 8 slots of the chain");
        GoLongLongMap g = identityMap(0, LookupStyle.GENERIC);
        g.put(5, 50, -1);
        assertEquals(2.0, g.stats().avgProbesMiss(), "a GENERIC miss stops at the emptyRest in slot 1");
    }

    @Test
    void statsDescribeChainsAndSlots() {
        GoLongLongMap m = threeBucketChain();
        MapStats s = m.stats();
        assertEquals(java.util.List.of(0L, 3L, 0L, 1L), s.chainLengthHistogram());
        // head and overflow 1 full, overflow 2 with 3, three empty main buckets
        assertEquals(java.util.List.of(3L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 2L), s.liveSlotsHistogram());
        assertEquals(4, s.bucketCount());
        assertEquals(0, s.oldBucketCount());
        assertEquals(10.0, s.avgProbesHit(), 1e-9, "GENERIC hit: (1 + ... + 19) / 19");
        assertEquals(19, s.count());
        assertEquals(0, s.seed());
    }

    @Test
    void hotKeyCacheNeverReturnsAStaleSlot() {
        GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, () -> 9L, 0,
            MapOptions.DEFAULT.withHotKeyCache(true));
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 300; i++) {
                m.put(i, i * 10L + round, -1);
                assertEquals(i * 10L + round, m.get(i, -1));
            }
            for (int i = 0; i < 300; i += 3) {
                m.remove(i, -1);
                assertEquals(-1, m.get(i, -1));
                assertFalse(m.containsKey(i));
            }
            for (int i = 1; i < 300; i += 3) {
                assertEquals(i * 10L + round, m.get(i, -1));
                assertTrue(m.containsKey(i));
            }
            m.verifyInvariants();
        }
    }
}
