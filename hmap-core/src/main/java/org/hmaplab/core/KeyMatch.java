package org.hmaplab.core;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Which of a bucket's 8 key slots hold a given key: a bit mask, bit i for slot i. This is the key
 * comparison of Go's fast path for 8-byte keys (map_fast64.go: compare every slot's key, then check
 * the slot is not empty), done for all 8 slots at once instead of in a loop. The loop's exit after a
 * hit lands on a random slot, a branch the CPU mispredicts on most lookups; one vector compare and
 * a count of trailing zeros have no such branch.
 *
 * <p>The implementation is chosen once, from the Vector API's preferred vector size on this
 * machine: one 512-bit compare (AVX-512), two 256-bit compares (AVX2), else the scalar loop. The
 * system property {@code hmap.vectorLookup=false} forces the scalar loop (to measure the
 * difference). All three give the same mask.
 */
final class KeyMatch {
    private KeyMatch() {
    }

    /** Slots per bucket. */
    private static final int SLOTS = GoMapRules.BUCKET_SIZE;
    private static final VectorSpecies<Long> ALL_SLOTS = LongVector.SPECIES_512;
    private static final VectorSpecies<Long> HALF_SLOTS = LongVector.SPECIES_256;
    private static final int HALF = SLOTS / 2;

    /** Implementations. */
    static final int SCALAR = 0;
    static final int TWO_VECTORS = 1;
    static final int ONE_VECTOR = 2;

    /** The implementation in use. */
    static final int MODE = chooseMode();

    private static int chooseMode() {
        if (!Boolean.parseBoolean(System.getProperty("hmap.vectorLookup", "true"))) {
            return SCALAR;
        }
        final int lanes = LongVector.SPECIES_PREFERRED.length();
        return lanes >= SLOTS ? ONE_VECTOR : lanes >= HALF ? TWO_VECTORS : SCALAR;
    }

    /** Bit i set when {@code page[at + i] == key}, i in 0..7. */
    static long slots(long[] page, int at, long key) {
        if (MODE == ONE_VECTOR) {
            return oneVector(page, at, key);
        } else if (MODE == TWO_VECTORS) {
            return twoVectors(page, at, key);
        }
        return scalar(page, at, key);
    }

    static long oneVector(long[] page, int at, long key) {
        return LongVector.fromArray(ALL_SLOTS, page, at).eq(key).toLong();
    }

    static long twoVectors(long[] page, int at, long key) {
        return LongVector.fromArray(HALF_SLOTS, page, at).eq(key).toLong()
            | LongVector.fromArray(HALF_SLOTS, page, at + HALF).eq(key).toLong() << HALF;
    }

    static long scalar(long[] page, int at, long key) {
        long m = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (page[at + i] == key) {
                m |= 1L << i;
            }
        }
        return m;
    }
}
