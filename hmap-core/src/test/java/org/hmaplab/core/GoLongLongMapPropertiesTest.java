package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.hash.Hasher;

/**
 * Random operation sequences against java.util.HashMap as the model, with verifyInvariants() after
 * every step, for every lookup style, with the hot-key cache on and off. Key spaces range from 8
 * keys (constant collisions and deletes) to thousands (many growths); the IdentityHasher variant
 * forces keys into 1, 2 or 4 buckets to build long overflow chains and same-size growths.
 */
class GoLongLongMapPropertiesTest {
    private static final int TRIES = 100;
    /** Pages of 4 buckets: small maps cross many page boundaries. */
    private static final int SMALL_PAGE_SHIFT = 2;

    /** Each int of the script is one operation: op = x % 16, key index = x / 16 within the key space. */
    private static void run(List<Integer> script, LookupStyle style, boolean cache, int keySpace, int keyKind,
                            int hint, boolean paged) {
        Hasher hasher = keyKind == 0 ? Fmix64Hasher.INSTANCE : IdentityHasher.INSTANCE;
        int bucketsUsed = 1 << ((keyKind - 1) & 3); // IdentityHasher kinds 1..3: 1, 2 or 4 buckets
        LongUnaryOperator keyOf = keyKind == 0
            ? i -> i * 0x9E3779B97F4A7C15L
            : i -> IdentityHasher.key(i % bucketsUsed, (int) (i * 37 & 0xff), i);
        long[] seeds = {0};
        // IdentityHasher maps need seed 0 to keep keys where the test put them; Fmix64 maps get fresh seeds.
        GoLongLongMap m = new GoLongLongMap(hasher, () -> keyKind == 0 ? seeds[0]++ * 0x5DEECE66DL : 0L, hint,
            new MapOptions(style, cache, GoMapRules.LOAD_FACTOR_NUM, GoMapRules.LOAD_FACTOR_DEN),
            paged ? SMALL_PAGE_SHIFT : GoLongLongMap.FLAT_PAGE_SHIFT);
        Map<Long, Long> model = new HashMap<>();
        long value = 0;
        for (int x : script) {
            int op = x % 16;
            long k = keyOf.applyAsLong((x / 16) % keySpace);
            value++;
            if (op < 6) {
                assertEquals(model.getOrDefault(k, -1L), m.put(k, value, -1L), "put " + k);
                model.put(k, value);
            } else if (op < 9) {
                assertEquals(model.getOrDefault(k, -1L), m.remove(k, -1L), "remove " + k);
                model.remove(k);
            } else if (op < 13) {
                assertEquals(model.getOrDefault(k, -1L), m.get(k, -1L), "get " + k);
                assertEquals(model.containsKey(k), m.containsKey(k));
            } else if (op == 13) {
                m.clear();
                model.clear();
            } else {
                iterateWithChanges(m, model, x, keyOf, keySpace);
            }
            assertEquals(model.size(), m.size());
            m.verifyInvariants();
        }
        Map<Long, Long> seen = new HashMap<>();
        m.forEach(seen::put);
        assertEquals(model, seen);
        Statistics.label("doubling growths").collect(Math.min(m.stats().doublingGrowths(), 3));
    }

    /** An iteration that deletes and inserts in its middle; checks Go's guarantees (§11.8). */
    private static void iterateWithChanges(GoLongLongMap m, Map<Long, Long> model, int x, LongUnaryOperator keyOf,
                                           int keySpace) {
        IterationChecker check = new IterationChecker(m, model);
        List<Long> present = new ArrayList<>(model.keySet());
        int steps = 0;
        int changeAt = x % 5;
        while (check.step()) {
            if (steps++ == changeAt) {
                for (int j = 0; j < present.size(); j += 3) {
                    check.delete(present.get(j));
                }
                for (int j = 0; j < 20; j++) {
                    long fresh = keyOf.applyAsLong(keySpace + (long) x * 32 + j); // outside the key space
                    if (!model.containsKey(fresh) && !check.deletedInThisLoop(fresh)) {
                        check.put(fresh, j);
                    }
                }
            }
            if (steps % 50 == 0) {
                m.verifyInvariants();
            }
        }
        check.finish();
    }

    /** A script of {@code length} operations from a seed: 45 % put, 25 % remove, 29.8 % get, 0.2 % clear, 1 % loop. */
    private static List<Integer> script(long seed, int length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Integer> ops = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            int r = rnd.nextInt(100);
            int op = r < 45 ? 0 : r < 70 ? 6 : r < 98 ? 9 : r < 99 ? (rnd.nextInt(5) == 0 ? 13 : 9) : 14;
            ops.add(rnd.nextInt(1 << 20) * 16 + op);
        }
        return ops;
    }

    @Property(tries = TRIES)
    void behavesLikeHashMapWithSpreadKeys(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1200) int length,
                                          @ForAll LookupStyle style, @ForAll boolean cache,
                                          @ForAll @IntRange(min = 3, max = 10) int keySpaceLog,
                                          @ForAll @IntRange(min = -5, max = 60) int hint,
                                          @ForAll boolean paged) {
        run(script(seed, length), style, cache, 1 << keySpaceLog, 0, hint, paged);
    }

    @Property(tries = TRIES)
    void behavesLikeHashMapWithKeysForcedIntoFewBuckets(
        @ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int length,
        @ForAll LookupStyle style, @ForAll boolean cache,
        @ForAll @IntRange(min = 8, max = 200) int keySpace, @ForAll @IntRange(min = 1, max = 3) int kind,
        @ForAll boolean paged) {
        run(script(seed, length), style, cache, keySpace, kind, 20, paged);
    }

    @Property(tries = TRIES)
    void windowChurnMakesSameSizeGrowthsAndStaysCorrect(
        @ForAll long seed, @ForAll @IntRange(min = 4, max = 40) int window,
        @ForAll @IntRange(min = 0, max = 3) int bucketsLog, @ForAll LookupStyle style, @ForAll boolean cache,
        @ForAll boolean paged) {
        // New keys keep arriving and the oldest leave (§10): holes are refilled only by keys of the same
        // chain and a chain gets an overflow bucket only when full, so noverflow creeps up to 2^B.
        SplittableRandom rnd = new SplittableRandom(seed);
        GoLongLongMap m = new GoLongLongMap(IdentityHasher.INSTANCE, () -> 0L, 0,
            new MapOptions(style, cache, GoMapRules.LOAD_FACTOR_NUM, GoMapRules.LOAD_FACTOR_DEN),
            paged ? SMALL_PAGE_SHIFT : GoLongLongMap.FLAT_PAGE_SHIFT);
        Map<Long, Long> model = new HashMap<>();
        java.util.ArrayDeque<Long> live = new java.util.ArrayDeque<>();
        int buckets = 8 << bucketsLog;
        for (long n = 0; n < 1500; n++) {
            long k = IdentityHasher.key(rnd.nextInt(buckets), rnd.nextInt(256), n);
            assertEquals(-1L, m.put(k, n, -1L));
            model.put(k, n);
            live.add(k);
            if (live.size() > window) {
                long old = live.poll();
                assertEquals(model.remove(old), m.remove(old, -1L));
            }
            long probe = IdentityHasher.key(rnd.nextInt(buckets), rnd.nextInt(256), rnd.nextLong(n + 1));
            assertEquals(model.getOrDefault(probe, -1L), m.get(probe, -1L));
            if (n % 300 == 299) {
                iterateWithChanges(m, model, (int) n, i -> IdentityHasher.key(i % buckets, 7, i + 1_000_000), 0);
                live.removeIf(key -> !model.containsKey(key));
                live.addAll(model.keySet().stream().filter(key -> !live.contains(key)).toList());
            }
            m.verifyInvariants();
        }
        assertEquals(model.size(), m.size());
        Statistics.label("same-size growths").collect(Math.min(m.stats().sameSizeGrowths(), 3))
            .coverage(c -> c.check(0L).percentage(p -> p < 80));
    }

    @Property(tries = 40)
    void lookupStylesTheHotKeyCacheAndPagingGiveIdenticalResultsAndStructure(
        @ForAll long seed, @ForAll @IntRange(min = 1, max = 1500) int length,
        @ForAll @IntRange(min = 4, max = 11) int keySpaceLog) {
        // Styles differ only in how a lookup walks a chain: with the same seed every answer, every
        // growth and every bucket is the same. Paging changes only where buckets are stored: tiny pages
        // (2 buckets), the default pages and one array give the same buckets, slot by slot.
        List<GoLongLongMap> maps = new ArrayList<>();
        for (LookupStyle style : LookupStyle.values()) {
            for (boolean cache : new boolean[] {false, true}) {
                MapOptions options = MapOptions.DEFAULT.withLookupStyle(style).withHotKeyCache(cache);
                maps.add(new GoLongLongMap(Fmix64Hasher.INSTANCE, seed, 0, options.withPaged(false)));
                maps.add(new GoLongLongMap(Fmix64Hasher.INSTANCE, seed, 0, options.withPaged(true)));
                maps.add(new GoLongLongMap(Fmix64Hasher.INSTANCE, firstThen(seed), 0, options, 1));
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            long k = rnd.nextInt(1 << keySpaceLog);
            int op = rnd.nextInt(10);
            long first = 0;
            for (int j = 0; j < maps.size(); j++) {
                GoLongLongMap m = maps.get(j);
                long r = op < 4 ? m.put(k, i, -1) : op < 6 ? m.remove(k, -1) : m.get(k, -1);
                if (j == 0) {
                    first = r;
                } else {
                    assertEquals(first, r, "op " + i + " on map " + j);
                }
            }
        }
        MapStats reference = maps.get(0).stats();
        for (GoLongLongMap m : maps) {
            MapStats s = m.stats();
            assertEquals(reference.count(), s.count());
            assertEquals(reference.B(), s.B());
            assertEquals(reference.noverflow(), s.noverflow());
            assertEquals(reference.nevacuate(), s.nevacuate());
            assertEquals(reference.chainLengthHistogram(), s.chainLengthHistogram());
            assertEquals(reference.liveSlotsHistogram(), s.liveSlotsHistogram());
            assertEquals(reference.evacuatedBuckets(), s.evacuatedBuckets());
            assertEquals(reference.seed(), s.seed());
            GoLongLongMap first = maps.get(0);
            for (int bucket = 0; bucket < 1 << s.B(); bucket++) {
                int b = bucket;
                while (true) {
                    for (int slot = 0; slot < 8; slot++) {
                        assertEquals(first.tophashAt(b, slot), m.tophashAt(b, slot), "bucket " + b + " slot " + slot);
                    }
                    int next = m.overflowOf(b);
                    assertEquals(first.overflowOf(b), next, "overflow link of bucket " + b);
                    if (next == 0) {
                        break;
                    }
                    b = next;
                }
            }
        }
    }

    /** The seeds {@code new GoLongLongMap(hasher, seed, ...)} uses: seed first, then a SplittableRandom. */
    private static java.util.function.LongSupplier firstThen(long seed) {
        SplittableRandom rest = new SplittableRandom(seed);
        boolean[] used = {false};
        return () -> {
            if (!used[0]) {
                used[0] = true;
                return seed;
            }
            return rest.nextLong();
        };
    }
}
