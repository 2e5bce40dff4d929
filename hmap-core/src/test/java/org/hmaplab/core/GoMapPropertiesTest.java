package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.core.testing.MixingHasher;
import org.hmaplab.core.testing.RandomRuns;
import org.hmaplab.core.testing.RandomRuns.Case;
import org.junit.jupiter.api.Test;

/**
 * Random operation sequences on GoMap checked against java.util.HashMap (the independent
 * reference), with verifyInvariants() after every step and every modification. Keys are Long keys
 * chosen by their hash under IdentityHasher with seed 0 (16 low-bit buckets, a few tophash values,
 * so chains overflow and tophashes collide), or spread by MixingHasher; small key spaces make
 * the map grow, shrink to empty (reseed), and grow again many times.
 *
 * <p>Iteration with modification checks the Go guarantees (GO-MAP-SPEC.md 11.8): no entry twice,
 * an entry deleted before it is reached never returned, every entry present throughout returned
 * exactly once, the value returned is the current value.
 *
 * <p>Cases come from {@link RandomRuns}: seeded, the failing seed printed, a failing operation list
 * shrunk. Try {@code t} takes the lookup style and the hot-key cache from {@code t} in turn.
 */
class GoMapPropertiesTest {

    enum Kind { PUT, REMOVE, GET, CLEAR, ITERATE }

    record Op(Kind kind, int key, int value, long iterationSeed) {
    }

    private static final LookupStyle[] STYLES = LookupStyle.values();
    private static final int[] KEY_SPACES = {4, 12, 30, 60, 120, 300};
    /** Growth thresholds of spec 4.7: the entry counts at which a map of 2^B buckets grows. */
    private static final int[] THRESHOLDS = {9, 14, 27, 53, 105, 209, 417};

    /** An operation drawn with weights 40 put, 25 remove, 20 get, 1 clear, 4 iterate. */
    static Op randomOp(SplittableRandom rnd) {
        int w = rnd.nextInt(90);
        Kind kind = w < 40 ? Kind.PUT : w < 65 ? Kind.REMOVE : w < 85 ? Kind.GET : w < 86 ? Kind.CLEAR : Kind.ITERATE;
        return new Op(kind, rnd.nextInt(300), rnd.nextInt(-3, 1001), rnd.nextLong());
    }

    static List<Op> randomOps(SplittableRandom rnd) {
        return RandomRuns.listOf(rnd.nextInt(1, 601), rnd, GoMapPropertiesTest::randomOp);
    }

    record Params(LookupStyle style, int keySpace, boolean hotKeyCache, long seed) {
    }

    static Params params(SplittableRandom rnd, int t) {
        return new Params(STYLES[t % STYLES.length], KEY_SPACES[rnd.nextInt(KEY_SPACES.length)],
            (t / STYLES.length) % 2 == 1, rnd.nextLong());
    }

    @Test
    void behavesLikeHashMapWithCollidingKeys() {
        RandomRuns.<Params, Op>check("behavesLikeHashMapWithCollidingKeys", 80,
            (rnd, t) -> new Case<>(params(rnd, t), randomOps(rnd)),
            (p, ops) -> run(new GoMap<>(IdentityHasher.INSTANCE, () -> 0L, 0,
                MapOptions.DEFAULT.withLookupStyle(p.style()).withHotKeyCache(p.hotKeyCache())),
                ops, p.keySpace(), GoMapPropertiesTest::collidingKey));
    }

    @Test
    void behavesLikeHashMapWithSpreadKeys() {
        RandomRuns.<Params, Op>check("behavesLikeHashMapWithSpreadKeys", 60,
            (rnd, t) -> new Case<>(params(rnd, t), randomOps(rnd)),
            (p, ops) -> run(new GoMap<>(MixingHasher.INSTANCE, p.seed(), 0,
                MapOptions.DEFAULT.withLookupStyle(p.style()).withHotKeyCache(p.hotKeyCache())),
                ops, p.keySpace(), i -> (long) i - 150));
    }

    record Threshold(int threshold, int delta, long seed, LookupStyle style, boolean colliding) {
    }

    /**
     * Maps filled to just below or just above a growth threshold (9, 14, 27, 53, 105, 209, 417
     * entries, spec 4.7), so that the loop starts while a growth is in progress or starts one
     * itself, then iterated while modified (inserts, updates, deletes). Every threshold, style and
     * key kind in turn; the distance from the threshold (-6..6) and the seed at random.
     */
    @Test
    void iterationCopesWithGrowthAndModification() {
        RandomRuns.<Threshold, Integer>check("iterationCopesWithGrowthAndModification", 150,
            (rnd, t) -> new Case<>(new Threshold(THRESHOLDS[t % THRESHOLDS.length], rnd.nextInt(-6, 7),
                rnd.nextLong(), STYLES[(t / THRESHOLDS.length) % STYLES.length],
                (t / (THRESHOLDS.length * STYLES.length)) % 2 == 1), List.of()),
            (p, ignored) -> iterationAtThreshold(p.threshold(), p.delta(), p.seed(), p.style(), p.colliding()));
    }

    private static void iterationAtThreshold(int threshold, int delta, long seed, LookupStyle style,
                                             boolean colliding) {
        GoMap<Long, Integer> map = colliding
            ? new GoMap<>(IdentityHasher.INSTANCE, () -> 0L, 0, MapOptions.DEFAULT.withLookupStyle(style))
            : new GoMap<>(MixingHasher.INSTANCE, seed, 0, MapOptions.DEFAULT.withLookupStyle(style));
        KeyOf keyOf = colliding ? GoMapPropertiesTest::collidingKey : i -> (long) i * 7919 - 1000;
        int keySpace = 2 * (threshold + Math.abs(delta)) + 16;
        Map<Long, Integer> ref = new HashMap<>();
        Random random = new Random(seed);
        for (int i = 0; i < threshold + delta; i++) {
            Long k = keyOf.key(i);
            Integer v = random.nextInt(1000);
            assertEquals(ref.put(k, v), map.put(k, v));
        }
        map.verifyInvariants();
        for (int round = 0; round < 3; round++) {
            iterateWithModification(map, ref, random, keySpace, keyOf);
            map.verifyInvariants();
        }
        assertEquals(ref, map);
    }

    /** Key i: low 4 bits of the hash pick one of 16 buckets, the top byte one of 7 values (0..4 raised to 5..9). */
    static long collidingKey(int i) {
        return IdentityHasher.key(i % 16, (i / 16) % 7, i);
    }

    interface KeyOf {
        long key(int index);
    }

    private static void run(GoMap<Long, Integer> map, List<Op> ops, int keySpace, KeyOf keyOf) {
        Map<Long, Integer> ref = new HashMap<>();
        for (Op op : ops) {
            Long key = keyOf.key(op.key() % keySpace);
            Integer value = op.value() < 0 ? null : op.value();
            switch (op.kind()) {
                case PUT -> assertEquals(ref.put(key, value), map.put(key, value), "put " + key);
                case REMOVE -> assertEquals(ref.remove(key), map.remove(key), "remove " + key);
                case GET -> {
                    assertEquals(ref.get(key), map.get(key), "get " + key);
                    assertEquals(ref.containsKey(key), map.containsKey(key), "containsKey " + key);
                }
                case CLEAR -> {
                    ref.clear();
                    map.clear();
                }
                case ITERATE -> iterateWithModification(map, ref, new Random(op.iterationSeed()), keySpace, keyOf);
                default -> fail("unknown op " + op);
            }
            map.verifyInvariants();
            assertEquals(ref.size(), map.size(), "size after " + op);
        }
        assertEquals(ref, map);
        assertEquals(ref.entrySet(), map.entrySet());
        Map<Long, Integer> viaForEach = new HashMap<>();
        map.forEach((k, v) -> assertTrue(viaForEach.put(k, v) == null || v == null, "forEach gave " + k + " twice"));
        assertEquals(ref, viaForEach);
        for (Integer v : ref.values()) assertTrue(map.containsValue(v));
        assertFalse(map.containsValue(-12345));
    }

    /** One loop over the entry set, modifying the map at random as it goes; checks spec 11.8. */
    private static void iterateWithModification(GoMap<Long, Integer> map, Map<Long, Integer> ref, Random random,
                                                int keySpace, KeyOf keyOf) {
        Set<Long> presentThroughout = new HashSet<>(ref.keySet());
        Set<Long> deletedUnreached = new HashSet<>();
        Set<Long> returned = new HashSet<>();
        Set<Long> returnedOnce = new HashSet<>();
        Iterator<Map.Entry<Long, Integer>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Integer> e = it.next();
            Long k = e.getKey();
            assertFalse(deletedUnreached.contains(k), "returned " + k + " which was deleted before it was reached");
            assertTrue(returned.add(k), "returned " + k + " twice");
            assertTrue(ref.containsKey(k), "returned " + k + " which is not in the map");
            assertEquals(ref.get(k), e.getValue(), "value of " + k + " is not the current value");
            if (presentThroughout.contains(k)) assertTrue(returnedOnce.add(k));
            int action = random.nextInt(10);
            if (action == 0) {
                it.remove();
                ref.remove(k);
                presentThroughout.remove(k);
            } else if (action <= 2) {
                Long victim = keyOf.key(random.nextInt(keySpace));
                if (ref.containsKey(victim)) {
                    presentThroughout.remove(victim);
                    if (!returned.contains(victim)) deletedUnreached.add(victim);
                }
                assertEquals(ref.remove(victim), map.remove(victim));
            } else if (action <= 5) {
                Long fresh = keyOf.key(random.nextInt(keySpace));
                Integer v = random.nextInt(1000);
                if (!ref.containsKey(fresh)) {
                    deletedUnreached.remove(fresh);
                    returned.remove(fresh);
                }
                assertEquals(ref.put(fresh, v), map.put(fresh, v));
            } else if (action == 7 && random.nextInt(8) == 0) {
                for (Long gone : ref.keySet()) {
                    if (!returned.contains(gone)) deletedUnreached.add(gone);
                }
                presentThroughout.clear();
                ref.clear();
                map.clear();
            } else if (action == 6) {
                Integer v = random.nextInt(1000);
                if (random.nextBoolean()) {
                    e.setValue(v);
                    ref.put(k, v);
                } else {
                    assertEquals(ref.put(k, v), map.put(k, v));
                }
            }
            map.verifyInvariants();
        }
        Set<Long> missed = new HashSet<>(presentThroughout);
        missed.removeAll(returnedOnce);
        assertTrue(missed.isEmpty(), "entries present throughout but never returned: " + missed);
        assertTrue(Objects.equals(ref, map), "map differs from the reference after the loop");
    }
}
