package org.hmaplab.baselines;

import java.util.function.ObjLongConsumer;
import org.hmaplab.core.GoLongLongMap;
import org.hmaplab.core.GoMap;
import org.hmaplab.core.LongLongConsumer;
import org.hmaplab.core.MapOptions;
import org.hmaplab.hash.Hasher;

/**
 * Adapters over our Go-style maps: {@link GoLongLongMap} for long keys and {@link GoMap} (a
 * {@code java.util.Map}, so values are boxed) for String and composite keys. The hasher, the
 * seed and the {@link MapOptions} (lookup style, hot-key cache) are fixed at construction.
 */
final class GoAdapters {
    private GoAdapters() {
    }

    /** Adapter over {@link GoLongLongMap}. */
    static final class LongLong implements LongLongMapAdapter {
        private final GoLongLongMap map;

        LongLong(Hasher hasher, long seed, int hint, MapOptions options) {
            map = new GoLongLongMap(hasher, seed, hint, options);
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

    /** Adapter over {@code GoMap<String, Long>}. */
    static final class StringLong implements StringLongMapAdapter {
        private final GoMap<String, Long> map;

        StringLong(Hasher hasher, long seed, int hint, MapOptions options) {
            map = new GoMap<>(hasher, seed, hint, options);
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

    /** An Object -&gt; Object adapter over {@code GoMap}. */
    static ObjectObjectMapAdapter objectObject(Hasher hasher, long seed, int hint, MapOptions options) {
        return new JavaMapAdapter(new GoMap<>(hasher, seed, hint, options));
    }
}
