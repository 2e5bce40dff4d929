package org.hmaplab.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * The constants and pure rules of the Go 1.19 map ({@code runtime/map.go}), shared by
 * {@link GoLongLongMap} and {@link GoMap}. Section numbers refer to GO-MAP-SPEC.md.
 */
public final class GoMapRules {
    private GoMapRules() {
    }

    /** log2 of the slots per bucket (map.go:66, bucketCntBits). */
    public static final int BUCKET_SHIFT = 3;
    /** Slots per bucket (map.go:67, bucketCnt). */
    public static final int BUCKET_SIZE = 1 << BUCKET_SHIFT;

    /** Load factor numerator: growth when count > 13 * (2^B / 2) (map.go:71, loadFactorNum). */
    public static final int LOAD_FACTOR_NUM = 13;
    /** Load factor denominator (map.go:72, loadFactorDen). */
    public static final int LOAD_FACTOR_DEN = 2;

    /** Tophash: this slot and every slot after it in the chain is empty (map.go:93, emptyRest). */
    public static final int EMPTY_REST = 0;
    /** Tophash: this slot is empty (map.go:94, emptyOne). */
    public static final int EMPTY_ONE = 1;
    /** Tophash in an old bucket: the entry moved to the X half of the new array (evacuatedX). */
    public static final int EVACUATED_X = 2;
    /** Tophash in an old bucket: the entry moved to the Y half of the new array (evacuatedY). */
    public static final int EVACUATED_Y = 3;
    /** Tophash in an old bucket: the slot was empty, the bucket is evacuated (evacuatedEmpty). */
    public static final int EVACUATED_EMPTY = 4;
    /** Smallest tophash of a live slot (map.go:98, minTopHash). */
    public static final int MIN_TOP_HASH = 5;

    /** Largest B whose 2^B bucket count is used exactly by the same-size trigger (map.go:1096). */
    public static final int MAX_EXACT_NOVERFLOW_B = 15;
    /**
     * Largest B of both maps of this port. Go 1.19 has no such constant: B is a uint8 and a table
     * is bounded only by maxAlloc (2^48 bytes on linux/amd64, malloc.go), which for 144-byte
     * {@code map[int64]int64} buckets allows B up to 40; a hint beyond maxAlloc counts as 0
     * (§4.6). Java arrays are int-indexed: GoLongLongMap's one-array table of 2^B buckets of 18
     * longs plus its overflow region must stay below 2^31 elements, which holds up to B = 26.
     * Both maps use this one limit, so they accept and refuse the same hints and growths.
     */
    public static final int MAX_B = 26;

    /** Go's panic/fatal messages for misuse (map.go:594, 424, 873), thrown as ConcurrentModificationException. */
    public static final String CONCURRENT_WRITES = "concurrent map writes";
    /** Reader that finds the writing flag set. */
    public static final String CONCURRENT_READ_WRITE = "concurrent map read and map write";
    /** Iterator that finds the writing flag set. */
    public static final String CONCURRENT_ITERATION_WRITE = "concurrent map iteration and map write";

    /** tophash(hash): the top byte, raised by MIN_TOP_HASH when below it (map.go:195-201). */
    public static int tophash(long hash) {
        int top = (int) (hash >>> 56);
        return top < MIN_TOP_HASH ? top + MIN_TOP_HASH : top;
    }

    /** isEmpty(x): emptyRest or emptyOne (map.go:111-113). */
    public static boolean isEmpty(int tophash) {
        return tophash <= EMPTY_ONE;
    }

    /** A bucket counts as evacuated iff 1 &lt; tophash[0] &lt; 5 (map.go:203-206). */
    public static boolean evacuated(int firstTophash) {
        return firstTophash > EMPTY_ONE && firstTophash < MIN_TOP_HASH;
    }

    /** overLoadFactor(count, B): count &gt; 8 and count &gt; 13 * (2^B / 2), integer division (map.go:1085). */
    public static boolean overLoadFactor(long count, int b) {
        return count > BUCKET_SIZE && count > (long) LOAD_FACTOR_NUM * ((1L << b) / LOAD_FACTOR_DEN);
    }

    /**
     * overLoadFactor with another load factor num/den, for the load-factor study: count &gt; 8 and
     * count &gt; num * (2^B / den), integer division as in Go. With 13/2 it equals
     * {@link #overLoadFactor(long, int)}.
     */
    public static boolean overLoadFactor(long count, int b, int num, int den) {
        return count > BUCKET_SIZE && count > (long) num * ((1L << b) / den);
    }

    /** tooManyOverflowBuckets(noverflow, B): noverflow &gt;= 2^min(B, 15) (map.go:1092-1102). */
    public static boolean tooManyOverflowBuckets(int noverflow, int b) {
        int cappedB = Math.min(b, MAX_EXACT_NOVERFLOW_B);
        return noverflow >= (1 << cappedB);
    }

    /**
     * The B that makemap picks for a size hint: the smallest B not over the load factor for
     * {@code hint} entries; a negative hint counts as 0 (map.go:319-325).
     */
    public static int bForHint(long hint) {
        int b = 0;
        while (overLoadFactor(hint, b)) {
            b++;
        }
        if (b > MAX_B) {
            throw new IllegalArgumentException("size hint " + hint + " needs B = " + b
                + ", more than this port supports (B <= " + MAX_B + ")");
        }
        return b;
    }

    /** bForHint with load factor num/den (see {@link #overLoadFactor(long, int, int, int)}). */
    public static int bForHint(long hint, int num, int den) {
        int b = 0;
        while (b < Long.SIZE - 2 && overLoadFactor(hint, b, num, den)) {
            b++;
        }
        if (b > MAX_B) {
            throw new IllegalArgumentException("size hint " + hint + " needs B = " + b
                + ", more than this port supports (B <= " + MAX_B + ")");
        }
        return b;
    }

    /** Mask of Go's uint16 noverflow field: the count wraps as Go's does. */
    public static final int NOVERFLOW_MASK = 0xffff;

    /** advanceEvacuationMark looks at most this many old buckets ahead (map.go:1272). */
    public static final int EVACUATION_LOOKAHEAD = 1024;

    /**
     * mapassign's trigger (map.go:659-664): a new key starts a growth when none is running and
     * the count after the insert would be over the load factor num/den, or too many overflow
     * buckets were made. {@code overLoadFactor(count + 1, b, num, den)} then says whether the
     * growth doubles (§5.1).
     */
    public static boolean startsGrowth(boolean growing, long count, int b, int noverflow, int num, int den) {
        return !growing && (overLoadFactor(count + 1, b, num, den) || tooManyOverflowBuckets(noverflow, b));
    }

    /** Whether incrnoverflow draws from the random stream at this B: from B = 16 on (map.go:233-243). */
    public static boolean noverflowIsSampled(int b) {
        return b > MAX_EXACT_NOVERFLOW_B;
    }

    /**
     * incrnoverflow (map.go:227-244, §4.5): noverflow after one more overflow bucket at this B.
     * Below B = 16 it counts every bucket; from B = 16 on it counts with probability
     * 1/2^(B-15), when the low B-15 bits of {@code draw} (a fastrand draw, made by the caller only
     * when {@link #noverflowIsSampled(int)}) are zero. It wraps as Go's uint16 does.
     */
    public static int incrNoverflow(int noverflow, int b, int draw) {
        if (noverflowIsSampled(b) && (draw & ((1 << (b - MAX_EXACT_NOVERFLOW_B)) - 1)) != 0) {
            return noverflow;
        }
        return (noverflow + 1) & NOVERFLOW_MASK;
    }

    /** Where advanceEvacuationMark stops looking, after the mark was moved to {@code nevacuate}. */
    public static int evacuationMarkStop(int nevacuate, int newbit) {
        return (int) Math.min((long) nevacuate + EVACUATION_LOOKAHEAD, newbit);
    }

    /** The largest count a table of 2^B buckets holds before the next new key starts a doubling. */
    public static long maxCountBeforeGrowth(int b) {
        return b == 0 ? BUCKET_SIZE : (long) LOAD_FACTOR_NUM * ((1L << b) / LOAD_FACTOR_DEN);
    }

    /** SplitMix64's golden-ratio increment: steps the maps' private random streams. */
    public static final long RANDOM_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * The first state of a map's private random stream (its stand-in for Go's per-thread
     * fastrand, §4.5 and §11.3), derived from the map's first seed. Both maps start their streams
     * here and step them with {@link #fastrand(long)}, so two maps built with the same seed draw
     * the same numbers: the same iteration starts and the same noverflow samples.
     */
    public static long randomStreamStart(long seed) {
        return mix64(seed ^ RANDOM_GAMMA);
    }

    /**
     * One 32-bit draw of the private random stream (Go's fastrand is a uint32): the caller
     * advances its state by {@link #RANDOM_GAMMA} and passes the new state here.
     */
    public static int fastrand(long state) {
        return (int) (mix64(state) >>> 32);
    }

    /** mapiterinit's start bucket for the draw {@code r} over 2^B buckets: r &amp; (2^B-1) (map.go:845-852). */
    public static int iterationStartBucket(int r, int b) {
        return r & ((1 << b) - 1);
    }

    /** mapiterinit's slot offset for the draw {@code r}: (r &gt;&gt; B) &amp; 7 (map.go:851). */
    public static int iterationOffset(int r, int b) {
        return (r >>> b) & (BUCKET_SIZE - 1);
    }

    /**
     * The seeds of a map built with a fixed seed: {@code first} for the first call, then the
     * draws of a {@link SplittableRandom} seeded with it (the seeds re-drawn when a
     * delete empties the map or on clear, §3.2), so a run is reproducible.
     */
    public static LongSupplier seedsStartingWith(long first) {
        final SplittableRandom redraws = new SplittableRandom(first);
        final boolean[] used = new boolean[1];
        return () -> {
            if (!used[0]) {
                used[0] = true;
                return first;
            }
            return redraws.nextLong();
        };
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mix for private random streams. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Live tophash values (5..255): the chance that a live slot's tophash equals a missed key's is 1/251. */
    private static final double LIVE_TOPHASH_VALUES = 256 - MIN_TOP_HASH;

    /**
     * The structural measurements of {@link MapStats} over one bucket array, for both maps' stats():
     * {@code tophash.applyAsLong(bucket)} is the bucket's tophash word (slot i's tophash in bits
     * 8i..8i+7) and {@code overflow.applyAsInt(bucket)} the next bucket of its chain, 0 = none;
     * buckets 0 .. mainBuckets-1 head the chains. Measured: chain lengths, live slots per bucket, overflow buckets in
     * use, and the slots examined by a hit and by a miss under the lookup style (GENERIC: tophash
     * bytes read up to the hit or the emptyRest stop; FAST64: every slot up to the hit, every slot
     * of the chain on a miss; SWAR: verified candidates, for a miss the expected false matches
     * live slots scanned / 251). The header fields are passed through.
     */
    public static MapStats structureStats(IntToLongFunction tophash, IntUnaryOperator overflow, int mainBuckets,
                                          LookupStyle style, long count, int b, int noverflow, boolean growing,
                                          boolean sameSizeGrow,
                                          long nevacuate, long oldBucketCount, long seed,
                                          long doublingGrowths, long sameSizeGrowths, long evacuatedBuckets) {
        final List<Long> chains = new ArrayList<>();
        chains.add(0L);
        final long[] live = new long[BUCKET_SIZE + 1];
        int[] tops = new int[BUCKET_SIZE];
        long probesHit = 0;
        long liveKeys = 0;
        double probesMiss = 0;
        long inUse = 0;
        for (int head = 0; head < mainBuckets; head++) {
            int len = 0;
            int position = 0;
            int liveInChain = 0;
            boolean missStopped = false;
            long missSlots = 0;
            long liveScanned = 0;
            for (int bk = head; ; bk = overflow.applyAsInt(bk)) {
                len++;
                int liveHere = 0;
                boolean wordHasRest = false;
                for (int i = 0; i < BUCKET_SIZE; i++) {
                    final int top = (int) (tophash.applyAsLong(bk) >>> (i << BUCKET_SHIFT)) & 0xff;
                    position++;
                    if (top >= MIN_TOP_HASH) {
                        liveHere++;
                        liveKeys++;
                        int same = 1;
                        for (int p = 0; p < liveInChain; p++) {
                            same += tops[p] == top ? 1 : 0;
                        }
                        if (liveInChain == tops.length) tops = Arrays.copyOf(tops, tops.length * 2);
                        tops[liveInChain++] = top;
                        probesHit += style == LookupStyle.SWAR ? same : position;
                        if (!missStopped) liveScanned++;
                    }
                    if (top == EMPTY_REST) wordHasRest = true;
                    if (!missStopped) {
                        missSlots++;
                        if (top == EMPTY_REST && style == LookupStyle.GENERIC) missStopped = true;
                    }
                }
                if (wordHasRest && style == LookupStyle.SWAR) missStopped = true;
                live[liveHere]++;
                if (bk != head) inUse++;
                if (overflow.applyAsInt(bk) == 0) break;
            }
            while (chains.size() <= len) chains.add(0L);
            chains.set(len, chains.get(len) + 1);
            probesMiss += switch (style) {
                case GENERIC -> missSlots;
                case FAST64 -> (double) len * BUCKET_SIZE;
                case SWAR -> liveScanned / LIVE_TOPHASH_VALUES;
            };
        }
        final List<Long> liveList = new ArrayList<>();
        for (long v : live) liveList.add(v);
        return new MapStats(count, b, noverflow, growing, sameSizeGrow, nevacuate, mainBuckets, oldBucketCount,
            inUse, chains, liveList, liveKeys == 0 ? 0 : (double) probesHit / liveKeys, probesMiss / mainBuckets,
            seed, doublingGrowths, sameSizeGrowths, evacuatedBuckets);
    }
}
