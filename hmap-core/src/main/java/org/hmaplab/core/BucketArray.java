package org.hmaplab.core;

/**
 * One bucket array of a classic map (Go's {@code hmap.buckets} or {@code hmap.oldbuckets}) as the
 * state machine of {@link AbstractGoMap} sees it: 2^b main buckets numbered 0 .. 2^b - 1, then
 * overflow buckets numbered from 2^b on, each bucket with one tophash word (slot i's tophash in
 * bits 8i..8i+7, Go's little-endian {@code bmap.tophash[8]}) and an overflow link (0 = none:
 * bucket 0 is a main bucket, never an overflow bucket).
 *
 * <p>Where the keys and values live is the subclass's business: {@code GoLongLongMap} keeps Go's
 * 144-byte buckets in flat or paged {@code long} arrays, {@code GoMap} keeps boxed slots in
 * parallel arrays. The state machine reads and writes only what is declared here; the key and
 * value of a slot it reaches through its map's storage hooks.
 */
abstract class BucketArray {
    /** Bits of one tophash byte. */
    static final int BYTE_MASK = 0xff;

    /** log2 of the main buckets (hmap.B of the map while this is its current array). */
    final int b;
    /** 2^b - 1: a hash's main bucket is {@code hash & mask}. */
    final int mask;
    /** The next unused overflow bucket; buckets mask+1 .. nextFree-1 are chained overflow buckets. */
    int nextFree;

    BucketArray(int b) {
        this.b = b;
        this.mask = (1 << b) - 1;
        this.nextFree = mask + 1;
    }

    /** The tophash word of a bucket: slot i's tophash in bits 8i..8i+7. */
    abstract long word(int bucket);

    /** Replaces the tophash word of a bucket, allocating its storage if it has none yet. */
    abstract void setWord(int bucket, long word);

    /** The next bucket of the chain, 0 for none. */
    abstract int link(int bucket);

    /** Chains {@code next} after {@code bucket}. */
    abstract void setLink(int bucket, int next);

    /**
     * Takes the next free overflow bucket (an empty bucket, not linked yet), making room for it.
     *
     * @throws IllegalStateException when the storage cannot hold another bucket
     */
    abstract int allocateOverflow();

    /** mapclear: every bucket empty and unlinked, every overflow bucket free again; B stays. */
    abstract void reset();

    /**
     * Marks every bucket of the array emptyRest, so that an iterator still walking it after a
     * clear finds nothing more (what Go 1.21's clear does to an abandoned old array).
     */
    abstract void markEmpty();

    /** The tophash byte of a slot. */
    final int top(int bucket, int slot) {
        return (int) (word(bucket) >>> (slot << GoMapRules.BUCKET_SHIFT)) & BYTE_MASK;
    }

    /** Sets the tophash byte of a slot. */
    final void setTop(int bucket, int slot, int top) {
        final int shift = slot << GoMapRules.BUCKET_SHIFT;
        setWord(bucket, (word(bucket) & ~((long) BYTE_MASK << shift)) | ((long) top << shift));
    }

    /** Whether main bucket {@code bucket} of an old array is evacuated (map.go:203-206). */
    final boolean evacuated(int bucket) {
        return GoMapRules.evacuated((int) word(bucket) & BYTE_MASK);
    }
}
