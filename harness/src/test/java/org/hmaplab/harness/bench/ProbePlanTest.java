package org.hmaplab.harness.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hmaplab.baselines.CompositeKey;
import org.junit.jupiter.api.Test;

/** Benchmark inputs: distinct keys, exact hit ratios, Zipf skew, reproducibility. */
class ProbePlanTest {

    private static final int SIZE = 4096;

    @Test
    void everyKeyKindGivesDistinctKeys() {
        for (KeyKind kind : KeyKind.values()) {
            Set<Object> seen = new HashSet<>();
            switch (kind.family()) {
                case LONG -> Arrays.stream(KeySets.longs(kind, 2 * SIZE)).forEach(seen::add);
                case STRING -> seen.addAll(List.of(KeySets.strings(kind.length(), 2 * SIZE)));
                case COMPOSITE -> seen.addAll(List.of(KeySets.composites(2 * SIZE)));
                default -> throw new IllegalStateException();
            }
            assertEquals(2 * SIZE, seen.size(), kind.label());
        }
    }

    @Test
    void stridedKeysHaveTheirLowTwentyBitsClear() {
        for (long k : KeySets.longs(KeyKind.LONG_STRIDED, SIZE)) {
            assertEquals(0, k & ((1L << 20) - 1));
        }
    }

    @Test
    void stringKeysHaveTheirKindsLength() {
        for (String s : KeySets.strings(64, 100)) {
            assertEquals(64, s.length());
        }
    }

    @Test
    void lookupCopiesAreEqualButNotTheSameObject() {
        CompositeKey k = KeySets.composites(1)[0];
        CompositeKey copy = KeySets.copyOf(k);
        assertEquals(k, copy);
        assertTrue(k != copy && k.name() != copy.name());
    }

    @Test
    void theHitRatioIsExact() {
        for (int hit : new int[] {0, 50, 100}) {
            int[] idx = ProbePlan.indexes(SIZE, 1 << 14, Distribution.UNIFORM, hit);
            long hits = Arrays.stream(idx).filter(i -> i < SIZE).count();
            assertEquals((1 << 14) * hit / 100, hits, hit + " %");
            assertTrue(Arrays.stream(idx).allMatch(i -> i >= 0 && i < 2 * SIZE));
        }
    }

    @Test
    void zipfPutsMostLookupsOnFewKeysAndUniformDoesNot() {
        int count = 1 << 16;
        int[] zipf = ProbePlan.indexes(SIZE, count, Distribution.ZIPF, 100);
        int[] uniform = ProbePlan.indexes(SIZE, count, Distribution.UNIFORM, 100);
        // with theta 0.99 over 4096 ranks the 1 % most popular keys take ~ H(41)/H(4096) ~ 48 % of lookups
        // (harmonic-number estimate); uniform gives them ~ 1 %
        assertTrue(topShare(zipf, SIZE / 100) > 0.35, "zipf top-1% share " + topShare(zipf, SIZE / 100));
        assertTrue(topShare(uniform, SIZE / 100) < 0.05, "uniform top-1% share " + topShare(uniform, SIZE / 100));
    }

    private static double topShare(int[] idx, int top) {
        int[] counts = new int[2 * SIZE];
        for (int i : idx) {
            counts[i]++;
        }
        Arrays.sort(counts);
        long sum = 0;
        for (int i = counts.length - top; i < counts.length; i++) {
            sum += counts[i];
        }
        return sum / (double) idx.length;
    }

    @Test
    void plansAreReproducible() {
        assertArrayEquals(ProbePlan.indexes(SIZE, 4096, Distribution.ZIPF, 50),
            ProbePlan.indexes(SIZE, 4096, Distribution.ZIPF, 50));
    }

    @Test
    void probeCountIsAPowerOfTwoWithinBounds() {
        for (int size : new int[] {1, 1000, 1024, 65536, 1 << 24}) {
            int p = ProbePlan.probeCount(size);
            assertEquals(1, Integer.bitCount(p));
            assertTrue(p >= ProbePlan.BATCH && p <= ProbePlan.MAX_PROBES);
        }
    }

    @Test
    void unknownKeyKindsAndHashersAreRefusedWithTheValidNames() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> KeyKind.of("uuid"));
        assertTrue(k.getMessage().contains("long-random, long-seq, long-strided, string-8"), k.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> HasherChoice.byName("md5"));
        assertTrue(h.getMessage().contains("aes-table") && h.getMessage().contains("xxh3"), h.getMessage());
    }
}
