package org.hmaplab.baselines;

import java.util.function.ObjLongConsumer;

/**
 * A String -> long map as the benchmarks see it (see {@link LongLongMapAdapter} for the
 * conventions: a sentinel {@link #missingValue()}, a {@code put} that returns nothing).
 * Maps that only exist with boxed values ({@code GoMap}, {@code java.util.HashMap}) box here.
 */
public interface StringLongMapAdapter {

    /** The value {@link #get} and {@link #remove} return for an absent key; never stored. */
    long missingValue();

    /** Associates {@code value} with {@code key}, replacing any previous value. */
    void put(String key, long value);

    /** The value of {@code key}, or {@link #missingValue()} when absent. */
    long get(String key);

    /** Removes {@code key}; returns its value, or {@link #missingValue()} when it was absent. */
    long remove(String key);

    /** The number of entries. */
    int size();

    /** Removes every entry. */
    void clear();

    /** Calls {@code action} once for every entry, in the map's own order. */
    void forEach(ObjLongConsumer<String> action);
}
