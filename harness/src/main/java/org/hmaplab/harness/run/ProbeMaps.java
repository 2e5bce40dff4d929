package org.hmaplab.harness.run;

import org.hmaplab.baselines.CompositeKey;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.bench.KeyKind;
import org.hmaplab.harness.bench.KeySets;

/**
 * Keys and maps for the child-JVM probes ({@link InsertLatencyProbe}, {@link MemoryProbe}): the
 * same keys as the JMH benchmarks (same generator, same seed) and the same registry.
 */
final class ProbeMaps {
    private ProbeMaps() {
    }

    /** {@code size} keys of {@code kind}: a long[], String[] or CompositeKey[]. */
    static Object keys(KeyKind kind, int size) {
        return switch (kind.family()) {
            case LONG -> KeySets.longs(kind, size);
            case STRING -> KeySets.strings(kind.length(), size);
            case COMPOSITE -> KeySets.composites(size);
        };
    }

    /** A map of {@code impl} filled (no size hint) with all {@code keys}; the adapter object. */
    static Object filled(String impl, String hasher, KeyKind kind, Object keys) {
        switch (kind.family()) {
            case LONG -> {
                var map = MapRegistry.longLong(impl, hasher, 0);
                long[] k = (long[]) keys;
                for (int i = 0; i < k.length; i++) {
                    map.put(k[i], i);
                }
                check(map.size(), k.length, impl);
                return map;
            }
            case STRING -> {
                var map = MapRegistry.stringLong(impl, hasher, 0);
                String[] k = (String[]) keys;
                for (int i = 0; i < k.length; i++) {
                    map.put(k[i], i);
                }
                check(map.size(), k.length, impl);
                return map;
            }
            case COMPOSITE -> {
                var map = MapRegistry.objectObject(impl, hasher, 0);
                CompositeKey[] k = (CompositeKey[]) keys;
                for (CompositeKey key : k) {
                    map.put(key, key);
                }
                check(map.size(), k.length, impl);
                return map;
            }
            default -> throw new IllegalStateException("family " + kind.family());
        }
    }

    private static void check(int actual, int expected, String impl) {
        if (actual != expected) {
            throw new IllegalStateException(impl + " holds " + actual + " entries after " + expected
                + " distinct puts");
        }
    }
}
