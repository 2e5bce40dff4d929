package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;

/** The collision-rate study's measures on inputs whose answers are known by construction. */
class CollisionRateStudyTest {

    /** FNV-1a 64 written here from its specification (offset basis 0xcbf29ce484222325, prime 0x100000001b3). */
    private static long fnv1a(byte[] data) {
        long h = 0xcbf29ce484222325L;
        for (byte b : data) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Test
    void streamingHashesTheNameUtf16leThenAgeAndIdLittleEndian() {
        final CollisionRateStudy.Person p = new CollisionRateStudy.Person("ab", 0x01020304, 0x1122334455667788L);
        final byte[] expected = {'a', 0, 'b', 0, 4, 3, 2, 1, (byte) 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11};
        assertEquals(fnv1a(expected), CollisionRateStudy.hash(Hashers.byName("fnv1a"),
            CollisionRateStudy.Method.STREAM, p, 0));
        assertEquals(fnv1a("a,1,2".getBytes(StandardCharsets.UTF_16LE)), CollisionRateStudy.hash(
            Hashers.byName("fnv1a"), CollisionRateStudy.Method.CONCAT, new CollisionRateStudy.Person("a", 1, 2), 0));
    }

    @Test
    void distinctBucketsShareNothingAndEqualHashesShareEverything() {
        final long[] distinct = new long[16];
        for (int i = 0; i < 16; i++) {
            distinct[i] = i;
        }
        final CollisionRateStudy.Spread d = CollisionRateStudy.spread(distinct, 4);
        assertEquals(0.0, d.sharedBucketPct());
        assertEquals(0.0, d.chiSquare());
        assertEquals(16, d.chains()[1]);
        final long[] same = new long[20];
        java.util.Arrays.fill(same, 0x7700_0000_0000_0003L);
        final CollisionRateStudy.Spread s = CollisionRateStudy.spread(same, 2);
        assertEquals(100.0, s.sharedBucketPct());
        assertEquals(100.0, s.sharedBucketTophashPct());
        assertEquals(100.0, s.sharedFullHashPct());
        // 20 keys in bucket 3 of 4: a chain of ceil(20/8) = 3 buckets; the other three have 1
        assertEquals(3, s.chains()[1]);
        assertEquals(1, s.chains()[3]);
        // chi-square: expected 5 per bucket: (20-5)^2/5 + 3 * 25/5 = 45 + 15 = 60
        assertEquals(60.0, s.chiSquare(), 1e-9);
    }

    @Test
    void sameBucketDifferentTophashIsNotATophashCollision() {
        final long[] hashes = {0x0500_0000_0000_0001L, 0x0600_0000_0000_0001L};
        final CollisionRateStudy.Spread s = CollisionRateStudy.spread(hashes, 4);
        assertEquals(100.0, s.sharedBucketPct());
        assertEquals(0.0, s.sharedBucketTophashPct());
    }

    @Test
    void idealSharingFollowsOneMinusOneMinusOneOverMToTheNMinusOne() {
        assertEquals(25.0, CollisionRateStudy.idealSharedPct(2, 4), 1e-12);
        assertEquals(100.0 * (1 - Math.pow(0.75, 2)), CollisionRateStudy.idealSharedPct(3, 4), 1e-12);
        // 100,000 keys in 2^14 buckets: 1 - (1 - 2^-14)^99999 = 99.78 %
        assertEquals(99.78, CollisionRateStudy.idealSharedPct(100_000, 16384), 0.01);
    }

    @Test
    void idealChainsSumToTheBucketCount() {
        final double[] c = CollisionRateStudy.idealChains(100_000, 14, 4);
        assertEquals(16384.0, c[1] + c[2] + c[3] + c[4], 1e-6);
        // independent check by the Poisson approximation: buckets with 9..16 keys have a chain of 2
        final double lambda = 100_000 / 16384.0;
        double term = Math.exp(-lambda);
        double upTo8 = 0;
        double nineTo16 = 0;
        for (int k = 0; k <= 16; k++) {
            if (k <= 8) {
                upTo8 += term;
            } else {
                nineTo16 += term;
            }
            term *= lambda / (k + 1);
        }
        assertEquals(16384 * nineTo16, c[2], 16384 * nineTo16 * 0.01);
        assertEquals(16384 * upTo8, c[1], 16384 * upTo8 * 0.01);
    }

    @Test
    void claimMatchesOnlyWhenAllThreeMethodsAreWithinOnePoint() {
        assertTrue(CollisionRateStudy.claimMatches(Map.of(CollisionRateStudy.Method.CONCAT, 12.5,
            CollisionRateStudy.Method.XOR, 8.9, CollisionRateStudy.Method.STREAM, 2.4)));
        assertFalse(CollisionRateStudy.claimMatches(Map.of(CollisionRateStudy.Method.CONCAT, 2.4,
            CollisionRateStudy.Method.XOR, 2.4, CollisionRateStudy.Method.STREAM, 2.4)));
    }

    @Test
    void chiSquareTailIsAboutOneHalfAtTheMeanAndSmallFarAbove() {
        assertEquals(0.5, Stats.chiSquareUpperTail(10_000 - 2.0 / 3, 10_000), 0.01);
        assertTrue(Stats.chiSquareUpperTail(11_000, 10_000) < 1e-9);
        // normal tail: P(Z > 1.96) = 0.025 (standard tables)
        assertEquals(0.025, Stats.normalUpperTail(1.96), 1e-4);
    }

    @Test
    void hashersWithEqualValuesForEveryKeyAreNamedAndOthersAreNot() {
        final Map<String, long[]> hashes = new java.util.LinkedHashMap<>();
        hashes.put("a", new long[] {1, 2, 3});
        hashes.put("b", new long[] {1, 2, 3});
        hashes.put("c", new long[] {1, 2, 4});
        final String note = CollisionRateStudy.identicalHashers(Map.of(CollisionRateStudy.Method.XOR, hashes));
        assertTrue(note.contains("a and b give identical hashes for every key under xor"), note);
        assertFalse(note.contains("and c ") || note.contains("- c and"), note);
        assertEquals("", CollisionRateStudy.identicalHashers(Map.of(CollisionRateStudy.Method.XOR,
            Map.of("a", new long[] {1}, "c", new long[] {2}))));
    }
}
