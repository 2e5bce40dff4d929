package org.hmaplab.baselines;

import java.util.function.ObjLongConsumer;
import org.hmaplab.core.GoMapRules;
import org.hmaplab.core.LongLongConsumer;
import org.hmaplab.core.swiss.SwissLayout;
import org.hmaplab.core.swiss.SwissLongLongMap;
import org.hmaplab.core.swiss.SwissLookupStyle;
import org.hmaplab.core.swiss.SwissMap;
import org.hmaplab.core.swiss.SwissVersion;
import org.hmaplab.hash.Hasher;

/**
 * Adapters over the Swiss-table model of Go 1.24 and later: {@link SwissLongLongMap} for long keys
 * and {@link SwissMap} (a {@code java.util.Map}, so values are boxed) for String and composite
 * keys. The hasher, the seed, the lookup style and the Go version (the newest) are fixed at
 * construction; the seeds re-drawn after a delete empties the map or a clear come from a
 * {@link java.util.SplittableRandom} seeded with the construction seed, so runs repeat.
 */
final class SwissAdapters {
    private SwissAdapters() {
    }

    /** The construction seed first, then the re-drawn seeds: the classic maps' stream ({@link GoMapRules}). */
    static java.util.function.LongSupplier seeds(long seed) {
        return GoMapRules.seedsStartingWith(seed);
    }

    /** Adapter over {@link SwissLongLongMap}. */
    static final class LongLong implements LongLongMapAdapter {
        private final SwissLongLongMap map;

        LongLong(Hasher hasher, long seed, int hint, SwissLookupStyle style, SwissLayout layout) {
            map = new SwissLongLongMap(hasher, seeds(seed), hint, SwissVersion.NEWEST, style, layout);
        }

        @Override
        public long missingValue() {
            return MapRegistry.MISSING;
        }

        @Override
        public void put(long key, long value) {
            map.put(key, value, MapRegistry.MISSING);
        }

        @Override
        public long get(long key) {
            return map.get(key, MapRegistry.MISSING);
        }

        @Override
        public long remove(long key) {
            return map.remove(key, MapRegistry.MISSING);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public void forEach(LongLongConsumer action) {
            map.forEach(action);
        }
    }

    /** Adapter over {@code SwissMap<String, Long>}. */
    static final class StringLong implements StringLongMapAdapter {
        private final SwissMap<String, Long> map;

        StringLong(Hasher hasher, long seed, int hint, SwissLookupStyle style) {
            map = new SwissMap<>(hasher, seeds(seed), hint, SwissVersion.NEWEST, style);
        }

        @Override
        public long missingValue() {
            return MapRegistry.MISSING;
        }

        @Override
        public void put(String key, long value) {
            map.put(key, value);
        }

        @Override
        public long get(String key) {
            Long value = map.get(key);
            return value == null ? MapRegistry.MISSING : value;
        }

        @Override
        public long remove(String key) {
            Long value = map.remove(key);
            return value == null ? MapRegistry.MISSING : value;
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public void forEach(ObjLongConsumer<String> action) {
            map.forEach(action::accept);
        }
    }

    /** An Object -&gt; Object adapter over {@code SwissMap}. */
    static ObjectObjectMapAdapter objectObject(Hasher hasher, long seed, int hint, SwissLookupStyle style) {
        return new JavaMapAdapter(new SwissMap<>(hasher, seeds(seed), hint, SwissVersion.NEWEST, style));
    }
}
