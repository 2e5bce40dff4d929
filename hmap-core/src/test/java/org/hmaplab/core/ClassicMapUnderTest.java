package org.hmaplab.core;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.hmaplab.hash.Hasher;

/**
 * The two implementations of the classic Go 1.19 map seen through one small interface, so that a
 * test of the Go rules (the differential replay of real Go traces, the rule contract tests) is
 * written once and runs against both: {@link GoLongLongMap} (primitive storage) and
 * {@code GoMap<Long, Long>} (boxed storage). Values are never null in these tests, so GoMap's
 * {@code null} "no previous value" maps to the caller's {@code missing}.
 */
interface ClassicMapUnderTest {

    /** Which implementation, for test names and factories. */
    enum Kind {
        /** {@link GoLongLongMap}. */
        LONG_LONG,
        /** {@code GoMap<Long, Long>}. */
        BOXED;

        /** A map of this kind with this hasher, seed source, size hint and options. */
        ClassicMapUnderTest create(Hasher hasher, LongSupplier seeds, int hint, MapOptions options) {
            return switch (this) {
                case LONG_LONG -> new LongLong(new GoLongLongMap(hasher, seeds, hint, options));
                case BOXED -> new Boxed(new GoMap<>(hasher, seeds, hint, options));
            };
        }

        /** A map of this kind with a fixed seed (later seeds drawn from it). */
        ClassicMapUnderTest create(Hasher hasher, long seed, int hint, MapOptions options) {
            return create(hasher, GoMapRules.seedsStartingWith(seed), hint, options);
        }
    }

    /** Which implementation this is. */
    Kind kind();

    /** Sets key to value; returns the previous value, or {@code missing} for a new key. */
    long put(long key, long value, long missing);

    /** The value of key, or {@code missing}. */
    long get(long key, long missing);

    /** Whether key is live. */
    boolean containsKey(long key);

    /** Deletes key; returns its value, or {@code missing} if it was absent. */
    long remove(long key, long missing);

    /** Go's mapclear. */
    void clear();

    /** Live entries. */
    int size();

    /** The O(1) header. */
    MapHeader header();

    /** The O(size) structure snapshot. */
    MapStats stats();

    /** Throws IllegalStateException when an invariant of the structure is broken. */
    void verifyInvariants();

    /** The keys in the order of one fresh iteration (which draws from the map's random stream). */
    long[] iterationOrder();

    /** The current seed (hash0). */
    default long seed() {
        return header().seed();
    }

    /** hmap.B, in O(1). */
    default int bucketBits() {
        return header().B();
    }

    /** Whether a growth is in progress, in O(1). */
    default boolean isGrowing() {
        return header().growing();
    }

    /** Doubling growths started so far, in O(1). */
    long doublingGrowthCount();

    /** Same-size growths started so far, in O(1). */
    long sameSizeGrowthCount();

    /** The tophash byte of (bucket, slot) in the current array. */
    int tophashAt(int bucket, int slot);

    /** The tophash byte of (bucket, slot) in the old array; the map must be growing. */
    int oldTophashAt(int bucket, int slot);

    /** Adapter over GoLongLongMap. */
    record LongLong(GoLongLongMap map) implements ClassicMapUnderTest {
        @Override
        public Kind kind() {
            return Kind.LONG_LONG;
        }

        @Override
        public long put(long key, long value, long missing) {
            return map.put(key, value, missing);
        }

        @Override
        public long get(long key, long missing) {
            return map.get(key, missing);
        }

        @Override
        public boolean containsKey(long key) {
            return map.containsKey(key);
        }

        @Override
        public long remove(long key, long missing) {
            return map.remove(key, missing);
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public MapHeader header() {
            return map.header();
        }

        @Override
        public MapStats stats() {
            return map.stats();
        }

        @Override
        public void verifyInvariants() {
            map.verifyInvariants();
        }

        @Override
        public long[] iterationOrder() {
            final long[] keys = new long[map.size()];
            final int[] n = new int[1];
            map.forEach((k, v) -> keys[n[0]++] = k);
            return Arrays.copyOf(keys, n[0]);
        }

        @Override
        public long doublingGrowthCount() {
            return map.doublingGrowthCount();
        }

        @Override
        public long sameSizeGrowthCount() {
            return map.sameSizeGrowthCount();
        }

        @Override
        public int tophashAt(int bucket, int slot) {
            return map.tophashAt(bucket, slot);
        }

        @Override
        public int oldTophashAt(int bucket, int slot) {
            return map.oldTophashAt(bucket, slot);
        }
    }

    /** Adapter over GoMap&lt;Long, Long&gt;. */
    record Boxed(GoMap<Long, Long> map) implements ClassicMapUnderTest {
        @Override
        public Kind kind() {
            return Kind.BOXED;
        }

        @Override
        public long put(long key, long value, long missing) {
            final Long old = map.put(key, value);
            return old == null ? missing : old;
        }

        @Override
        public long get(long key, long missing) {
            final Long v = map.get(key);
            return v == null ? missing : v;
        }

        @Override
        public boolean containsKey(long key) {
            return map.containsKey(key);
        }

        @Override
        public long remove(long key, long missing) {
            final Long old = map.remove(key);
            return old == null ? missing : old;
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public MapHeader header() {
            return map.header();
        }

        @Override
        public MapStats stats() {
            return map.stats();
        }

        @Override
        public void verifyInvariants() {
            map.verifyInvariants();
        }

        @Override
        public long[] iterationOrder() {
            final long[] keys = new long[map.size()];
            final int[] n = new int[1];
            map.forEach((k, v) -> keys[n[0]++] = k);
            return Arrays.copyOf(keys, n[0]);
        }

        @Override
        public long doublingGrowthCount() {
            return map.doublingGrowthCount();
        }

        @Override
        public long sameSizeGrowthCount() {
            return map.sameSizeGrowthCount();
        }

        @Override
        public int tophashAt(int bucket, int slot) {
            return map.tophashAt(bucket, slot);
        }

        @Override
        public int oldTophashAt(int bucket, int slot) {
            return map.oldTophashAt(bucket, slot);
        }
    }
}
