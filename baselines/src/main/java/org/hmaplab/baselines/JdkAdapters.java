package org.hmaplab.baselines;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import org.hmaplab.core.LongLongConsumer;

/**
 * Adapters over {@link java.util.HashMap} with boxed keys and values, the reference every Java
 * programmer knows. A size hint goes through {@link HashMap#newHashMap(int)}, which takes an
 * entry count (the {@code HashMap(int)} constructor takes a table capacity).
 */
final class JdkAdapters {
    private JdkAdapters() {
    }

    private static <K, V> HashMap<K, V> newMap(int hint) {
        return hint > 0 ? HashMap.newHashMap(hint) : new HashMap<>();
    }

    /** Adapter over {@code HashMap<Long, Long>}. */
    static final class LongLong implements LongLongMapAdapter {
        private final Map<Long, Long> map;

        LongLong(int hint) {
            this(newMap(hint));
        }

        LongLong(Map<Long, Long> map) {
            this.map = map;
        }

        @Override
        public long missingValue() {
            return MapRegistry.MISSING;
        }

        @Override
        public void put(long key, long value) {
            map.put(key, value);
        }

        @Override
        public long get(long key) {
            Long value = map.get(key);
            return value == null ? MapRegistry.MISSING : value;
        }

        @Override
        public long remove(long key) {
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
        public void forEach(LongLongConsumer action) {
            map.forEach((k, v) -> action.accept(k, v));
        }
    }

    /** Adapter over {@code HashMap<String, Long>}. */
    static final class StringLong implements StringLongMapAdapter {
        private final Map<String, Long> map;

        StringLong(int hint) {
            this(newMap(hint));
        }

        StringLong(Map<String, Long> map) {
            this.map = map;
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

    /** An Object -&gt; Object adapter over {@code HashMap}. */
    static ObjectObjectMapAdapter objectObject(int hint) {
        return new JavaMapAdapter(newMap(hint));
    }
}
