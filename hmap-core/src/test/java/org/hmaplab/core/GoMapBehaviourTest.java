package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.core.testing.MixingHasher;
import org.hmaplab.hash.Hasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of GO-MAP-SPEC.md (§ numbers below) as GoMap shows them, and GoMap's own rules for
 * object keys (hashing entry points, refused keys). Expected figures come from the spec, which
 * records them as observed on the Go 1.19.8 runtime.
 */
class GoMapBehaviourTest {

    /** IdentityHasher with seed 0 every time: hash == key, so a test picks a key's bucket and tophash. */
    private static final LongSupplier ZERO_SEEDS = () -> 0L;

    private static GoMap<Long, Long> identityMap(int hint) {
        return new GoMap<>(IdentityHasher.INSTANCE, ZERO_SEEDS, hint, MapOptions.DEFAULT);
    }

    /** Records which Hasher entry point was called and with which long. */
    private static final class RecordingHasher implements Hasher {
        int longCalls;
        int charCalls;
        int byteCalls;
        long lastLong;
        CharSequence lastChars;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public long hashBytes(byte[] data, int off, int len, long seed) {
            byteCalls++;
            return MixingHasher.INSTANCE.hashBytes(data, off, len, seed);
        }

        @Override
        public long hashLong(long key, long seed) {
            longCalls++;
            lastLong = key;
            return MixingHasher.INSTANCE.hashLong(key, seed);
        }

        @Override
        public long hashChars(CharSequence s, long seed) {
            charCalls++;
            lastChars = s;
            return MixingHasher.INSTANCE.hashChars(s, seed);
        }
    }

    /** A key whose hashCode is fixed, to see which long reaches the hasher. */
    private record FixedHashKey(String name) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FixedHashKey other && other.name.equals(name);
        }

        @Override
        public int hashCode() {
            return -42;
        }
    }

    // ---------------------------------------------------------------- key hashing (GoMap's own rules)

    @Test
    void stringAndCharSequenceKeysAreHashedThroughHashChars() {
        RecordingHasher h = new RecordingHasher();
        GoMap<Object, String> map = new GoMap<>(h, 1L, 0);
        map.put("gopher", "v");
        assertEquals(1, h.charCalls);
        assertEquals(0, h.longCalls);
        assertEquals("gopher", h.lastChars.toString());
        StringBuilder sb = new StringBuilder("go");
        map.put(sb, "w");
        assertEquals(2, h.charCalls);
        assertEquals(0, h.longCalls);
        assertEquals(0, h.byteCalls);
        assertEquals("v", map.get("gopher"));
    }

    @Test
    void integralKeysAreHashedThroughHashLongOfTheirSignExtendedValue() {
        RecordingHasher h = new RecordingHasher();
        GoMap<Object, String> map = new GoMap<>(h, 1L, 0);
        map.put(-5, "int");
        assertEquals(-5L, h.lastLong);
        map.put((short) -300, "short");
        assertEquals(-300L, h.lastLong);
        map.put((byte) -7, "byte");
        assertEquals(-7L, h.lastLong);
        map.put(Long.MIN_VALUE, "long");
        assertEquals(Long.MIN_VALUE, h.lastLong);
        assertEquals(4, h.longCalls);
        assertEquals(0, h.charCalls);
        assertEquals("int", map.get(-5));
        assertNull(map.get(-5L), "Integer -5 and Long -5 hash alike but are different keys");
    }

    @Test
    void otherKeysAreHashedThroughHashLongOfTheirHashCode() {
        RecordingHasher h = new RecordingHasher();
        GoMap<Object, String> map = new GoMap<>(h, 1L, 0);
        map.put(new FixedHashKey("a"), "a");
        assertEquals(-42L, h.lastLong);
        map.put(new FixedHashKey("b"), "b");
        assertEquals("a", map.get(new FixedHashKey("a")), "keys compared with equals after the tophash filter");
        assertEquals("b", map.get(new FixedHashKey("b")));
        assertEquals(2, map.size());
    }

    @Test
    void arrayKeysAreRefusedWithAnIllegalArgumentException() {
        GoMap<Object, String> map = new GoMap<>(MixingHasher.INSTANCE, 1L, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.put(new byte[] {1}, "x"));
        assertTrue(e.getMessage().contains("arrays"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> map.get(new int[] {1}), "refused on an empty map too");
        map.put("k", "v");
        assertThrows(IllegalArgumentException.class, () -> map.containsKey(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> map.remove(new String[0]));
        assertEquals(1, map.size());
    }

    @Test
    void nullKeyIsRefusedByPutAndAbsentForQueries() {
        GoMap<Long, String> map = new GoMap<>(MixingHasher.INSTANCE, 1L, 0);
        NullPointerException e = assertThrows(NullPointerException.class, () -> map.put(null, "x"));
        assertTrue(e.getMessage().contains("null keys are not allowed"), e.getMessage());
        map.put(1L, null);
        assertTrue(map.containsKey(1L), "null values are allowed");
        assertNull(map.get(null));
        assertFalse(map.containsKey(null));
        assertNull(map.remove(null));
        assertEquals(1, map.size());
    }

    @Test
    void hotKeyCacheHitsSkipTheHasherAndNeverOutliveAStructuralChange() {
        RecordingHasher h = new RecordingHasher();
        GoMap<String, Integer> map = new GoMap<>(h, 1L, 0, MapOptions.DEFAULT.withHotKeyCache(true));
        map.put("hot", 1);
        assertEquals(1, map.get("hot"));
        int calls = h.charCalls;
        assertEquals(1, map.get(new String("hot")), "an equal key hits the remembered slot");
        assertTrue(map.containsKey("hot"));
        assertEquals(calls, h.charCalls, "a cache hit does not hash");
        map.put("hot", 2);
        assertEquals(2, map.get("hot"), "an update keeps the slot and the cache sees the new value");
        map.remove("hot");
        assertNull(map.get("hot"), "a delete invalidates the cache");
        assertFalse(map.containsKey("hot"));
        for (int i = 0; i < 200; i++) {
            map.put("k" + i, i);
            assertEquals(i / 2, map.get("k" + (i / 2)), "through growth and evacuation");
            map.verifyInvariants();
        }
    }

    // ---------------------------------------------------------------- growth (§4, §5, §6)

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void growthStartsAtCounts9And14And27And53And105And209And417(LookupStyle style) {
        // §4.7: for an insert-only map a growth starts at count = 13*2^(B-1)+1 and always doubles.
        List<Integer> expected = List.of(9, 14, 27, 53, 105, 209, 417);
        for (boolean stringKeys : new boolean[] {false, true}) {
            GoMap<Object, Integer> map = new GoMap<>(MixingHasher.INSTANCE, 3L, 0,
                MapOptions.DEFAULT.withLookupStyle(style));
            List<Integer> starts = new ArrayList<>();
            long growths = 0;
            for (int i = 1; i <= 500; i++) {
                map.put(stringKeys ? "key-" + i : (Object) (i * 7919L), i);
                MapStats s = map.stats();
                if (s.doublingGrowths() != growths) {
                    growths = s.doublingGrowths();
                    starts.add(i);
                    assertEquals(starts.size(), s.B(), "every growth doubles");
                }
                assertEquals(0, s.sameSizeGrowths(), "no same-size growth without deletes (§4.7)");
            }
            assertEquals(expected, starts, stringKeys ? "String keys" : "Long keys");
            map.verifyInvariants();
        }
    }

    @Test
    void sizeHintPicksTheSmallestBNotOverTheLoadFactor() {
        // §4.6: hint 0-8 -> B 0, 9-13 -> 1, 14-26 -> 2, 27-52 -> 3, 53-104 -> 4, 105-208 -> 5; negative -> 0.
        int[][] hintToB = {{-1, 0}, {0, 0}, {8, 0}, {9, 1}, {13, 1}, {14, 2}, {26, 2}, {27, 3}, {52, 3},
            {53, 4}, {104, 4}, {105, 5}, {208, 5}, {209, 6}};
        for (int[] pair : hintToB) {
            assertEquals(pair[1], identityMap(pair[0]).stats().B(), "hint " + pair[0]);
        }
    }

    @Test
    void growthFromOldBZeroOrOneFinishesInTheInsertThatStartsIt() {
        // §6.5: for oldB = 0 and oldB = 1 a growth takes exactly one write.
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 5L, 0);
        for (long i = 1; i <= 13; i++) {
            map.put(i, i);
            assertFalse(map.isGrowing(), "after insert " + i);
        }
        map.put(14L, 14L);
        assertEquals(2, map.stats().B());
        assertFalse(map.isGrowing());
        for (long i = 15; i <= 27; i++) map.put(i, i);
        assertTrue(map.isGrowing(), "oldB = 2: the 27th insert starts a growth that outlives it");
    }

    @Test
    void eachWriteEvacuatesAtMostTwoOldBucketsAndLookupsNone() {
        // §6.2, §6.5, §7.3, §14.10: writes (insert, update, delete, even of an absent key) evacuate
        // 1 or 2 old buckets; lookups and iteration evacuate none; a growth from oldB takes
        // between 2^oldB/2 and 2^oldB writes.
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 11L, 0);
        for (long i = 0; i < 105; i++) map.put(i, i);
        MapStats start = map.stats();
        assertTrue(start.growing());
        assertEquals(5, start.B(), "the 105th insert started the growth from B = 4");
        int writes = 1;
        long op = 0;
        while (map.isGrowing()) {
            MapStats before = map.stats();
            for (long k = 0; k < 105; k++) map.get(k);
            for (Map.Entry<Long, Long> e : map.entrySet()) e.getValue();
            MapStats afterReads = map.stats();
            assertEquals(before.evacuatedBuckets(), afterReads.evacuatedBuckets(), "lookups never evacuate");
            assertEquals(before.nevacuate(), afterReads.nevacuate(), "lookups never advance nevacuate");
            switch ((int) (op++ % 3)) {
                case 0 -> map.put(op % 105, -op);
                case 1 -> map.remove(1_000_000L + op);
                default -> map.put(op % 105, op);
            }
            writes++;
            MapStats after = map.stats();
            long moved = after.evacuatedBuckets() - before.evacuatedBuckets();
            assertTrue(moved <= 2, "one write evacuated " + moved + " old buckets");
            assertTrue(after.nevacuate() > before.nevacuate() || !after.growing(), "nevacuate advances");
            map.verifyInvariants();
        }
        assertTrue(writes >= 8 && writes <= 16, "growth from oldB = 4 took " + writes + " writes");
        assertEquals(105, map.size());
    }

    @Test
    void sameSizeGrowthAfterOneOverflowBucketPerBucket() {
        // §10: make(map, 20) gives B = 2; one overflow bucket forced into each of the 4 buckets
        // makes noverflow = 4 = 2^B; the next new key starts a same-size growth (§4.3, §5.1).
        GoMap<Long, Long> map = identityMap(20);
        assertEquals(2, map.stats().B());
        for (int bucket = 0; bucket < 4; bucket++) {
            for (int n = 0; n < 9; n++) map.put(IdentityHasher.key(bucket, 0x80, n), (long) n);
            for (int n = 1; n < 9; n++) map.remove(IdentityHasher.key(bucket, 0x80, n));
        }
        MapStats before = map.stats();
        assertEquals(4, before.noverflow());
        assertEquals(4, before.overflowBucketsInUse());
        assertEquals(4, before.count());
        assertFalse(before.growing());
        map.put(IdentityHasher.key(0, 0x90, 100), 100L);
        MapStats started = map.stats();
        assertEquals(1, started.sameSizeGrowths());
        assertEquals(0, started.doublingGrowths());
        assertEquals(2, started.B(), "a same-size growth keeps B");
        assertTrue(started.growing() && started.sameSizeGrow());
        map.verifyInvariants();
        int writes = 1;
        for (long n = 0; map.isGrowing(); n++) {
            map.put(IdentityHasher.key(0, 0x80, 0), n);
            writes++;
        }
        assertTrue(writes <= 4, "4 old buckets, at least 1 per write: " + writes);
        MapStats done = map.stats();
        assertEquals(0, done.overflowBucketsInUse(), "a same-size growth compacts every chain");
        assertFalse(done.sameSizeGrow());
        assertEquals(5, map.size());
        map.verifyInvariants();
    }

    // ---------------------------------------------------------------- delete (§8.4, §9)

    @Test
    void deleteMarksEmptyOneAndWalksBackToEmptyRestAcrossAnOverflowBucket() {
        // §9.4-9.5 with B = 1 (hint 9): slots 0..7 of bucket 0 and slot 0 of its overflow bucket,
        // the first one after the 2 head buckets (index 2).
        GoMap<Long, Long> map = identityMap(9);
        long[] keys = new long[9];
        for (int n = 0; n < 9; n++) {
            keys[n] = IdentityHasher.key(0, 0x40 + n, n);
            map.put(keys[n], (long) n);
        }
        assertEquals(0x40 + 8, map.tophashAt(2, 0), "the ninth key went to the overflow bucket");
        map.remove(keys[7]);
        assertEquals(GoMapRules.EMPTY_ONE, map.tophashAt(0, 7), "a later slot is used: emptyOne");
        map.remove(keys[6]);
        assertEquals(GoMapRules.EMPTY_ONE, map.tophashAt(0, 6));
        map.remove(keys[8]);
        assertEquals(GoMapRules.EMPTY_REST, map.tophashAt(2, 0), "last used slot of the chain: emptyRest");
        assertEquals(GoMapRules.EMPTY_REST, map.tophashAt(0, 7), "walk-back crosses into the previous bucket");
        assertEquals(GoMapRules.EMPTY_REST, map.tophashAt(0, 6), "and through emptyOne slots");
        assertEquals(0x40 + 5, map.tophashAt(0, 5), "and stops at the first used slot");
        map.verifyInvariants();
    }

    @Test
    void newKeyFillsTheFirstHoleInChainOrder() {
        // §8.4: the insert position is the first empty slot (emptyOne or emptyRest) of the chain.
        GoMap<Long, Long> map = identityMap(0);
        for (int n = 0; n < 4; n++) map.put(IdentityHasher.key(0, 0x40 + n, n), (long) n);
        map.remove(IdentityHasher.key(0, 0x41, 1));
        assertEquals(GoMapRules.EMPTY_ONE, map.tophashAt(0, 1));
        map.put(IdentityHasher.key(0, 0x77, 50), 50L);
        assertEquals(0x77, map.tophashAt(0, 1));
        assertEquals(GoMapRules.EMPTY_REST, map.tophashAt(0, 4));
    }

    @Test
    void tophashesBelowFiveAreRaisedByFive() {
        // §3.7: top byte 0..4 is stored as 5..9.
        GoMap<Long, Long> map = identityMap(0);
        map.put(IdentityHasher.key(0, 0, 1), 1L);
        map.put(IdentityHasher.key(0, 4, 2), 2L);
        map.put(IdentityHasher.key(0, 5, 3), 3L);
        assertEquals(5, map.tophashAt(0, 0));
        assertEquals(9, map.tophashAt(0, 1));
        assertEquals(5, map.tophashAt(0, 2));
        assertEquals(3L, map.get(IdentityHasher.key(0, 5, 3)));
    }

    // ---------------------------------------------------------------- seed and clear (§3.2, §12)

    @Test
    void deleteThatEmptiesTheMapAndClearDrawNewSeeds() {
        long[] next = {100};
        LongSupplier seeds = () -> next[0]++;
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, seeds, 0, MapOptions.DEFAULT);
        assertEquals(100, map.seed());
        map.put(1L, 1L);
        map.put(2L, 2L);
        map.remove(1L);
        map.remove(99L);
        assertEquals(100, map.seed(), "deletes that leave entries keep the seed");
        map.remove(2L);
        assertEquals(101, map.seed(), "the delete that brings count to 0 draws a new seed (§9.6)");
        map.clear();
        assertEquals(101, map.seed(), "clear of an empty map does nothing (§12.2)");
        map.put(3L, 3L);
        map.clear();
        assertEquals(102, map.seed(), "clear of a non-empty map draws a new seed (§12.2)");
    }

    @Test
    void clearKeepsBAndAbandonsAGrowth() {
        // §12.2: clear keeps B, drops overflow chains and a growth in progress, resets noverflow.
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 9L, 0);
        for (long i = 0; i < 27; i++) map.put(i, i);
        assertTrue(map.isGrowing());
        map.clear();
        MapStats s = map.stats();
        assertEquals(3, s.B());
        assertFalse(s.growing());
        assertEquals(0, s.noverflow());
        assertEquals(0, s.overflowBucketsInUse());
        assertEquals(0, s.count());
        assertTrue(map.isEmpty());
        map.verifyInvariants();
        for (long i = 0; i < 27; i++) map.put(i, i);
        assertEquals(3, map.stats().B(), "27 entries fit B = 3 (max 52): no growth after clear");
        assertFalse(map.isGrowing());
    }

    @Test
    void fixedSeedGivesReproducibleReDraws() {
        GoMap<Long, Long> a = new GoMap<>(MixingHasher.INSTANCE, 7L, 0);
        GoMap<Long, Long> b = new GoMap<>(MixingHasher.INSTANCE, 7L, 0);
        assertEquals(7L, a.seed());
        a.put(1L, 1L);
        a.clear();
        b.put(1L, 1L);
        b.clear();
        assertEquals(a.seed(), b.seed());
        assertNotEquals(7L, a.seed());
    }

    // ---------------------------------------------------------------- iteration (§11)

    @Test
    void iterationStartsAtARandomBucketAndRotation() {
        // §11.3: a new start for every loop; each loop returns every entry once.
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 13L, 0);
        for (long i = 0; i < 100; i++) map.put(i, i);
        Set<List<Long>> orders = new HashSet<>();
        for (int loop = 0; loop < 20; loop++) {
            List<Long> order = new ArrayList<>(map.keySet());
            assertEquals(100, new HashSet<>(order).size());
            orders.add(order);
        }
        assertTrue(orders.size() >= 10, "20 loops gave only " + orders.size() + " distinct orders");
    }

    @Test
    void iteratorRemoveNeedsAPrecedingNext() {
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 13L, 0);
        map.put(1L, 1L);
        Iterator<Long> it = map.keySet().iterator();
        assertThrows(IllegalStateException.class, it::remove);
        it.next();
        it.remove();
        assertThrows(IllegalStateException.class, it::remove);
        assertTrue(map.isEmpty());
    }

    // ---------------------------------------------------------------- lookup styles (§7.4, §7.5)

    @Test
    void missProbesFollowEachStylesRule() {
        // One key at B = 0: GENERIC reads slot 0 and stops at the emptyRest in slot 1 (2 slots);
        // FAST64 compares every slot of the chain (8); SWAR verifies no candidate (0 live slots match
        // by chance on average: 1 live slot / 251).
        for (LookupStyle style : LookupStyle.values()) {
            GoMap<Long, Long> map = new GoMap<>(IdentityHasher.INSTANCE, ZERO_SEEDS, 0,
                MapOptions.DEFAULT.withLookupStyle(style));
            map.put(IdentityHasher.key(0, 0x60, 1), 1L);
            double expected = switch (style) {
                case GENERIC -> 2;
                case FAST64 -> 8;
                case SWAR -> 1.0 / 251;
            };
            assertEquals(expected, map.stats().avgProbesMiss(), 1e-12, style.name());
            assertNull(map.get(IdentityHasher.key(0, 0x61, 2)));
            assertEquals(1L, map.get(IdentityHasher.key(0, 0x60, 1)));
        }
    }

    @ParameterizedTest
    @EnumSource(LookupStyle.class)
    void everyStyleFindsKeysSharingATophashInALongChain(LookupStyle style) {
        GoMap<Long, Long> map = new GoMap<>(IdentityHasher.INSTANCE, ZERO_SEEDS, 0,
            MapOptions.DEFAULT.withLookupStyle(style));
        for (int n = 0; n < 8; n++) map.put(IdentityHasher.key(0, 0x33, n), (long) n);
        for (int n = 0; n < 8; n += 2) map.remove(IdentityHasher.key(0, 0x33, n));
        for (int n = 0; n < 8; n++) {
            assertEquals(n % 2 == 1 ? Long.valueOf(n) : null, map.get(IdentityHasher.key(0, 0x33, n)), "key " + n);
        }
    }

    // ---------------------------------------------------------------- misuse (§13)

    @Test
    void operationsThatSeeTheWritingFlagThrowGosMessages() {
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 1L, 0);
        map.put(1L, 1L);
        Iterator<Long> it = map.keySet().iterator();
        map.beginWrite();
        assertEquals(GoMapRules.CONCURRENT_READ_WRITE,
            assertThrows(ConcurrentModificationException.class, () -> map.get(1L)).getMessage());
        assertEquals(GoMapRules.CONCURRENT_READ_WRITE,
            assertThrows(ConcurrentModificationException.class, () -> map.containsKey(2L)).getMessage());
        assertEquals(GoMapRules.CONCURRENT_ITERATION_WRITE,
            assertThrows(ConcurrentModificationException.class, it::hasNext).getMessage());
        assertEquals(GoMapRules.CONCURRENT_WRITES,
            assertThrows(ConcurrentModificationException.class, () -> map.put(2L, 2L)).getMessage());
        assertEquals(GoMapRules.CONCURRENT_WRITES,
            assertThrows(ConcurrentModificationException.class, () -> map.remove(3L)).getMessage());
        assertEquals(GoMapRules.CONCURRENT_WRITES,
            assertThrows(ConcurrentModificationException.class, map::clear).getMessage());
        assertEquals(1, map.size(), "len(m) does not check (§13)");
        map.endWrite();
        assertEquals(1L, map.get(1L));
        assertTrue(it.hasNext());
    }

    @Test
    void anEmptyMapSkipsReadDeleteAndClearChecksButNotWrites() {
        // §13 table, empty-map column.
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 1L, 0);
        map.beginWrite();
        assertNull(map.get(1L));
        assertNull(map.remove(1L));
        map.clear();
        assertFalse(map.keySet().iterator().hasNext());
        assertEquals(GoMapRules.CONCURRENT_WRITES,
            assertThrows(ConcurrentModificationException.class, () -> map.put(1L, 1L)).getMessage());
    }

    @Test
    void aWriterThatFindsItsFlagClearedAtTheEndThrows() {
        // §8.6: a second writer XORs the flag back to 0; the first one's end check catches it.
        GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, 1L, 0);
        map.beginWrite();
        map.endWrite();
        assertEquals(GoMapRules.CONCURRENT_WRITES,
            assertThrows(ConcurrentModificationException.class, map::endWrite).getMessage());
    }

    @Test
    void twoThreadsWritingAtOnceAreDetected() throws InterruptedException {
        // §8.2, §8.6: racing writers are caught by the flag checks. Fails if detection is removed:
        // then no ConcurrentModificationException with Go's message is ever seen.
        ConcurrentLinkedQueue<Throwable> seen = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        boolean detected = false;
        for (int round = 0; !detected && System.nanoTime() < deadline; round++) {
            GoMap<Long, Long> map = new GoMap<>(MixingHasher.INSTANCE, round, 0);
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                final long base = t * 1_000_000L;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        for (long i = 0; i < 2_000_000 && !stop.get(); i++) {
                            map.put(base + (i % 20_000), i);
                            if ((i & 1) == 0) map.remove(base + ((i * 7) % 20_000));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        seen.add(e);
                        stop.set(true);
                    }
                });
                threads.add(th);
                th.start();
            }
            go.countDown();
            for (Thread th : threads) th.join();
            detected = seen.stream().anyMatch(e -> e instanceof ConcurrentModificationException
                && GoMapRules.CONCURRENT_WRITES.equals(e.getMessage()));
        }
        assertTrue(detected, "no 'concurrent map writes' detected; other exceptions: " + seen);
    }
}
