package org.hmaplab.hash.quality;

import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import org.hmaplab.hash.Hasher;

/**
 * Collisions: n keys of one family ({@code sequential} longs, {@code sparse} longs with at most 3
 * bits set, {@code strided-32} longs {@code i << 32}, {@code text}) are hashed, and the number of
 * collisions (n minus the number of distinct values) is counted over the full 64 bits and over
 * the low 32 bits. For an ideal hash that count is close to Poisson with mean
 * {@code n - m(1 - (1 - 1/m)^n)} (the birthday expectation; m = 2^64 or 2^32).
 *
 * <p><b>Threshold.</b> The row passes when the count is at most the smallest k with
 * P(Poisson > k) <= 1e-6. With n = 2^22 (full) the 32-bit expectation is about 2048 and the
 * bound about 2200; the 64-bit expectation is about 5e-7 and the bound 0, i.e. any 64-bit
 * collision fails. Quick mode uses n = 2^16. Only excess collisions fail. Seed 0.
 */
public final class CollisionCheck implements QualityCheck {

    @Override
    public String name() {
        return "collisions";
    }

    @Override
    public List<QualityRow> run(Hasher hasher, QualityMode mode) {
        int n = 1 << mode.pick(16, 22);
        List<QualityRow> rows = new ArrayList<>();
        for (KeySet keys : List.of(KeySet.sequential(), KeySet.sparse(), KeySet.strided(32), KeySet.text())) {
            long[] hashes = new long[n];
            int[] count = {0};
            int hashed = keys.hashAll(hasher, 0L, n, hash -> hashes[count[0]++] = hash);
            long[] full = Arrays.copyOf(hashes, hashed);
            int[] low = new int[hashed];
            for (int i = 0; i < hashed; i++) {
                low[i] = (int) full[i];
            }
            rows.add(row(hasher, keys, hashed, 64, collisions(full)));
            rows.add(row(hasher, keys, hashed, 32, collisions(low)));
        }
        return rows;
    }

    private QualityRow row(Hasher hasher, KeySet keys, int n, int bits, long observed) {
        double expected = Stats.expectedCollisions(n, Math.pow(2, bits));
        long bound = Stats.poissonUpperBound(expected, Stats.FAMILY_ALPHA);
        return QualityRow.judged(hasher.name(), name(),
            "keys=" + keys.name + " bits=" + bits + " n=" + n + " expected=" + QualityRow.format(round(expected)),
            "collisions", observed, bound);
    }

    private static double round(double v) {
        return v >= 100 ? Math.rint(v) : v;
    }

    /** n minus the number of distinct values (sorts the array). */
    static long collisions(long[] values) {
        Arrays.sort(values);
        long c = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] == values[i - 1]) {
                c++;
            }
        }
        return c;
    }

    /** n minus the number of distinct values (sorts the array). */
    static long collisions(int[] values) {
        Arrays.sort(values);
        long c = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] == values[i - 1]) {
                c++;
            }
        }
        return c;
    }
}
