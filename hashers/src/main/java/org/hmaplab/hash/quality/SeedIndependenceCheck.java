package org.hmaplab.hash.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hmaplab.hash.Hasher;

/**
 * Seed independence: the same key under two seeds that differ in one bit must give unrelated
 * outputs, or one map's seed tells an attacker the other's bucket order and re-seeding after a
 * clear (as Go does) changes nothing. For N random keys and each of the 64 seed bits j, the
 * outputs under {@code s} and {@code s ^ (1 << j)} are compared bit by bit; ideal outputs agree
 * on each bit with probability 1/2.
 *
 * <ul>
 *   <li>{@code seed-independence / bit agreement}: the worst |2P(bit differs)-1| over the 64 x 64
 *       (seed bit, output bit) cells, threshold from the sampling error as in
 *       {@link AvalancheCheck} (full: N = 100,000 keys, threshold 0.0200; quick: N = 2,000,
 *       threshold 0.142);</li>
 *   <li>{@code seed-independence / identical outputs}: how many of the 64 N pairs are equal;
 *       an ideal hash has about 64 N / 2^64 of them, so the threshold is 0.</li>
 * </ul>
 * Keys of 8 and 16 bytes from SplittableRandom(0x5EED5EED + key length), base seed 0x9E3779B97F4A7C15.
 * A hasher whose {@code seeded()} is false is reported as SKIP.
 */
public final class SeedIndependenceCheck implements QualityCheck {

    private static final long KEY_SEED = 0x5EED5EEDL;
    private static final long BASE_SEED = 0x9E3779B97F4A7C15L;
    private static final int[] KEY_BYTES = {8, 16};

    @Override
    public String name() {
        return "seed-independence";
    }

    @Override
    public List<QualityRow> run(Hasher hasher, QualityMode mode) {
        List<QualityRow> rows = new ArrayList<>();
        int n = mode.pick(2_000, 100_000);
        for (int len : KEY_BYTES) {
            String params = "keys=" + len + "B n=" + n + " seed=0x" + Long.toHexString(BASE_SEED) + "^(1<<j)";
            if (!hasher.seeded()) {
                rows.add(QualityRow.skipped(hasher.name(), name(), params, "hasher ignores the seed"));
                continue;
            }
            long[] differ = new long[64 * 64];
            long identical = 0;
            SplittableRandom rnd = new SplittableRandom(KEY_SEED + len);
            byte[] key = new byte[len];
            for (int s = 0; s < n; s++) {
                rnd.nextBytes(key);
                long base = hasher.hashBytes(key, 0, len, BASE_SEED);
                for (int j = 0; j < 64; j++) {
                    long diff = hasher.hashBytes(key, 0, len, BASE_SEED ^ (1L << j)) ^ base;
                    if (diff == 0) {
                        identical++;
                    }
                    int row = j * 64;
                    while (diff != 0) {
                        differ[row + Long.numberOfTrailingZeros(diff)]++;
                        diff &= diff - 1;
                    }
                }
            }
            rows.add(QualityRow.judged(hasher.name(), name(), params, "worst bias |2P(bit differs)-1|",
                AvalancheCheck.worstBias(differ, n), Stats.biasThreshold(n, 64 * 64)));
            rows.add(QualityRow.judged(hasher.name(), name(), params, "identical outputs",
                identical, Stats.poissonUpperBound(64.0 * n / Math.pow(2, 64), Stats.FAMILY_ALPHA)));
        }
        return rows;
    }
}
