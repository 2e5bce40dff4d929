package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.Arrays;
import java.util.List;
import org.hmaplab.core.GoLongLongMap;
import org.hmaplab.core.MapOptions;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;

/** The crafted keys of the hash-flooding study really collide, and only for the seed they were made for. */
class HashFloodingStudyTest {

    private static int longestChain(GoLongLongMap m) {
        return m.stats().chainLengthHistogram().size() - 1;
    }

    @Test
    void keysCraftedForSeedAFormOneChainUnderSeedAButNotUnderAnotherSeed() {
        final Hasher h = Hashers.byName("wyhash");
        final long[] keys = HashFloodingStudy.collidingLongs(h, 7, 6, 256);
        final GoLongLongMap attacked = new GoLongLongMap(h, 7, 0, MapOptions.DEFAULT);
        final GoLongLongMap other = new GoLongLongMap(h, 8, 0, MapOptions.DEFAULT);
        for (long k : keys) {
            assertEquals(0, h.hashLong(k, 7) & 63);
            attacked.put(k, k, 0);
            other.put(k, k, 0);
        }
        assertEquals(256, attacked.size());
        // all 256 keys in bucket 0: a chain of 32 buckets of 8
        assertTrue(longestChain(attacked) >= 32, "chain " + longestChain(attacked));
        assertTrue(longestChain(other) <= 3, "chain " + longestChain(other));
        assertEquals(longestChain(attacked), HashFloodingStudy.longestChain(h, 7, keys));
    }

    @Test
    void aaBbStringsAreDistinctAndShareOneHashCode() {
        final String[] s = HashFloodingStudy.equalHashCodeStrings(5);
        assertEquals(32, s.length);
        assertEquals(32, Arrays.stream(s).distinct().count());
        assertEquals(1, Arrays.stream(s).mapToInt(String::hashCode).distinct().count());
        assertEquals(10, s[0].length());
    }

    @Test
    void fastutilKeysShareTheLowBitsOfItsMixer() {
        for (long k : HashFloodingStudy.fastutilCollidingLongs(10, 50)) {
            assertEquals(0, HashCommon.mix(k) & 1023);
        }
    }

    @Test
    void slowdownIsTheRatioOfMediansAndFallsOverAboveTheLimit() {
        final HashFloodingStudy.Result r = new HashFloodingStudy.Result("m", "h", "long", "a", "known", 60, 10, -1);
        assertEquals(6.0, r.slowdown());
        assertTrue(r.fallsOver());
        final List<HashFloodingStudy.Result> none = List.of(new HashFloodingStudy.Result("m", "h", "long", "a",
            "random", 11, 10, -1));
        assertEquals(false, none.get(0).fallsOver());
        // for GoLongLongMap the chain decides, not the clock
        assertTrue(new HashFloodingStudy.Result("GoLongLongMap", "h", "long", "a", "known", 1, 10, 9).fallsOver());
        assertEquals(false, new HashFloodingStudy.Result("GoLongLongMap", "h", "long", "a", "random", 90, 10, 8)
            .fallsOver());
    }
}
