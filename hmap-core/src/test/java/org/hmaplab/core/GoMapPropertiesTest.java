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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hmaplab.core.testing.IdentityHasher;
import org.hmaplab.core.testing.MixingHasher;

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
 */
class GoMapPropertiesTest {

    enum Kind { PUT, REMOVE, GET, CLEAR, ITERATE }

    record Op(Kind kind, int key, int value, long iterationSeed) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(40, Arbitraries.just(Kind.PUT)),
            net.jqwik.api.Tuple.of(25, Arbitraries.just(Kind.REMOVE)),
            net.jqwik.api.Tuple.of(20, Arbitraries.just(Kind.GET)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.CLEAR)),
            net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.ITERATE)));
        Arbitrary<Op> op = Combinators.combine(kinds, Arbitraries.integers().between(0, 299),
                Arbitraries.integers().between(-3, 1000), Arbitraries.longs())
            .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(600);
    }

    @Property(tries = 80)
    void behavesLikeHashMapWithCollidingKeys(@ForAll("ops") List<Op> ops, @ForAll LookupStyle style,
                                              @ForAll("keySpaces") int keySpace, @ForAll boolean hotKeyCache) {
        GoMap<Long, Integer> map = new GoMap<>(IdentityHasher.INSTANCE, () -> 0L, 0,
            MapOptions.DEFAULT.withLookupStyle(style).withHotKeyCache(hotKeyCache));
        run(map, ops, keySpace, GoMapPropertiesTest::collidingKey);
    }

    @Property(tries = 60)
    void behavesLikeHashMapWithSpreadKeys(@ForAll("ops") List<Op> ops, @ForAll LookupStyle style,
                                          @ForAll("keySpaces") int keySpace, @ForAll long seed,
                                          @ForAll boolean hotKeyCache) {
        GoMap<Long, Integer> map = new GoMap<>(MixingHasher.INSTANCE, seed, 0,
            MapOptions.DEFAULT.withLookupStyle(style).withHotKeyCache(hotKeyCache));
        run(map, ops, keySpace, i -> (long) i - 150);
    }

    /**
     * Maps filled to just below or just above a growth threshold (9, 14, 27, 53, 105, 209, 417
     * entries, spec 4.7), so that the loop starts while a growth is in progress or starts one
     * itself, then iterated while modified (inserts, updates, deletes).
     */
    @Property(tries = 150)
    void iterationCopesWithGrowthAndModification(@ForAll("thresholds") int threshold,
                                                 @ForAll("deltas") int delta, @ForAll long seed,
                                                 @ForAll LookupStyle style, @ForAll boolean colliding) {
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

    @Provide
    Arbitrary<Integer> thresholds() {
        return Arbitraries.of(9, 14, 27, 53, 105, 209, 417);
    }

    @Provide
    Arbitrary<Integer> deltas() {
        return Arbitraries.integers().between(-6, 6);
    }

    @Provide
    Arbitrary<Integer> keySpaces() {
        return Arbitraries.of(4, 12, 30, 60, 120, 300);
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
