package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;
import java.util.concurrent.atomic.AtomicInteger;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.core.testing.RandomRuns;
import org.hmaplab.core.testing.RandomRuns.Case;
import org.junit.jupiter.api.Test;
import org.hmaplab.hash.Hasher;

/**
 * Random operation sequences against java.util.HashMap as the model, with verifyInvariants() after
 * every step, for every lookup style, with the hot-key cache on and off. Key spaces range from 8
 * keys (constant collisions and deletes) to thousands (many growths); the IdentityHasher variant
 * forces keys into 1, 2 or 4 buckets to build long overflow chains and same-size growths.
 *
 * <p>Cases come from {@link RandomRuns}: seeded, the failing seed printed, a failing operation list
 * shrunk. Try {@code t} takes lookup style, hot-key cache and paging from {@code t} in turn (every
 * combination equally often); the other parameters are drawn at random.
 */
class GoLongLongMapPropertiesTest {
    private static final int TRIES = 100;
    /** Pages of 4 buckets: small maps cross many page boundaries. */
    private static final int SMALL_PAGE_SHIFT = 2;

    /** Each int of the script is one operation: op = x % 16, key index = x / 16 within the key space. */
    private static final LookupStyle[] STYLES = LookupStyle.values();

    /** The style, cache and paging combination of try {@code t}: all 12 in turn. */
    private static LookupStyle styleOf(int t) {
        return STYLES[t % STYLES.length];
    }

    private static boolean cacheOf(int t) {
        return (t / STYLES.length) % 2 == 1;
    }

    private static boolean pagedOf(int t) {
        return (t / (2 * STYLES.length)) % 2 == 1;
    }

    /** Returns the doubling growths of the map at the end. */
    private static long run(List<Integer> script, LookupStyle style, boolean cache, int keySpace, int keyKind,
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
        return m.stats().doublingGrowths();
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

    record Spread(LookupStyle style, boolean cache, int keySpaceLog, int hint, boolean paged) {
    }

    @Test
    void behavesLikeHashMapWithSpreadKeys() {
        AtomicInteger grew = new AtomicInteger();
        RandomRuns.<Spread, Integer>check("behavesLikeHashMapWithSpreadKeys", TRIES,
            (rnd, t) -> new Case<>(new Spread(styleOf(t), cacheOf(t), rnd.nextInt(3, 11), rnd.nextInt(-5, 61),
                pagedOf(t)), script(rnd.nextLong(), rnd.nextInt(1, 1201))),
            (p, ops) -> {
                if (run(ops, p.style(), p.cache(), 1 << p.keySpaceLog(), 0, p.hint(), p.paged()) > 0) {
                    grew.incrementAndGet();
                }
            });
        // The cases must reach growth, or they test little: most scripts are long enough to double.
        assertTrue(grew.get() >= RandomRuns.tries(TRIES) / 4, "only " + grew + " runs saw a doubling growth");
    }

    record FewBuckets(LookupStyle style, boolean cache, int keySpace, int kind, boolean paged) {
    }

    @Test
    void behavesLikeHashMapWithKeysForcedIntoFewBuckets() {
        RandomRuns.<FewBuckets, Integer>check("behavesLikeHashMapWithKeysForcedIntoFewBuckets", TRIES,
            (rnd, t) -> new Case<>(new FewBuckets(styleOf(t), cacheOf(t), rnd.nextInt(8, 201), rnd.nextInt(1, 4),
                pagedOf(t)), script(rnd.nextLong(), rnd.nextInt(1, 601))),
            (p, ops) -> run(ops, p.style(), p.cache(), p.keySpace(), p.kind(), 20, p.paged()));
    }

    record Window(int window, int bucketsLog, LookupStyle style, boolean cache, boolean paged) {
    }

    /** One step of the churn: the new key's bucket and tophash byte, and a probe. */
    record ChurnStep(int bucket, int top, int probeBucket, int probeTop, double probeAge) {
    }

    private static final int CHURN_STEPS = 1500;

    @Test
    void windowChurnMakesSameSizeGrowthsAndStaysCorrect() {
        AtomicInteger sameSize = new AtomicInteger();
        RandomRuns.<Window, ChurnStep>check("windowChurnMakesSameSizeGrowthsAndStaysCorrect", TRIES,
            (rnd, t) -> {
                Window w = new Window(rnd.nextInt(4, 41), rnd.nextInt(0, 4), styleOf(t), cacheOf(t), pagedOf(t));
                int buckets = 8 << w.bucketsLog();
                return new Case<>(w, RandomRuns.listOf(CHURN_STEPS, rnd, r -> new ChurnStep(r.nextInt(buckets),
                    r.nextInt(256), r.nextInt(buckets), r.nextInt(256), r.nextDouble())));
            },
            (w, steps) -> {
                if (windowChurn(w, steps) > 0) {
                    sameSize.incrementAndGet();
                }
            });
        // The property is about same-size growths: at least a fifth of the runs must have made one.
        assertTrue(sameSize.get() >= RandomRuns.tries(TRIES) / 5, "only " + sameSize + " runs grew at the same size");
    }

    /** Returns the same-size growths made. */
    private static long windowChurn(Window w, List<ChurnStep> steps) {
        // New keys keep arriving and the oldest leave (§10): holes are refilled only by keys of the same
        // chain and a chain gets an overflow bucket only when full, so noverflow creeps up to 2^B.
        GoLongLongMap m = new GoLongLongMap(IdentityHasher.INSTANCE, () -> 0L, 0,
            new MapOptions(w.style(), w.cache(), GoMapRules.LOAD_FACTOR_NUM, GoMapRules.LOAD_FACTOR_DEN),
            w.paged() ? SMALL_PAGE_SHIFT : GoLongLongMap.FLAT_PAGE_SHIFT);
        Map<Long, Long> model = new HashMap<>();
        java.util.ArrayDeque<Long> live = new java.util.ArrayDeque<>();
        int buckets = 8 << w.bucketsLog();
        for (int n = 0; n < steps.size(); n++) {
            ChurnStep step = steps.get(n);
            long k = IdentityHasher.key(step.bucket(), step.top(), n);
            assertEquals(-1L, m.put(k, n, -1L));
            model.put(k, (long) n);
            live.add(k);
            if (live.size() > w.window()) {
                long old = live.poll();
                assertEquals(model.remove(old), m.remove(old, -1L));
            }
            long probe = IdentityHasher.key(step.probeBucket(), step.probeTop(), (long) (step.probeAge() * (n + 1)));
            assertEquals(model.getOrDefault(probe, -1L), m.get(probe, -1L));
            if (n % 300 == 299) {
                iterateWithChanges(m, model, n, i -> IdentityHasher.key(i % buckets, 7, i + 1_000_000), 0);
                live.removeIf(key -> !model.containsKey(key));
                live.addAll(model.keySet().stream().filter(key -> !live.contains(key)).toList());
            }
            m.verifyInvariants();
        }
        assertEquals(model.size(), m.size());
        return m.stats().sameSizeGrowths();
    }

    record Styles(long seed, int keySpaceLog) {
    }

    /** One operation of the cross-check: the key and the kind (0-3 put, 4-5 remove, 6-9 get). */
    record KeyOp(long key, int op) {
    }

    @Test
    void lookupStylesTheHotKeyCacheAndPagingGiveIdenticalResultsAndStructure() {
        RandomRuns.<Styles, KeyOp>check("lookupStylesTheHotKeyCacheAndPagingGiveIdenticalResultsAndStructure", 40,
            (rnd, t) -> {
                Styles p = new Styles(rnd.nextLong(), rnd.nextInt(4, 12));
                return new Case<>(p, RandomRuns.listOf(rnd.nextInt(1, 1501), rnd,
                    r -> new KeyOp(r.nextInt(1 << p.keySpaceLog()), r.nextInt(10))));
            },
            (p, ops) -> sameAcrossStyles(p.seed(), ops));
    }

    private static void sameAcrossStyles(long seed, List<KeyOp> ops) {
        // Styles differ only in how a lookup walks a chain: with the same seed every answer, every
        // growth and every bucket is the same. Paging changes only where buckets are stored: tiny pages
        // (2 buckets), the default pages and one array give the same buckets, slot by slot.
        List<GoLongLongMap> maps = new ArrayList<>();
        for (LookupStyle style : LookupStyle.values()) {
            for (boolean cache : new boolean[] {false, true}) {
                MapOptions options = MapOptions.DEFAULT.withLookupStyle(style).withHotKeyCache(cache);
                maps.add(new GoLongLongMap(Fmix64Hasher.INSTANCE, seed, 0, options.withPaged(false)));
                maps.add(new GoLongLongMap(Fmix64Hasher.INSTANCE, seed, 0, options.withPaged(true)));
                maps.add(new GoLongLongMap(Fmix64Hasher.INSTANCE, GoMapRules.seedsStartingWith(seed), 0, options, 1));
            }
        }
        for (int i = 0; i < ops.size(); i++) {
            long k = ops.get(i).key();
            int op = ops.get(i).op();
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
}
