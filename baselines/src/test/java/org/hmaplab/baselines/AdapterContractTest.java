package org.hmaplab.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract every adapter in {@link MapRegistry} must keep, so that no benchmark measures
 * a broken map: random puts, updates, gets, removes and clears, checked against a
 * {@link java.util.HashMap} model after every step, with forEach compared to the model at
 * intervals. The key pools hold the awkward keys on purpose: 0, negatives, Long.MIN_VALUE
 * (which is also the adapters' missing value) and Long.MAX_VALUE; equal-but-not-identical
 * String and record keys. Enough distinct keys are used that every map grows several times.
 * Our maps run once per hasher, with and without a size hint.
 */
class AdapterContractTest {

    private static final int DISTINCT_KEYS = 2_000;
    private static final int OPERATIONS = 12_000;
    private static final int FOR_EACH_CHECK_INTERVAL = 1_500;
    private static final int CLEAR_AT = OPERATIONS / 2;

    /** The Go map that is run once with every hasher (the others run with the first hasher). */
    private static final String EVERY_HASHER_MAP = "go-swar";

    /**
     * (implementation, hasher, size hint): every implementation without and with a size hint;
     * ours with the first registered hasher, and {@link #EVERY_HASHER_MAP} with every hasher.
     */
    static Stream<Arguments> cases(List<String> impls) {
        List<Arguments> cases = new ArrayList<>();
        String firstHasher = Hashers.names().get(0);
        for (String impl : impls) {
            String hasher = MapRegistry.isGo(impl) ? firstHasher : MapRegistry.NO_HASHER;
            cases.add(Arguments.of(impl, hasher, 0));
            cases.add(Arguments.of(impl, hasher, DISTINCT_KEYS));
        }
        for (String hasher : Hashers.names().subList(1, Hashers.names().size())) {
            cases.add(Arguments.of(EVERY_HASHER_MAP, hasher, 0));
        }
        return cases.stream();
    }

    static Stream<Arguments> longCases() {
        return cases(MapRegistry.names());
    }

    static Stream<Arguments> objectCases() {
        return cases(MapRegistry.names());
    }

    private static long[] longKeyPool(SplittableRandom random) {
        long[] pool = new long[DISTINCT_KEYS];
        long[] special = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
            MapRegistry.MISSING, 1L << 20, 2L << 20, 3L << 20};
        System.arraycopy(special, 0, pool, 0, special.length);
        for (int i = special.length; i < pool.length; i++) {
            pool[i] = (i % 3 == 0) ? -i : (i % 3 == 1) ? random.nextLong() : ((long) i << 20);
        }
        return pool;
    }

    private static long randomValue(SplittableRandom random, long missing) {
        long value;
        do {
            value = random.nextInt(4) == 0 ? random.nextInt(3) - 1 : random.nextLong();
        } while (value == missing);
        return value;
    }

    @ParameterizedTest(name = "{0} hasher={1} hint={2}")
    @MethodSource("longCases")
    void longLongAdapterBehavesLikeHashMap(String impl, String hasher, int hint) {
        SplittableRandom random = new SplittableRandom(42);
        long[] pool = longKeyPool(random);
        LongLongMapAdapter map = MapRegistry.longLong(impl, hasher, hint);
        long missing = map.missingValue();
        Map<Long, Long> model = new HashMap<>();
        for (int op = 0; op < OPERATIONS; op++) {
            long key = pool[random.nextInt(pool.length)];
            String where = impl + " op " + op + " key " + key;
            int kind = random.nextInt(10);
            if (op == CLEAR_AT) {
                map.clear();
                model.clear();
            } else if (kind < 5) {
                long value = randomValue(random, missing);
                map.put(key, value);
                model.put(key, value);
            } else if (kind < 8) {
                Long expected = model.get(key);
                assertEquals(expected == null ? missing : expected, map.get(key), where);
            } else {
                Long expected = model.remove(key);
                assertEquals(expected == null ? missing : expected, map.remove(key), where);
            }
            assertEquals(model.size(), map.size(), where);
            if (op % FOR_EACH_CHECK_INTERVAL == 0) {
                Map<Long, Long> seen = new HashMap<>();
                map.forEach((k, v) -> assertNull(seen.put(k, v), "forEach returned key " + k + " twice"));
                assertEquals(model, seen, where);
            }
        }
        for (long key : pool) {
            Long expected = model.get(key);
            assertEquals(expected == null ? missing : expected, map.get(key), impl + " final key " + key);
        }
    }

    @ParameterizedTest(name = "{0} hasher={1} hint={2}")
    @MethodSource("objectCases")
    void stringLongAdapterBehavesLikeHashMap(String impl, String hasher, int hint) {
        SplittableRandom random = new SplittableRandom(43);
        String[] pool = new String[DISTINCT_KEYS];
        pool[0] = "";
        pool[1] = "\u00e9t\u00e9 \ud83d\ude00";
        for (int i = 2; i < pool.length; i++) {
            pool[i] = "key-" + Long.toHexString(random.nextLong()).substring(0, 1 + random.nextInt(15)) + i;
        }
        StringLongMapAdapter map = MapRegistry.stringLong(impl, hasher, hint);
        long missing = map.missingValue();
        Map<String, Long> model = new HashMap<>();
        for (int op = 0; op < OPERATIONS; op++) {
            // a fresh String each time: lookups must go by equals, not identity
            String key = new String(pool[random.nextInt(pool.length)].toCharArray());
            String where = impl + " op " + op + " key " + key;
            int kind = random.nextInt(10);
            if (op == CLEAR_AT) {
                map.clear();
                model.clear();
            } else if (kind < 5) {
                long value = randomValue(random, missing);
                map.put(key, value);
                model.put(key, value);
            } else if (kind < 8) {
                Long expected = model.get(key);
                assertEquals(expected == null ? missing : expected, map.get(key), where);
            } else {
                Long expected = model.remove(key);
                assertEquals(expected == null ? missing : expected, map.remove(key), where);
            }
            assertEquals(model.size(), map.size(), where);
            if (op % FOR_EACH_CHECK_INTERVAL == 0) {
                Map<String, Long> seen = new HashMap<>();
                map.forEach((k, v) -> assertNull(seen.put(k, v), "forEach returned key " + k + " twice"));
                assertEquals(model, seen, where);
            }
        }
    }

    @ParameterizedTest(name = "{0} hasher={1} hint={2}")
    @MethodSource("objectCases")
    void objectObjectAdapterBehavesLikeHashMap(String impl, String hasher, int hint) {
        SplittableRandom random = new SplittableRandom(44);
        CompositeKey[] pool = new CompositeKey[DISTINCT_KEYS];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new CompositeKey("n" + (i % 97), i % 120, i % 5 == 0 ? -i : random.nextLong());
        }
        pool[1] = new CompositeKey("n1", 0, Long.MIN_VALUE);
        pool[2] = new CompositeKey("n2", -1, Long.MAX_VALUE);
        ObjectObjectMapAdapter map = MapRegistry.objectObject(impl, hasher, hint);
        Map<Object, Object> model = new HashMap<>();
        for (int op = 0; op < OPERATIONS; op++) {
            CompositeKey original = pool[random.nextInt(pool.length)];
            CompositeKey key = new CompositeKey(original.name(), original.age(), original.id());
            String where = impl + " op " + op + " key " + key;
            int kind = random.nextInt(10);
            if (op == CLEAR_AT) {
                map.clear();
                model.clear();
            } else if (kind < 5) {
                Long value = random.nextLong();
                map.put(key, value);
                model.put(key, value);
            } else if (kind < 8) {
                assertEquals(model.get(key), map.get(key), where);
            } else {
                assertEquals(model.remove(key), map.remove(key), where);
            }
            assertEquals(model.size(), map.size(), where);
            if (op % FOR_EACH_CHECK_INTERVAL == 0) {
                Map<Object, Object> seen = new HashMap<>();
                map.forEach((k, v) -> assertNull(seen.put(k, v), "forEach returned key " + k + " twice"));
                assertEquals(model, seen, where);
            }
        }
    }

    @Test
    void unknownImplementationIsRejectedWithTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MapRegistry.longLong("trove", "fnv1a", 0));
        assertTrue(e.getMessage().contains("'trove'"), e.getMessage());
        for (String name : MapRegistry.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage() + " should list " + name);
        }
    }

    @Test
    void cachedGoMapsExistForEveryKeyKindWithTheCacheOn() {
        assertTrue(MapRegistry.goOptions("go-swar-cache").hotKeyCache());
        StringLongMapAdapter s = MapRegistry.stringLong("go-swar-cache", "fnv1a", 0);
        s.put("k", 7L);
        assertEquals(7L, s.get("k"));
        ObjectObjectMapAdapter o = MapRegistry.objectObject("go-generic-cache", "fnv1a", 0);
        o.put("k", "v");
        assertEquals("v", o.get("k"));
    }

    @Test
    void ourMapsNeedAKnownHasher() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MapRegistry.longLong("go-swar", "md5", 0));
        assertTrue(e.getMessage().contains("'md5'") && e.getMessage().contains("fnv1a"), e.getMessage());
    }

    @Test
    void namesAreLowerCaseAndStartWithTheLibrary() {
        assertEquals(List.of("go-generic", "go-generic-cache", "go-fast64", "go-fast64-cache", "go-swar",
            "go-swar-cache", "swiss-swar", "swiss-swar-ctrlfirst", "swiss-vector", "swiss-vector-ctrlfirst", "eclipse",
            "agrona", "fastutil", "jdk"),
            MapRegistry.names().stream().filter(n -> !MapRegistry.isExtension(n)).toList()); // built-in ones
        assertEquals("vector", MapRegistry.lookupStyle("swiss-vector"));
        assertEquals("swar-ctrlfirst", MapRegistry.lookupStyle("swiss-swar-ctrlfirst"));
        assertTrue(MapRegistry.isLongKeyOnly("swiss-swar-ctrlfirst") && !MapRegistry.isLongKeyOnly("swiss-swar"));
        assertTrue(MapRegistry.isGo("swiss-swar") && MapRegistry.isSwiss("swiss-swar"));
        assertFalse(MapRegistry.isSwiss("go-swar"));
        assertEquals("swar", MapRegistry.lookupStyle("go-swar-cache"));
        assertEquals(MapRegistry.NO_LOOKUP_STYLE, MapRegistry.lookupStyle("agrona"));
        assertTrue(MapRegistry.goOptions("go-fast64-cache").hotKeyCache());
    }
}
