package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the load-factor table in the header comment of Go 1.19's runtime/map.go (64-bit,
 * 8-byte keys and elems, tables loaded to the maximum just before they grow) with this map:
 * %overflow (buckets with an overflow bucket), bytes/entry (overhead beyond the 16 bytes of key and
 * value, with Go's 144-byte bucket) and hitprobe (entries checked to find a present key, which is
 * FAST64's probe count in an insert-only table). missprobe is count / 2^B, the load factor itself.
 */
class LoadFactorTableTest {
    private static final int B = 13;
    private static final int BUCKET_BYTES = 144;
    private static final int ENTRY_BYTES = 16;

    @Test
    void goLoadFactorTableIsReproducedAtMaximumLoad() {
        SplittableRandom rnd = new SplittableRandom(1965);
        for (int r = 0; r < GoLoadFactorTable.ROWS; r++) {
            double[] row = GoLoadFactorTable.row(r);
            int num = (int) Math.round(row[0] * 2);
            int maxCount = num << (B - 1); // num * 2^B / 2: the most a table of 2^B buckets holds
            GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, rnd.nextLong(), maxCount,
                MapOptions.DEFAULT.withLoadFactor(num, 2).withLookupStyle(LookupStyle.FAST64));
            for (int i = 0; i < maxCount; i++) {
                m.put(rnd.nextLong(), i, -1);
            }
            MapStats s = m.stats();
            assertEquals(B, s.B(), "no growth at the maximum load");
            double overflowPct = 100.0 * (s.bucketCount() - s.chainLengthHistogram().get(1)) / s.bucketCount();
            double bytesPerEntry = (double) (s.bucketCount() + s.overflowBucketsInUse()) * BUCKET_BYTES / s.count()
                - ENTRY_BYTES;
            String lf = "load factor " + row[0];
            assertEquals(row[1], overflowPct, 1.0, lf + " %overflow");
            assertEquals(row[2], bytesPerEntry, 0.25, lf + " bytes/entry");
            assertEquals(row[3], s.avgProbesHit(), 0.03, lf + " hitprobe");
            assertEquals(row[4], (double) s.count() / s.bucketCount(), 1e-9, lf + " missprobe");
        }
    }
}
