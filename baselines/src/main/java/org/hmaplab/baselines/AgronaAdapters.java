package org.hmaplab.baselines;

import java.util.function.ObjLongConsumer;
import org.agrona.collections.Hashing;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2LongHashMap;
import org.agrona.collections.Object2ObjectHashMap;
import org.hmaplab.core.LongLongConsumer;

/**
 * Adapters over Agrona: {@link Long2LongHashMap} and {@link Object2LongHashMap} (both built with
 * the missing value {@link MapRegistry#MISSING}, which they use to mark empty slots, so it can never
 * be stored) and {@link Object2ObjectHashMap}. Agrona's constructors take a table capacity, not
 * an entry count: a size hint {@code n} asks for {@code ceil(n / loadFactor)} slots so that
 * {@code n} entries fit without a resize, as the other peers' hints do.
 */
final class AgronaAdapters {
    private AgronaAdapters() {
    }

    /** Agrona's default initial capacity (its no-hint constructors use the same figure). */
    private static final int DEFAULT_CAPACITY = 8;

    static int capacityFor(int hint) {
        if (hint <= 0) {
            return DEFAULT_CAPACITY;
        }
        return (int) Math.min(1 << 30, (long) Math.ceil(hint / (double) Hashing.DEFAULT_LOAD_FACTOR));
    }

    /** Adapter over {@link Long2LongHashMap}. */
    static final class LongLong implements LongLongMapAdapter {
        private final Long2LongHashMap map;

        LongLong(int hint) {
            map = new Long2LongHashMap(capacityFor(hint), Hashing.DEFAULT_LOAD_FACTOR, MapRegistry.MISSING);
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
            return map.get(key);
        }

        @Override
        public long remove(long key) {
            return map.remove(key);
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
            map.forEachLong(action::accept);
        }
    }

    /** Adapter over {@code Object2LongHashMap<String>}. */
    static final class StringLong implements StringLongMapAdapter {
        private final Object2LongHashMap<String> map;

        StringLong(int hint) {
            map = new Object2LongHashMap<>(capacityFor(hint), Hashing.DEFAULT_LOAD_FACTOR, MapRegistry.MISSING);
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
            return map.getValue(key);
        }

        @Override
        public long remove(String key) {
            return map.removeKey(key);
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
            map.forEachLong(action::accept);
        }
    }

    /** An Object -&gt; Object adapter over {@code Object2ObjectHashMap}. */
    static ObjectObjectMapAdapter objectObject(int hint) {
        return new JavaMapAdapter(new Object2ObjectHashMap<>(capacityFor(hint), Hashing.DEFAULT_LOAD_FACTOR));
    }
}
