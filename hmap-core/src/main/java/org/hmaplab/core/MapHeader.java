package org.hmaplab.core;

/**
 * The header fields of a Go-style map, Go's {@code hmap} (map.go:116-130) apart from the array
 * pointers, taken in O(1). Differential tests read it after every operation and compare it with
 * what the Go runtime's own header held after the same operation; {@link MapStats} carries the
 * same fields plus measurements that cost O(size).
 *
 * @param count        live entries ({@code hmap.count}, {@code len(m)})
 * @param B            log2 of the number of main buckets ({@code hmap.B})
 * @param sameSizeGrow whether the growth in progress keeps B ({@code hmap.flags & sameSizeGrow})
 * @param noverflow    Go's overflow-bucket counter ({@code hmap.noverflow}, a uint16)
 * @param nevacuate    old buckets below this index are all evacuated ({@code hmap.nevacuate})
 * @param growing      whether an incremental growth is in progress ({@code hmap.oldbuckets != nil})
 * @param seed         the per-map hash seed ({@code hmap.hash0}; for the {@code go} hasher,
 *                     Go's {@code hash0 ^ hashkey[0]})
 */
public record MapHeader(long count, int B, boolean sameSizeGrow, int noverflow, long nevacuate,
                        boolean growing, long seed) {

    @Override
    public String toString() {
        return String.format("count=%d B=%d sameSizeGrow=%b noverflow=%d nevacuate=%d growing=%b seed=%016x",
            count, B, sameSizeGrow, noverflow, nevacuate, growing, seed);
    }
}
