package org.hmaplab.baselines;

import java.util.function.BiConsumer;

/**
 * An Object -> Object map as the benchmarks see it, used for the composite record key
 * ({@link CompositeKey}). Absent keys read as {@code null}; {@code null} keys and values are not
 * used. {@code put} returns nothing, as in {@link LongLongMapAdapter}.
 */
public interface ObjectObjectMapAdapter {

    /** Associates {@code value} with {@code key}, replacing any previous value. */
    void put(Object key, Object value);

    /** The value of {@code key}, or {@code null} when absent. */
    Object get(Object key);

    /** Removes {@code key}; returns its value, or {@code null} when it was absent. */
    Object remove(Object key);

    /** The number of entries. */
    int size();

    /** Removes every entry. */
    void clear();

    /** Calls {@code action} once for every entry, in the map's own order. */
    void forEach(BiConsumer<Object, Object> action);
}
