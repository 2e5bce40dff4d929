package org.hmaplab.baselines;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The Object -&gt; Object adapter for every library: each of them (Eclipse Collections'
 * {@code UnifiedMap}, Agrona's {@code Object2ObjectHashMap}, fastutil's
 * {@code Object2ObjectOpenHashMap}, {@code java.util.HashMap} and our {@code GoMap}) is a
 * {@link java.util.Map}, so one adapter forwards to it. A benchmark fork builds one library's map,
 * so the calls stay monomorphic.
 */
final class JavaMapAdapter implements ObjectObjectMapAdapter {
    private final Map<Object, Object> map;

    JavaMapAdapter(Map<Object, Object> map) {
        this.map = Objects.requireNonNull(map, "map");
    }

    @Override
    public void put(Object key, Object value) {
        map.put(key, value);
    }

    @Override
    public Object get(Object key) {
        return map.get(key);
    }

    @Override
    public Object remove(Object key) {
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
    public void forEach(BiConsumer<Object, Object> action) {
        map.forEach(action);
    }
}
