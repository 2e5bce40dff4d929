package org.hmaplab.baselines;

import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongMaps;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongMaps;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.util.function.ObjLongConsumer;
import org.hmaplab.core.LongLongConsumer;

/**
 * Adapters over fastutil: {@link Long2LongOpenHashMap}, {@link Object2LongOpenHashMap} and
 * {@link Object2ObjectOpenHashMap}. The default return value is set to {@link MapRegistry#MISSING};
 * the int constructors take an expected entry count. Iteration uses fastutil's
 * {@code fastForEach}, which reuses one entry object instead of allocating one per entry.
 */
final class FastutilAdapters {
    private FastutilAdapters() {
    }

    /** Adapter over {@link Long2LongOpenHashMap}. */
    static final class LongLong implements LongLongMapAdapter {
        private final Long2LongOpenHashMap map;

        LongLong(int hint) {
            map = hint > 0 ? new Long2LongOpenHashMap(hint) : new Long2LongOpenHashMap();
            map.defaultReturnValue(MapRegistry.MISSING);
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
            Long2LongMaps.fastForEach(map, (Long2LongMap.Entry e) -> action.accept(e.getLongKey(), e.getLongValue()));
        }
    }

    /** Adapter over {@code Object2LongOpenHashMap<String>}. */
    static final class StringLong implements StringLongMapAdapter {
        private final Object2LongOpenHashMap<String> map;

        StringLong(int hint) {
            map = hint > 0 ? new Object2LongOpenHashMap<>(hint) : new Object2LongOpenHashMap<>();
            map.defaultReturnValue(MapRegistry.MISSING);
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
            return map.getLong(key);
        }

        @Override
        public long remove(String key) {
            return map.removeLong(key);
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
            Object2LongMaps.fastForEach(map, (Object2LongMap.Entry<String> e) ->
                action.accept(e.getKey(), e.getLongValue()));
        }
    }

    /** An Object -&gt; Object adapter over {@code Object2ObjectOpenHashMap}. */
    static ObjectObjectMapAdapter objectObject(int hint) {
        return new JavaMapAdapter(hint > 0 ? new Object2ObjectOpenHashMap<>(hint) : new Object2ObjectOpenHashMap<>());
    }
}
