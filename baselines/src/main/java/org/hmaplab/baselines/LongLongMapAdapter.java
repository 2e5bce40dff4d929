package org.hmaplab.baselines;

import org.hmaplab.core.LongLongConsumer;

/**
 * A long -> long map as the benchmarks see it: the smallest common surface of our
 * {@code GoLongLongMap} and the peers' primitive maps, so that one benchmark body measures all
 * of them.
 *
 * <p>Absent keys are reported with {@link #missingValue()}, a sentinel the adapter chooses
 * (Agrona needs one at construction); a value equal to it must not be stored. {@code put}
 * returns nothing because Eclipse Collections' {@code put} does not report the previous value,
 * and asking for it would cost that peer a second lookup in every put benchmark.
 */
public interface LongLongMapAdapter {

    /** The value {@link #get} and {@link #remove} return for an absent key; never stored. */
    long missingValue();

    /** Associates {@code value} with {@code key}, replacing any previous value. */
    void put(long key, long value);

    /** The value of {@code key}, or {@link #missingValue()} when absent. */
    long get(long key);

    /** Removes {@code key}; returns its value, or {@link #missingValue()} when it was absent. */
    long remove(long key);

    /** The number of entries. */
    int size();

    /** Removes every entry. */
    void clear();

    /** Calls {@code action} once for every entry, in the map's own order. */
    void forEach(LongLongConsumer action);
}
