package org.hmaplab.core;

/**
 * Go 1.19's published load-factor table: the header comment of {@code runtime/map.go} (go1.19.8,
 * lines 31-40), measured by the Go authors on maximally loaded tables of {@code map[int64]int64}
 * just before growth. Columns: load factor, %overflow (buckets that have an overflow bucket),
 * bytes/entry (overhead bytes per key/elem pair), hitprobe and missprobe (entries checked for a
 * present and an absent key). Reference data for the test and the study that reproduce it.
 */
public final class GoLoadFactorTable {
    /** Number of rows (load factors 4.0 to 8.0 in steps of 0.5). */
    public static final int ROWS = 9;

    private static final double[][] TABLE = {
        {4.00, 2.13, 20.77, 3.00, 4.00},
        {4.50, 4.05, 17.30, 3.25, 4.50},
        {5.00, 6.85, 14.77, 3.50, 5.00},
        {5.50, 10.55, 12.94, 3.75, 5.50},
        {6.00, 15.27, 11.67, 4.00, 6.00},
        {6.50, 20.90, 10.79, 4.25, 6.50},
        {7.00, 27.14, 10.15, 4.50, 7.00},
        {7.50, 34.03, 9.73, 4.75, 7.50},
        {8.00, 41.10, 9.40, 5.00, 8.00},
    };

    private GoLoadFactorTable() {
    }

    /** Row {@code i} (0 = load factor 4.0): {loadFactor, %overflow, bytes/entry, hitprobe, missprobe}. */
    public static double[] row(int i) {
        return TABLE[i].clone();
    }
}
