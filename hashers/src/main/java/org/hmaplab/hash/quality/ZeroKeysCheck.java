package org.hmaplab.hash.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hmaplab.hash.Hasher;

/**
 * Zero-filled keys of every length 0..64: a hash must tell them apart (a hash that ignores the
 * length, or that adds nothing for a zero byte, does not), and the step from length L to L + 1
 * must change about half the output bits.
 *
 * <ul>
 *   <li>{@code zero-keys / duplicates}: how many of the 65 hashes repeat an earlier one. An
 *       ideal hash has a 65^2 / 2^65 chance of any, so the threshold is 0.</li>
 *   <li>{@code zero-keys / length step}: the worst |d - 32| over the 64 steps, where d is the
 *       Hamming distance between the hashes of lengths L and L + 1. For an ideal hash d is
 *       Binomial(64, 1/2); with the 1e-6 failure chance spread over 64 steps (Bonferroni) the
 *       threshold is 22, i.e. every step must flip 10..54 bits.</li>
 * </ul>
 * Both cases run for seed 0 and seed 0x0123456789ABCDEF; the same in quick and full mode.
 */
public final class ZeroKeysCheck implements QualityCheck {

    private static final int MAX_LEN = 64;
    private static final long[] SEEDS = {0L, 0x0123456789ABCDEFL};

    @Override
    public String name() {
        return "zero-keys";
    }

    @Override
    public List<QualityRow> run(Hasher hasher, QualityMode mode) {
        List<QualityRow> rows = new ArrayList<>();
        byte[] zeros = new byte[MAX_LEN];
        int stepBound = Stats.hammingDeviationBound(Stats.FAMILY_ALPHA / MAX_LEN);
        for (long seed : SEEDS) {
            long[] h = new long[MAX_LEN + 1];
            for (int len = 0; len <= MAX_LEN; len++) {
                h[len] = hasher.hashBytes(zeros, 0, len, seed);
            }
            Set<Long> seen = new HashSet<>();
            int duplicates = 0;
            int worstStep = 0;
            for (int len = 0; len <= MAX_LEN; len++) {
                if (!seen.add(h[len])) {
                    duplicates++;
                }
                if (len < MAX_LEN) {
                    worstStep = Math.max(worstStep, Math.abs(Long.bitCount(h[len] ^ h[len + 1]) - 32));
                }
            }
            String params = "lengths=0.." + MAX_LEN + " seed=0x" + Long.toHexString(seed);
            rows.add(QualityRow.judged(hasher.name(), name(), params, "duplicates", duplicates, 0));
            rows.add(QualityRow.judged(hasher.name(), name(), params, "worst |hamming(L,L+1)-32|", worstStep,
                stepBound));
        }
        return rows;
    }
}
