package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.HashCommon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The peers' mixers against the peers themselves: fastutil's {@code HashCommon.mix} and Agrona's
 * {@code Hashing.hash} are called from the libraries on the test class path (fastutil 8.5.19,
 * Agrona 2.6.0), the JDK's spread is checked against {@code Long.hashCode} and hand-computed
 * values, and wymix against vectors printed by wyhash's reference C ({@code wymix-vectors.txt},
 * made by {@code wyhash64_vectors.c}, both in the test resources).
 */
class PeerMixerVectorsTest {
    private static final int RANDOM_KEYS = 500;
    private static final long[] EDGE_KEYS = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L,
        0xffffffffL, 0x100000000L};

    /** The edge keys, then {@value #RANDOM_KEYS} keys of a fixed-seed SplittableRandom. */
    private static long[] keys() {
        return LongStream.concat(LongStream.of(EDGE_KEYS), new SplittableRandom(2026).longs(RANDOM_KEYS)).toArray();
    }

    @Test
    void fastutilMixWithSeedZeroIsFastutilsHashCommonMix() {
        for (long k : keys()) {
            assertEquals(HashCommon.mix(k), FastutilMixHasher.INSTANCE.hashLong(k, 0L), () -> Long.toHexString(k));
        }
    }

    @Test
    void fastutilMixTakesTheSeedByXorIntoTheKey() {
        final SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < RANDOM_KEYS; i++) {
            final long k = rnd.nextLong();
            final long seed = rnd.nextLong();
            assertEquals(HashCommon.mix(k ^ seed), FastutilMixHasher.INSTANCE.hashLong(k, seed));
        }
    }

    @Test
    void agronaHashWithSeedZeroIsAgronasHashingHashSignExtended() {
        for (long k : keys()) {
            final long expected = org.agrona.collections.Hashing.hash(k); // int, widened by sign extension
            assertEquals(expected, AgronaHashHasher.INSTANCE.hashLong(k, 0L), () -> Long.toHexString(k));
        }
    }

    @Test
    void agronaHashTakesTheSeedByXorIntoTheKey() {
        final SplittableRandom rnd = new SplittableRandom(4);
        for (int i = 0; i < RANDOM_KEYS; i++) {
            final long k = rnd.nextLong();
            final long seed = rnd.nextLong();
            assertEquals((long) org.agrona.collections.Hashing.hash(k ^ seed),
                AgronaHashHasher.INSTANCE.hashLong(k, seed));
        }
    }

    @Test
    void agronaLong2LongHashMapIndexesWithEvenHashOverTheSameFunction() {
        // Long2LongHashMap calls Hashing.evenHash(key, mask): this hash, then ((h << 1) - (h << 8)) & mask.
        final int mask = (1 << 12) - 1;
        for (long k : keys()) {
            final int h = (int) AgronaHashHasher.INSTANCE.hashLong(k, 0L);
            assertEquals(org.agrona.collections.Hashing.evenHash(k, mask), ((h << 1) - (h << 8)) & mask);
        }
    }

    /** The JDK's HashMap.hash of a Long, written out here from its definition. */
    private static long jdkHashMapHash(long key) {
        final int h = Long.valueOf(key).hashCode();
        return h ^ (h >>> 16);
    }

    @Test
    void jdkSpreadWithSeedZeroIsTheHashMapSpreadOfLongHashCode() {
        for (long k : keys()) {
            assertEquals(jdkHashMapHash(k), JdkSpreadHasher.INSTANCE.hashLong(k, 0L), () -> Long.toHexString(k));
        }
    }

    @Test
    void jdkSpreadMatchesHandComputedValues() {
        // 1: hashCode 1, spread 1. 2^32: halves 1 and 0, hashCode 1. 0x10000: spread 0x10000 ^ 1.
        assertEquals(0L, JdkSpreadHasher.INSTANCE.hashLong(0L, 0L));
        assertEquals(1L, JdkSpreadHasher.INSTANCE.hashLong(1L, 0L));
        assertEquals(1L, JdkSpreadHasher.INSTANCE.hashLong(0x100000000L, 0L));
        assertEquals(0x10001L, JdkSpreadHasher.INSTANCE.hashLong(0x10000L, 0L));
        // -1: halves 0xffffffff and 0xffffffff cancel, hashCode 0.
        assertEquals(0L, JdkSpreadHasher.INSTANCE.hashLong(-1L, 0L));
        // MIN_VALUE: hashCode 0x80000000, spread 0x80000000 ^ 0x8000 = 0x80008000, sign-extended.
        assertEquals(0xffffffff80008000L, JdkSpreadHasher.INSTANCE.hashLong(Long.MIN_VALUE, 0L));
        // MAX_VALUE: hashCode 0x80000000 (0x7fffffff ^ 0xffffffff), the same as MIN_VALUE.
        assertEquals(0xffffffff80008000L, JdkSpreadHasher.INSTANCE.hashLong(Long.MAX_VALUE, 0L));
        // 0x0102030405060708: hashCode 0x05060708 ^ 0x01020304 = 0x0404040c, spread ^ 0x0404 = 0x04040008.
        assertEquals(0x04040008L, JdkSpreadHasher.INSTANCE.hashLong(0x0102030405060708L, 0L));
        // the seed is added: key 1 with seed 1 is key 2, hashCode 2, spread 2.
        assertEquals(2L, JdkSpreadHasher.INSTANCE.hashLong(1L, 1L));
    }

    @Test
    void wymixMatchesTheReferenceWyhash64() throws IOException {
        int n = 0;
        try (InputStream in = getClass().getResourceAsStream("/wymix-vectors.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                final String[] f = line.split(",");
                final long key = Long.parseUnsignedLong(f[0], 16);
                final long seed = Long.parseUnsignedLong(f[1], 16);
                assertEquals(Long.parseUnsignedLong(f[2], 16), WyMixHasher.INSTANCE.hashLong(key, seed), line);
                n++;
            }
        }
        assertEquals(8 * 8 + 300 + 200, n, "vectors read");
    }

    @Test
    void theByteFoldPadsTheTailAndAppendsTheLengthExceptForEightBytes() {
        for (Hasher h : new Hasher[] {FastutilMixHasher.INSTANCE, AgronaHashHasher.INSTANCE, JdkSpreadHasher.INSTANCE,
            WyMixHasher.INSTANCE}) {
            // the empty input: the padding word alone, then the length 0
            assertEquals(h.hashLong(0L, h.hashLong(0x80L, 0L)), h.hashBytes(new byte[0], 0L), h.name());
            // "a": 'a' then the padding byte, then the length 1
            assertEquals(h.hashLong(1L, h.hashLong(0x8061L, 0L)), h.hashBytes(new byte[] {'a'}, 0L), h.name());
            // 9 bytes: one word, then the ninth byte padded, then the length 9, folded through the state
            final byte[] nine = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            assertEquals(h.hashLong(9L, h.hashLong(0x8009L, h.hashLong(0x0807060504030201L, 5L))),
                h.hashBytes(nine, 5L), h.name());
            // 16 bytes: two words and the length 16, no padding
            final byte[] sixteen = new byte[16];
            assertEquals(h.hashLong(16L, h.hashLong(0L, h.hashLong(0L, 5L))), h.hashBytes(sixteen, 5L), h.name());
        }
    }

    @Test
    void zeroRunsOfDifferentLengthsDifferEvenForMixersThatMapZeroToZero() {
        for (Hasher h : new Hasher[] {FastutilMixHasher.INSTANCE, AgronaHashHasher.INSTANCE, JdkSpreadHasher.INSTANCE,
            WyMixHasher.INSTANCE}) {
            final java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int len = 0; len <= 64; len++) {
                final int l = len;
                assertTrue(seen.add(h.hashBytes(new byte[len], 0L)), () -> h.name() + " zeros of length " + l);
            }
        }
    }
}
