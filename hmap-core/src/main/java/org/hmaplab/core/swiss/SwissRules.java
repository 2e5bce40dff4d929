package org.hmaplab.core.swiss;

/**
 * The numbers and sizing rules of Go's Swiss map that both Java maps share, each with its place in
 * Go 1.24's {@code internal/runtime/maps} (the same in 1.26 and 1.27 unless said).
 */
final class SwissRules {
    private SwissRules() {
    }

    /** Largest table before it splits (table.go:20 maxTableCapacity). */
    static final int MAX_TABLE_CAPACITY = 1024;
    /** Load factor numerator over {@link SwissCtrl#SLOTS} (group.go:20 maxAvgGroupLoad = 7, i.e. 7/8). */
    static final int MAX_AVG_GROUP_LOAD = 7;
    /** Capacity of the table a small map grows into (map.go:601 growToTable: 2 * 8). */
    static final int FIRST_TABLE_CAPACITY = 2 * SwissCtrl.SLOTS;
    /** Largest directory depth this Java model supports (directory arrays are int-indexed). */
    static final int MAX_GLOBAL_DEPTH = 30;
    /** Bits of a hash. */
    static final int HASH_BITS = 64;
    /** Tombstone pruning threshold: tombstones (and freeable slots) at least capacity / 10 (table.go, 1.26). */
    static final int PRUNE_DIVISOR = 10;

    /** alignUpPow2 (group.go:261): the next power of two at or above n; 0 for 0. */
    static long alignUpPow2(long n) {
        if (n <= 1) {
            return n;
        }
        return Long.highestOneBit(n - 1) << 1;
    }

    /** newTable's capacity rule (table.go:74-95): at least 8, at most 1024, rounded up to a power of two. */
    static int tableCapacity(long requested) {
        long c = Math.max(requested, SwissCtrl.SLOTS);
        if (c > MAX_TABLE_CAPACITY) {
            throw new IllegalStateException("initial table capacity too large");
        }
        return (int) alignUpPow2(c);
    }

    /** maxGrowthLeft / resetGrowthLeft (table.go:115-137): capacity - 1 for one group, else 7/8 of it. */
    static int maxGrowthLeft(int capacity) {
        if (capacity <= SwissCtrl.SLOTS) {
            return capacity - 1;
        }
        return capacity * MAX_AVG_GROUP_LOAD / SwissCtrl.SLOTS;
    }

    /** table.tombstones (table.go:489): capacity*7/8 - used - growthLeft. */
    static int tombstones(int capacity, int used, int growthLeft) {
        return capacity * MAX_AVG_GROUP_LOAD / SwissCtrl.SLOTS - used - growthLeft;
    }

    /** NewMap (map.go:284): the slots a hint asks for, hint * 8 / 7; negative hints count as 0 (makemap). */
    static long targetCapacity(int hint) {
        return (long) Math.max(hint, 0) * SwissCtrl.SLOTS / MAX_AVG_GROUP_LOAD;
    }

    /** NewMap (map.go:289-290): the directory size for a hint above 8. */
    static long directorySize(long targetCapacity) {
        return alignUpPow2((targetCapacity + MAX_TABLE_CAPACITY - 1) / MAX_TABLE_CAPACITY);
    }

    /** localDepthMask (table.go:1035): the hash bit that splits a table of this (new) local depth. */
    static long localDepthMask(int localDepth) {
        return 1L << (HASH_BITS - localDepth);
    }

    /** directoryIndex (map.go:329): the top globalDepth bits of the hash (0 for a one-entry directory). */
    static int directoryIndex(long hash, int dirLen, int globalDepth) {
        return dirLen == 1 ? 0 : (int) (hash >>> (HASH_BITS - globalDepth));
    }
}
