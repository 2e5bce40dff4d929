package org.hmaplab.core.swiss;

/**
 * One table of a Swiss map as Go's {@code table} struct describes it (table.go:34-72).
 *
 * @param capacity   slots (a power of two, 8..1024)
 * @param localDepth hash bits the directory uses above this table
 * @param used       full slots
 * @param growthLeft slots that may still be filled before the table grows or splits
 * @param index      first directory index of the table
 */
public record SwissTableStats(int capacity, int localDepth, int used, int growthLeft, int index) {
    /** Deleted slots, by Go's formula capacity*7/8 - used - growthLeft (table.go:489). */
    public int tombstones() {
        return SwissRules.tombstones(capacity, used, growthLeft);
    }
}
