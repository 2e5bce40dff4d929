package org.hmaplab.hash.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hmaplab.hash.Hasher;

/**
 * Strict avalanche criterion, as SMHasher's Avalanche test: for N random keys of L bytes and
 * every input bit i, flip bit i and record which of the 64 output bits changed. For an ideal hash
 * every (input bit, output bit) cell flips with probability 1/2. The statistic is the worst cell's
 * bias {@code |2 P(flip) - 1|} (0 = perfect, 1 = that output bit never or always flips).
 *
 * <p><b>Threshold.</b> The estimate of 2P-1 from N keys has standard deviation 1/sqrt(N). With
 * 8L x 64 cells and a one-in-a-million chance of failing an ideal hash (Bonferroni,
 * {@link Stats#biasThreshold}), the threshold is z/sqrt(N) with z = 6.33 (8 B), 6.44 (16 B),
 * 6.64 (64 B); it is never set below SMHasher's 1 %. Full mode (N = 300,000 / 150,000 / 40,000):
 * 0.0116, 0.0166, 0.0332; quick mode (N = 10,000 / 5,000 / 1,000): 0.063, 0.091, 0.210.
 * Seed 0, keys from SplittableRandom(0x5EEDA7A1 + key length).
 */
public final class AvalancheCheck implements QualityCheck {

    private static final long KEY_SEED = 0x5EEDA7A1L;
    private static final int[] KEY_BYTES = {8, 16, 64};

    @Override
    public String name() {
        return "avalanche";
    }

    /** Keys for each length, in the order of {@link #KEY_BYTES}. */
    private static int samples(QualityMode mode, int keyBytes) {
        return switch (keyBytes) {
            case 8 -> mode.pick(10_000, 300_000);
            case 16 -> mode.pick(5_000, 150_000);
            default -> mode.pick(1_000, 40_000);
        };
    }

    @Override
    public List<QualityRow> run(Hasher hasher, QualityMode mode) {
        List<QualityRow> rows = new ArrayList<>();
        for (int len : KEY_BYTES) {
            int n = samples(mode, len);
            double worst = worstBias(hasher, len, n, 0L, new SplittableRandom(KEY_SEED + len));
            rows.add(QualityRow.judged(hasher.name(), name(), "keys=" + len + "B n=" + n + " seed=0",
                "worst bias |2P(flip)-1|", worst, Stats.biasThreshold(n, 8L * len * 64)));
        }
        return rows;
    }

    /** The worst |2P(flip)-1| over every (input bit, output bit) cell. */
    static double worstBias(Hasher h, int len, int n, long seed, SplittableRandom rnd) {
        int bits = len * 8;
        long[] flips = new long[bits * 64];
        byte[] key = new byte[len];
        for (int s = 0; s < n; s++) {
            rnd.nextBytes(key);
            long base = h.hashBytes(key, 0, len, seed);
            for (int i = 0; i < bits; i++) {
                key[i >>> 3] ^= (byte) (1 << (i & 7));
                long diff = h.hashBytes(key, 0, len, seed) ^ base;
                key[i >>> 3] ^= (byte) (1 << (i & 7));
                int row = i * 64;
                while (diff != 0) {
                    flips[row + Long.numberOfTrailingZeros(diff)]++;
                    diff &= diff - 1;
                }
            }
        }
        return worstBias(flips, n);
    }

    /** max |2 c/n - 1| over the counts. */
    static double worstBias(long[] flipCounts, long n) {
        double worst = 0;
        for (long c : flipCounts) {
            worst = Math.max(worst, Math.abs(2.0 * c / n - 1.0));
        }
        return worst;
    }
}
