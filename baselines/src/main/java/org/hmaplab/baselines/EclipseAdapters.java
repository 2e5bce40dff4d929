package org.hmaplab.baselines;

import java.util.function.ObjLongConsumer;
import org.eclipse.collections.impl.map.mutable.UnifiedMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;
import org.hmaplab.core.LongLongConsumer;

/**
 * Adapters over Eclipse Collections: {@link LongLongHashMap}, {@link ObjectLongHashMap} and
 * {@link UnifiedMap}. Their int constructors take an expected entry count, which is what a size
 * hint means here; a hint of 0 uses the default constructor.
 */
final class EclipseAdapters {
    private EclipseAdapters() {
    }

    /** Adapter over {@link LongLongHashMap}. */
    static final class LongLong implements LongLongMapAdapter {
        private final LongLongHashMap map;

        LongLong(int hint) {
            map = hint > 0 ? new LongLongHashMap(hint) : new LongLongHashMap();
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
            return map.getIfAbsent(key, MapRegistry.MISSING);
        }

        @Override
        public long remove(long key) {
            return map.removeKeyIfAbsent(key, MapRegistry.MISSING);
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
            map.forEachKeyValue(action::accept);
        }
    }

    /** Adapter over {@code ObjectLongHashMap<String>}. */
    static final class StringLong implements StringLongMapAdapter {
        private final ObjectLongHashMap<String> map;

        StringLong(int hint) {
            map = hint > 0 ? new ObjectLongHashMap<>(hint) : new ObjectLongHashMap<>();
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
            return map.getIfAbsent(key, MapRegistry.MISSING);
        }

        @Override
        public long remove(String key) {
            return map.removeKeyIfAbsent(key, MapRegistry.MISSING);
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
            map.forEachKeyValue(action::accept);
        }
    }

    /** An Object -&gt; Object adapter over {@code UnifiedMap}. */
    static ObjectObjectMapAdapter objectObject(int hint) {
        return new JavaMapAdapter(hint > 0 ? new UnifiedMap<>(hint) : new UnifiedMap<>());
    }
}
