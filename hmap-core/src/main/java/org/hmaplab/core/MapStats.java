package org.hmaplab.core;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a Go-style map's structure, taken by {@code stats()}. The first names are Go's
 * {@code hmap} fields (map.go:116-130); the rest are measurements and counters for papers.
 *
 * @param count                count of live entries ({@code hmap.count}, {@code len(m)})
 * @param B                    log2 of the number of main buckets ({@code hmap.B})
 * @param noverflow            Go's overflow-bucket counter: exact for B &lt; 16, approximate from B = 16,
 *                             reset by each growth start and by clear ({@code hmap.noverflow}, a uint16)
 * @param growing              whether an incremental growth is in progress ({@code oldbuckets != nil})
 * @param sameSizeGrow         whether the growth in progress keeps B (the {@code sameSizeGrow} flag)
 * @param nevacuate            old buckets below this index are all evacuated ({@code hmap.nevacuate})
 * @param bucketCount          2^B, the main buckets of the current array
 * @param oldBucketCount       main buckets of the old array during a growth, else 0
 * @param overflowBucketsInUse overflow buckets chained into the current array now
 * @param chainLengthHistogram index n = number of main buckets of the current array whose chain holds
 *                             n buckets (index 0 is always 0)
 * @param liveSlotsHistogram   index n (0..8) = number of buckets (main and overflow, current array)
 *                             with n live slots
 * @param avgProbesHit         average over live keys of the slots a hit examines under the map's
 *                             lookup style (see the map's class comment for what counts as examined)
 * @param avgProbesMiss        slots a miss is expected to examine, averaged over the main buckets
 * @param seed                 the per-map hash seed now ({@code hmap.hash0}, 64 bits here)
 * @param doublingGrowths      growths that doubled the array since the map was made
 * @param sameSizeGrowths      same-size growths since the map was made
 * @param evacuatedBuckets     old buckets evacuated since the map was made
 */
public record MapStats(
    long count,
    int B,
    int noverflow,
    boolean growing,
    boolean sameSizeGrow,
    long nevacuate,
    long bucketCount,
    long oldBucketCount,
    long overflowBucketsInUse,
    List<Long> chainLengthHistogram,
    List<Long> liveSlotsHistogram,
    double avgProbesHit,
    double avgProbesMiss,
    long seed,
    long doublingGrowths,
    long sameSizeGrowths,
    long evacuatedBuckets) {

    /** Copies the histograms into immutable lists. */
    public MapStats {
        chainLengthHistogram = List.copyOf(Objects.requireNonNull(chainLengthHistogram, "chainLengthHistogram"));
        liveSlotsHistogram = List.copyOf(Objects.requireNonNull(liveSlotsHistogram, "liveSlotsHistogram"));
    }
}
