package org.hmaplab.hash.quality;

import java.util.ArrayList;
import java.util.List;
import org.hmaplab.hash.Hasher;

/**
 * Bucket distribution as the Go map sees it: a key goes to bucket {@code hash & (2^b - 1)}, so
 * the low b bits of the hash must be uniform for every key family ({@link KeySet}: sequential,
 * strided {@code i << k} for k = 8, 16, 24, 32, 40, random, text). For 2^b buckets and 8 keys per
 * bucket (the Go map holds at most 6.5 per bucket before it grows), Pearson's chi-square
 * X^2 = sum (O - E)^2 / E has 2^b - 1 degrees of freedom under uniformity. A separate case per
 * family checks the top 8 bits, which the Go map stores as the tophash byte.
 *
 * <p><b>Statistic and threshold.</b> X^2 is turned into a standard normal z by the Wilson-Hilferty
 * transform; the row passes when z <= 4.753, the upper 1e-6 point of the normal: an ideal
 * hash fails a given row once in a million. Only too-uneven is a failure: a hash that spreads
 * sequential keys perfectly (z far below 0) does a map no harm. Sizes: b = 8, 12, 16, 20 in full
 * mode, 8 and 12 in quick mode; the tophash case uses 2^19 keys (full) or 2^14 keys (quick).
 * Seed 0.
 */
public final class DistributionCheck implements QualityCheck {

    private static final int KEYS_PER_BUCKET = 8;
    private static final int TOPHASH_BITS = 8;

    @Override
    public String name() {
        return "distribution";
    }

    @Override
    public List<QualityRow> run(Hasher hasher, QualityMode mode) {
        double zMax = Stats.normalQuantileUpper(Stats.FAMILY_ALPHA);
        int maxBits = mode.pick(12, 20);
        List<QualityRow> rows = new ArrayList<>();
        for (KeySet keys : KeySet.distributionSets()) {
            for (int b = 8; b <= maxBits; b += 4) {
                int buckets = 1 << b;
                int n = buckets * KEYS_PER_BUCKET;
                double z = lowBitsZ(hasher, keys, b, n);
                rows.add(QualityRow.judged(hasher.name(), name(),
                    "keys=" + keys.name + " bits=low" + b + " n=" + n, "chi-square z (Wilson-Hilferty)", z, zMax));
            }
            int n = 1 << mode.pick(14, 19);
            double z = topBitsZ(hasher, keys, n);
            rows.add(QualityRow.judged(hasher.name(), name(),
                "keys=" + keys.name + " bits=top" + TOPHASH_BITS + " n=" + n, "chi-square z (Wilson-Hilferty)", z,
                zMax));
        }
        return rows;
    }

    /** Chi-square z of the low {@code bits} bits of the first {@code n} keys' hashes. */
    static double lowBitsZ(Hasher h, KeySet keys, int bits, int n) {
        int[] counts = new int[1 << bits];
        int mask = counts.length - 1;
        int hashed = keys.hashAll(h, 0L, n, hash -> counts[(int) hash & mask]++);
        return chiSquareZ(counts, hashed);
    }

    /** Chi-square z of the top 8 bits. */
    static double topBitsZ(Hasher h, KeySet keys, int n) {
        int[] counts = new int[1 << TOPHASH_BITS];
        int hashed = keys.hashAll(h, 0L, n, hash -> counts[(int) (hash >>> (64 - TOPHASH_BITS))]++);
        return chiSquareZ(counts, hashed);
    }

    /** Wilson-Hilferty z of Pearson's X^2 for {@code counts} summing to {@code n}. */
    static double chiSquareZ(int[] counts, int n) {
        double expected = (double) n / counts.length;
        double x2 = 0;
        for (int c : counts) {
            double d = c - expected;
            x2 += d * d;
        }
        x2 /= expected;
        return Stats.chiSquareZ(x2, counts.length - 1);
    }
}
