package org.hmaplab.core;

import static org.hmaplab.core.GoMapRules.BUCKET_SIZE;
import static org.hmaplab.core.GoMapRules.EMPTY_ONE;
import static org.hmaplab.core.GoMapRules.EMPTY_REST;
import static org.hmaplab.core.GoMapRules.EVACUATED_EMPTY;
import static org.hmaplab.core.GoMapRules.EVACUATED_X;
import static org.hmaplab.core.GoMapRules.EVACUATED_Y;
import static org.hmaplab.core.GoMapRules.MIN_TOP_HASH;

import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * The Go 1.19 runtime map ({@code runtime/map.go}, {@code map_fast64.go}) for primitive
 * {@code long} keys and values. Section numbers (§) refer to GO-MAP-SPEC.md.
 *
 *
 * <h2>What is here and what is in AbstractGoMap</h2>
 * As Go keeps its state machine in {@code map.go} and only the per-key-type access, assign and
 * delete paths (and their evacuate) in {@code map_fast64.go}, the state machine is written once in
 * {@link AbstractGoMap}, shared with {@link GoMap}: the header, the writing flag, hashGrow,
 * growWork, evacuate, advanceEvacuationMark, newoverflow, the emptyRest walk-back, clear, the
 * iterator's walk, {@code header()}, {@code stats()} and {@code verifyInvariants()};
 * {@link GoMapRules} holds the pure rules (constants, tophash, triggers, random stream). This class
 * holds its storage (Go's 144-byte buckets in flat or packed {@code long} pages,
 * {@link PagedBuckets}) and the hot paths that walk it, as concrete code in a final class, so the
 * probe loops call nothing virtual: the GENERIC/FAST64/SWAR lookups, put's search and remove's
 * search, and, as Go's evacuate_fast64, evacuate's slot loop (the generic loop's per-slot hooks
 * cost put-growth 14-19 %). The package overview ({@code package-info}) has the table of Go's names and ours.
 * has the table of Go's names and ours.
 *
 * <h2>Design</h2>
 * <ul>
 * <li><b>Buckets of 8.</b> The table is 2^B main buckets of 8 slots (§1.1, §2.3). A key goes to
 * bucket {@code hash & (2^B - 1)} (§3.8). Each slot has a tophash byte: the top byte of the
 * hash, raised by 5 when below 5, because the codes 0..4 are slot states: emptyRest (this slot and
 * all after it in the chain are empty), emptyOne, evacuatedX, evacuatedY, evacuatedEmpty (§1.5,
 * §3.7). Storage is plain {@code long[]}s, no per-entry objects, with Go's own bucket layout
 * for {@code map[int64]int64} (§2.3, §2.4: 144 bytes): 18 longs per bucket, first the 8 tophash
 * bytes as ONE long (slot i in byte i, little-endian; also the word the SWAR lookup matches), then
 * the 8 keys, then the 8 values, then the overflow link (the index of the next bucket of the
 * chain; 0 = none, since bucket 0 is a main bucket and never an overflow bucket). A lookup thus
 * reads one contiguous 144-byte block per bucket.</li>
 * <li><b>Pages (ours, not Go's; {@link MapOptions#paged()}, on by default).</b> Buckets are numbered
 * as in one array (main buckets, then overflow buckets), but stored in pages of 2^10 buckets
 * (147,456 bytes), for tables with B &gt; {@link #FLAT_MAX_B}; smaller tables (up to 2.4 MB) keep
 * their main buckets in one array, which lookups index directly. Page 0 comes with the array; every
 * other page is allocated on its first write
 * (an insert, an evacuation into X or Y, an evacuation mark) and reads as empty buckets until then.
 * Go allocates and clears the whole new array in hashGrow; so does the JVM for a Java array, and
 * at 4M entries that is 151 MB in one insert. Paged, a growth costs at most a few pages per write
 * (each write evacuates at most 2 old buckets into at most 4 pages). Unpaged, the main buckets of
 * every table are one array of any size. Structure, growth timing and every observable are identical in both
 * layouts (tested slot by slot); only where the bytes live differs. A lookup locates a bucket as
 * {@code pages[n >>> 10][(n & 1023) * 18]}, one more dependent load than a flat array.</li>
 * <li><b>Overflow.</b> When a chain is full, an overflow bucket is taken from a region numbered after
 * the main buckets, with 2^(B-4) buckets for B &ge; 4 from the start (Go's preallocation before
 * size-class rounding, §2.6, a memory detail). In a one-array table the region is stored apart from
 * the main array (page 1 onwards, pages of 2^B buckets) and doubled by copying itself when exhausted,
 * so taking an overflow bucket never copies the main buckets (Go allocates the buckets beyond its
 * preallocated ones one by one, also outside the main array); in a paged table overflow pages are
 * allocated one at a time when needed. {@code noverflow} counts every
 * chained overflow bucket as Go does: exactly for B &lt; 16, with probability 1/2^(B-15) from
 * B = 16 (§4.5), as a 16-bit counter that wraps like Go's uint16.</li>
 * <li><b>Growth</b> starts only on the insert of a new key into a map that is not growing (§4.3,
 * §4.4): it doubles when {@code overLoadFactor(count+1, B)} (load factor from {@link MapOptions},
 * Go's 13/2 by default), else it is a same-size growth when
 * {@code tooManyOverflowBuckets(noverflow, B)}. hashGrow (§5) only swaps in a new array.</li>
 * <li><b>Incremental evacuation</b> (§6). Every insert, update and delete on a growing map (a
 * delete only when count &gt; 0) first evacuates the old bucket its key maps to, then the old
 * bucket at {@code nevacuate}: at most 2 per write. Entries of old bucket i go to new bucket i
 * (X) or i + 2^oldB (Y), chosen by hash bit 2^oldB (always X in a same-size growth), packed in
 * order; the old slots are marked evacuatedX/Y/Empty. When the bucket at {@code nevacuate} is
 * evacuated, {@code nevacuate} advances over already-evacuated buckets (at most 1024 steps) and
 * the old array is dropped when it reaches the old bucket count. Lookups never move data; while
 * the key's old bucket is not evacuated they search the old bucket (§7.3).</li>
 * <li><b>Delete</b> marks the slot emptyOne, and when it was the last used slot of its chain walks
 * back turning emptyOne slots into emptyRest, across overflow buckets (§9.5). A delete that brings
 * count to 0, and {@link #clear()} of a non-empty map, draw a new seed (§3.2). Clear keeps B,
 * drops the overflow chains, abandons a growth and resets noverflow (§12.2). Nothing ever shrinks
 * (§9.8).</li>
 * <li><b>Iteration</b> (§11) starts at a random bucket and a random in-bucket rotation applied in
 * every bucket; it walks its snapshot of the bucket array, consults the old bucket during a growth
 * it started in (filtering to keys of the current bucket), and looks up entries marked evacuated
 * in the live table, so deleted-before-reached entries are skipped, no entry is returned twice,
 * and values are current.</li>
 * <li><b>Misuse checks</b> (§13) as {@link ConcurrentModificationException} with Go's messages:
 * writers XOR a writing flag at the start and check/clear it at the end; readers and iterators
 * on a non-empty map that see it set throw. Writers read and write the flag with opaque
 * {@link VarHandle} access so that the JIT cannot fold a write's set/clear pair away; lookups read
 * it plainly, as Go's mapaccess does (an opaque read is a compiler barrier that cost get about
 * 3 ns here; a reader in a tight loop may then see a racing writer's flag later).</li>
 * </ul>
 *
 * <h2>Lookup styles</h2>
 * {@link LookupStyle#GENERIC} compares the tophash byte of each slot in chain order and stops at
 * emptyRest (§7.4). {@link LookupStyle#FAST64} compares every slot's key, then checks the slot is
 * not empty, never compares the tophash value and has no emptyRest exit; with B = 0 it does not
 * hash at all (§7.5); it compares the 8 keys of a bucket in one Vector API operation where the
 * machine has 256- or 512-bit vectors ({@link KeyMatch}; the first matching slot that is not empty
 * is the one Go's loop returns), which removes the loop's mispredicted exit from every lookup.
 * {@link LookupStyle#SWAR} (ours, not Go's) matches the bucket's tophash long
 * against the wanted byte with the has-zero-byte trick on {@code word ^ broadcast(top)}, verifies
 * each candidate byte (the trick has false positives above a real match) and its key, and stops
 * after a bucket whose word contains a zero (emptyRest) byte. Inserts, in every style, find the
 * key, the insert slot (first byte &le; emptyOne) and the chain's end a tophash word at a time with the
 * same tricks: the same slots Go's byte-by-byte loop finds, fewer branches. Deletes search as the
 * generic path does. All three give the same results. For {@link #stats()}: "slots examined" is
 * the number of slots whose tophash is read (GENERIC, up to the hit or the emptyRest stop), whose
 * key is compared (FAST64: all slots up to the hit, all slots of the chain on a miss), or which
 * are verified as candidates (SWAR: tophash matches; for a miss the expected false matches,
 * live slots scanned / 251).
 *
 * <h2>Hot-key cache (optional, not in Go, §14.3)</h2>
 * With {@link MapOptions#hotKeyCache()} a direct-mapped table of 64 entries remembers recently
 * found keys and their slot in the current array. An entry is valid only while a structural
 * version counter is unchanged; the counter is bumped by every insert of a new key, delete,
 * evacuation step, growth start and clear, so a hit (which skips hashing and probing) can never
 * return a wrong answer. Go has no such cache.
 *
 * <h2>Go's names and ours</h2>
 * <table>
 * <caption>Go runtime names and this class</caption>
 * <tr><th>Go (map.go)</th><th>here</th></tr>
 * <tr><td>hmap</td><td>GoLongLongMap</td></tr>
 * <tr><td>count</td><td>count ({@link #size()})</td></tr>
 * <tr><td>flags</td><td>flags (AbstractGoMap; opaque VarHandle for writers)</td></tr>
 * <tr><td>flags &amp; sameSizeGrow</td><td>sameSizeGrow</td></tr>
 * <tr><td>B</td><td>buckets.b (MapStats.B)</td></tr>
 * <tr><td>noverflow</td><td>noverflow</td></tr>
 * <tr><td>hash0</td><td>seed</td></tr>
 * <tr><td>buckets / oldbuckets</td><td>buckets / oldBuckets (PagedBuckets: flat or paged long[])</td></tr>
 * <tr><td>nevacuate</td><td>nevacuate</td></tr>
 * <tr><td>extra.overflow, extra.nextOverflow</td><td>the overflow region of a PagedBuckets,
 * PagedBuckets.nextFree</td></tr>
 * <tr><td>bmap (144 bytes)</td><td>18 longs of a PagedBuckets page: tophash word, 8 keys, 8 values,
 * overflow link</td></tr>
 * <tr><td>fastrand()</td><td>nextRandom() (per map, 32-bit draws of splitmix64, GoMapRules.fastrand)</td></tr>
 * <tr><td>hiter</td><td>{@link Iterator}</td></tr>
 * <tr><td>mapaccess1 / mapassign / mapdelete / mapclear</td><td>get / put / remove / clear</td></tr>
 * </table>
 *
 * <h2>Deliberate differences from Go</h2>
 * <ul>
 * <li>The seed is 64 bits (Go: a 32-bit hash0 plus a per-process secret, §14.5), passed to
 * {@link Hasher#hashLong(long, long)}.</li>
 * <li>Go's per-thread fastrand is replaced by a per-map splitmix64 generator seeded from the
 * initial seed; it drives the noverflow increments from B = 16 and the iteration start, so a run
 * is reproducible. Re-drawn seeds come from the seed supplier; with a fixed {@code long seed}
 * that is a {@link SplittableRandom} seeded with it.</li>
 * <li>No real concurrency: the misuse checks are best effort, as Go's are; a failure throws
 * instead of killing the process. The iterator/oldIterator flags are not kept: for long keys
 * (always reflexive, no pointers) they change nothing observable.</li>
 * <li>Clear re-zeroes the arrays and keeps the overflow region's capacity (Go frees overflow
 * buckets beyond the preallocated ones); only memory differs.</li>
 * </ul>
 *
 * <h2>Go's load-factor table</h2>
 * From the header comment of map.go (64-bit, 8-byte keys and elems, maximally loaded tables):
 * <pre>
 *  loadFactor    %overflow  bytes/entry     hitprobe    missprobe
 *        4.00         2.13        20.77         3.00         4.00
 *        4.50         4.05        17.30         3.25         4.50
 *        5.00         6.85        14.77         3.50         5.00
 *        5.50        10.55        12.94         3.75         5.50
 *        6.00        15.27        11.67         4.00         6.00
 *        6.50        20.90        10.79         4.25         6.50
 *        7.00        27.14        10.15         4.50         7.00
 *        7.50        34.03         9.73         4.75         7.50
 *        8.00        41.10         9.40         5.00         8.00
 * </pre>
 * %overflow = percentage of buckets which have an overflow bucket; bytes/entry = overhead bytes
 * per pair; hitprobe / missprobe = entries to check for a present / absent key. The load factor
 * is a {@link MapOptions} parameter (num/den, 4.0..8.0 with den 2). LoadFactorTableTest reproduces
 * the table with this map at B = 13 (random keys, FAST64 probe counts), for example at 6.5:
 * %overflow 20.69, bytes/entry 10.75, hitprobe 4.24, missprobe 6.5.
 *
 * <p>Limits: B &le; {@link #MAX_B} (unpaged, 2^B buckets of 18 longs must fit one Java array; the same
 * limit holds paged, where main and overflow buckets together must stay below 2^28 so that a slot
 * reference {@code bucket << 3 | slot} fits an int); a larger size hint is an
 * IllegalArgumentException, a growth beyond it an IllegalStateException.
 *
 * <p>Not thread-safe.
 */
public final class GoLongLongMap extends AbstractGoMap<GoLongLongMap.PagedBuckets> {
    /** Longs per bucket: Go's 144-byte bucket of map[int64]int64 (§2.4): tophash word, 8 keys, 8 values, link. */
    static final int BUCKET_LONGS = 18;
    /** Buckets per page of a paged table: 2^10 buckets = 147,456 bytes, allocated (and zeroed) at once. */
    static final int PAGE_SHIFT = 10;
    /**
     * Largest B of a paged map whose main buckets are still one array (2^14 buckets, 2.4 MB: zeroing it takes
     * a fraction of a millisecond). Lookups in a one-array table skip the page index, a dependent load
     * that costs a few nanoseconds per get; only larger tables, whose zeroing would be a long pause,
     * are paged.
     */
    static final int FLAT_MAX_B = 14;
    /** Page shift passed for an unpaged map: every table then keeps its main buckets in one array. */
    static final int FLAT_PAGE_SHIFT = 31;
    /** The unallocated page of a paged table: all zero (empty buckets, no links), shared, never written. */
    private static final long[] EMPTY_PAGE = new long[(1 << PAGE_SHIFT) * BUCKET_LONGS];
    /** Bucket indices (main and overflow) must stay below this so that a slot reference fits an int. */
    private static final int MAX_BUCKETS = 1 << (Integer.SIZE - 1 - SLOT_BITS);
    /** Offset of the first key in a bucket (map.go dataOffset = 8 bytes). */
    private static final int KEYS_AT = 1;
    /** Offset of the overflow link, the last word of a bucket. */
    private static final int LINK_AT = BUCKET_LONGS - 1;
    /** A value sits this many longs after its key. */
    private static final int VALUE_DELTA = BUCKET_SIZE;
    /** findInOld() result: the old bucket is evacuated, search the new array. */
    private static final int SEARCH_NEW = Integer.MAX_VALUE;
    /** Largest B of this map: 2^B buckets of 18 longs must fit one Java array with an overflow region. */
    public static final int MAX_B = GoMapRules.MAX_B;
    /** Entries of the hot-key cache (a power of two). */
    private static final int HOT_CACHE_SIZE = 64;
    private static final int HOT_CACHE_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(HOT_CACHE_SIZE);
    /** Golden-ratio multiplier: splitmix64 increment, and the cache index mixer. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** 0x01 in every byte: SWAR broadcast and borrow constant. */
    private static final long LOW_BITS = 0x0101010101010101L;
    /** 0x02 in every byte: SWAR "byte below 2" (emptyRest or emptyOne: a free slot) borrow constant. */
    private static final long FREE_BELOW = (EMPTY_ONE + 1) * LOW_BITS;
    /** 0x80 in every byte: SWAR zero-byte flags. */
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** One tophash byte. */
    private static final int BYTE_MASK = 0xff;

    /** Buckets per page (log2) of tables above {@link #flatMaxB}. */
    private final int pageShift;
    /** Tables with B up to this keep their main buckets in one array. */
    private final int flatMaxB;

    /** Hot-key cache: remembered keys, their slot references in the current array, the version seen. */
    private final long[] hotKeys;
    private final int[] hotSlots;
    private final long[] hotStamps;

    /** A map with the default hasher ({@link Hashers#defaultHasher()}), a random seed and no size hint. */
    public GoLongLongMap() {
        this(0);
    }

    /** A map with the default hasher, a random seed (SecureRandom) and room for {@code hint} entries. */
    public GoLongLongMap(int hint) {
        this(Hashers.defaultHasher(), randomSeed(), hint, MapOptions.DEFAULT);
    }

    /** A map with this hasher, a random seed (SecureRandom) and no size hint. */
    public GoLongLongMap(Hasher hasher) {
        this(hasher, randomSeed(), 0, MapOptions.DEFAULT);
    }

    /** A map with this hasher and seed; later seeds come from {@code new SplittableRandom(seed)}. */
    public GoLongLongMap(Hasher hasher, long seed, int hint) {
        this(hasher, seed, hint, MapOptions.DEFAULT);
    }

    /**
     * A map with this hasher, seed, size hint and options. The seed is the first hash seed; the
     * seeds re-drawn when a delete empties the map or on clear come from a
     * {@link SplittableRandom} seeded with {@code seed}, so a run is reproducible.
     */
    public GoLongLongMap(Hasher hasher, long seed, int hint, MapOptions options) {
        this(hasher, GoMapRules.seedsStartingWith(seed), hint, options);
    }

    /**
     * A map whose seeds come from {@code seeds}: the first call gives the initial seed, every later
     * call a re-drawn one (a delete that empties the map, clear), as Go re-draws hash0. The
     * differential tests against Go replay Go's recorded hash0 values through it. A negative hint
     * gives B = 0, as in Go; a hint needing B &gt; {@link #MAX_B} is an IllegalArgumentException.
     */
    public GoLongLongMap(Hasher hasher, LongSupplier seeds, int hint, MapOptions options) {
        this(hasher, seeds, hint, options, options.paged() ? PAGE_SHIFT : FLAT_PAGE_SHIFT);
    }

    /**
     * Tests: a map whose pages hold 2^pageShift buckets (1..{@link #PAGE_SHIFT}), so that small maps
     * cross page boundaries; {@code options.paged()} is ignored. Below {@link #PAGE_SHIFT} every table is
     * paged (no one-array tables up to {@link #FLAT_MAX_B}).
     */
    GoLongLongMap(Hasher hasher, LongSupplier seeds, int hint, MapOptions options, int pageShift) {
        super(hasher, seeds, options);
        if (pageShift != FLAT_PAGE_SHIFT && (pageShift < 1 || pageShift > PAGE_SHIFT)) {
            throw new IllegalArgumentException("page shift " + pageShift + " is not allowed: 1.." + PAGE_SHIFT
                + " or " + FLAT_PAGE_SHIFT + " (unpaged)");
        }
        this.pageShift = pageShift;
        this.flatMaxB = pageShift == PAGE_SHIFT ? FLAT_MAX_B : pageShift == FLAT_PAGE_SHIFT ? MAX_B : -1;
        this.buckets = newTable(initialB(hint));
        if (options.hotKeyCache()) {
            hotKeys = new long[HOT_CACHE_SIZE];
            hotSlots = new int[HOT_CACHE_SIZE];
            hotStamps = new long[HOT_CACHE_SIZE];
        } else {
            hotKeys = null;
            hotSlots = null;
            hotStamps = null;
        }
    }

    private static long randomSeed() {
        return new SecureRandom().nextLong();
    }

    // ------------------------------------------------------------------ reads

    /** The value of {@code key}, or {@code missing} when absent (mapaccess1, §7). */
    public long get(long key, long missing) {
        if (count == 0) {
            return missing;
        }
        checkNoWriter(GoMapRules.CONCURRENT_READ_WRITE);
        if (hotKeys != null || oldBuckets != null) {
            return slowGet(key, missing);
        }
        // Not growing, no cache: the probe returns the value itself, read from the page it has at hand.
        final PagedBuckets t = buckets;
        final int st = style;
        if (st == FAST64) {
            return walkFast(t, t.mask == 0 ? 0 : (int) hasher.hashLong(key, seed) & t.mask, key, missing, true);
        }
        final long hash = hasher.hashLong(key, seed);
        if (st == GENERIC) {
            return walkGeneric(t, (int) hash & t.mask, GoMapRules.tophash(hash), key, missing, true);
        }
        return walkSwar(t, (int) hash & t.mask, GoMapRules.tophash(hash), key, missing, true);
    }

    /** get during a growth or with the hot-key cache: through find() and slot references. */
    private long slowGet(long key, long missing) {
        if (hotKeys != null) {
            return cachedGet(key, missing);
        }
        final int ref = find(key);
        if (ref >= 0) {
            return buckets.valueAtRef(ref);
        }
        return ref == MISSING ? missing : oldBuckets.valueAtRef(-ref - 1);
    }

    /** §7.4: tophash filter in chain order, stop at emptyRest; the key's slot reference, or MISSING. */
    private static int probeGeneric(PagedBuckets t, int bucket, int top, long key) {
        return (int) walkGeneric(t, bucket, top, key, MISSING, false);
    }

    /** §7.5 fast64: key first, then !isEmpty; no tophash compare, no emptyRest exit; a slot reference or MISSING. */
    private static int probeFast(PagedBuckets t, int bucket, long key) {
        return (int) walkFast(t, bucket, key, MISSING, false);
    }

    /** Ours: all 8 tophash bytes matched at once; candidates verified; stop after a word with emptyRest. */
    private static int probeSwar(PagedBuckets t, int bucket, int top, long key) {
        return (int) walkSwar(t, bucket, top, key, MISSING, false);
    }

    /*
     * The chain walks of the three lookup styles. Each returns, for a present key, its value when
     * wantValue (get: read from the page the walk has at hand) or its slot reference
     * (bucket << 3 | slot) otherwise, and {@code missing} for an absent key. Every caller passes a
     * constant wantValue, which the JIT folds once the walk is inlined.
     */

    /** The GENERIC walk (§7.4). */
    private static long walkGeneric(PagedBuckets t, int bucket, int top, long key, long missing, boolean wantValue) {
        final long[][] pages = t.pages;
        final long[] flat = t.flat;
        final int pageShift = t.pageShift;
        final int pageMask = t.pageMask;
        int b = bucket;
        long[] page = flat != null ? flat : pages[b >>> pageShift];
        while (true) {
            final int base = (b & pageMask) * BUCKET_LONGS;
            long w = page[base];
            for (int i = KEYS_AT; i <= BUCKET_SIZE; i++, w >>>= Byte.SIZE) {
                final int h = (int) w & BYTE_MASK;
                if (h == top) {
                    if (page[base + i] == key) {
                        return wantValue ? page[base + i + VALUE_DELTA] : b << SLOT_BITS | (i - KEYS_AT);
                    }
                } else if (h == EMPTY_REST) {
                    return missing;
                }
            }
            b = (int) page[base + LINK_AT];
            if (b == 0) {
                return missing;
            }
            page = pages[b >>> pageShift];
        }
    }

    /** The FAST64 walk (§7.5). */
    private static long walkFast(PagedBuckets t, int bucket, long key, long missing, boolean wantValue) {
        final long[][] pages = t.pages;
        final long[] flat = t.flat;
        final int pageShift = t.pageShift;
        final int pageMask = t.pageMask;
        int b = bucket;
        long[] page = flat != null ? flat : pages[b >>> pageShift];
        while (true) {
            final int base = (b & pageMask) * BUCKET_LONGS;
            final int slot = firstLiveMatch(page, base, key);
            if (slot >= 0) {
                return wantValue ? page[base + KEYS_AT + VALUE_DELTA + slot] : b << SLOT_BITS | slot;
            }
            b = (int) page[base + LINK_AT];
            if (b == 0) {
                return missing;
            }
            page = pages[b >>> pageShift];
        }
    }

    /** The SWAR walk (ours). */
    private static long walkSwar(PagedBuckets t, int bucket, int top, long key, long missing, boolean wantValue) {
        final long[][] pages = t.pages;
        final long[] flat = t.flat;
        final int pageShift = t.pageShift;
        final int pageMask = t.pageMask;
        final long pattern = top * LOW_BITS;
        int b = bucket;
        long[] page = flat != null ? flat : pages[b >>> pageShift];
        while (true) {
            final int base = (b & pageMask) * BUCKET_LONGS;
            final long w = page[base];
            final long x = w ^ pattern;
            long m = (x - LOW_BITS) & ~x & HIGH_BITS;
            while (m != 0) {
                final int shift = Long.numberOfTrailingZeros(m) & ~7;
                final int at = base + KEYS_AT + (shift >>> 3);
                if (((w >>> shift) & BYTE_MASK) == top && page[at] == key) {
                    return wantValue ? page[at + VALUE_DELTA] : b << SLOT_BITS | (shift >>> 3);
                }
                m &= m - 1;
            }
            if (((w - LOW_BITS) & ~w & HIGH_BITS) != 0) {
                return missing; // an emptyRest byte: nothing follows in this chain
            }
            b = (int) page[base + LINK_AT];
            if (b == 0) {
                return missing;
            }
            page = pages[b >>> pageShift];
        }
    }

    /** Whether {@code key} is present (mapaccess2, §7). */
    public boolean containsKey(long key) {
        if (count == 0) {
            return false;
        }
        checkNoWriter(GoMapRules.CONCURRENT_READ_WRITE);
        if (hotKeys != null) {
            final int ci = cacheIndex(key);
            if (hotKeys[ci] == key && hotStamps[ci] == version) {
                return true;
            }
        }
        return find(key) != MISSING;
    }

    private long cachedGet(long key, long missing) {
        final int ci = cacheIndex(key);
        if (hotKeys[ci] == key && hotStamps[ci] == version) {
            return buckets.valueAtRef(hotSlots[ci]);
        }
        final int ref = find(key);
        if (ref >= 0) {
            hotKeys[ci] = key;
            hotSlots[ci] = ref;
            hotStamps[ci] = version;
            return buckets.valueAtRef(ref);
        }
        return ref == MISSING ? missing : oldBuckets.valueAtRef(-ref - 1);
    }

    private static int cacheIndex(long key) {
        return (int) ((key * GOLDEN) >>> HOT_CACHE_SHIFT);
    }

    /**
     * The position of {@code key} under the map's lookup style: a slot reference
     * ({@code bucket << 3 | slot}) in the current array (&ge; 0), -(reference + 1) for the old
     * array, or MISSING. Never moves data.
     */
    private int find(long key) {
        final PagedBuckets t = buckets;
        final int st = style;
        if (st == FAST64 && t.mask == 0) {
            // FAST64 with B == 0: no hashing at all (fast64:24-26); a map at B == 0 is never growing.
            return probeFast(t, 0, key);
        }
        final long hash = hasher.hashLong(key, seed);
        if (oldBuckets != null) {
            final int r = findInOld(hash, key);
            if (r != SEARCH_NEW) {
                return r;
            }
        }
        final int bucket = (int) hash & t.mask;
        if (st == GENERIC) {
            return probeGeneric(t, bucket, GoMapRules.tophash(hash), key);
        } else if (st == FAST64) {
            return probeFast(t, bucket, key);
        }
        return probeSwar(t, bucket, GoMapRules.tophash(hash), key);
    }

    /** §7.3: search the old bucket while it is not evacuated; SEARCH_NEW when it is. */
    private int findInOld(long hash, long key) {
        final PagedBuckets o = oldBuckets;
        final int ob = (int) hash & o.mask;
        if (o.evacuated(ob)) {
            return SEARCH_NEW;
        }
        final int r;
        if (style == GENERIC) {
            r = probeGeneric(o, ob, GoMapRules.tophash(hash), key);
        } else if (style == FAST64) {
            r = probeFast(o, ob, key);
        } else {
            r = probeSwar(o, ob, GoMapRules.tophash(hash), key);
        }
        return r == MISSING ? MISSING : -r - 1;
    }

    /**
     * FAST64's rule for one bucket (map_fast64.go:40-47): the first slot whose key equals {@code key}
     * and whose tophash is not empty, or -1. A deleted slot keeps its key (Go clears keys only when
     * they hold pointers), so a key can match a dead slot before its live one; the loop skips those.
     */
    private static int firstLiveMatch(long[] page, int base, long key) {
        long m = KeyMatch.slots(page, base + KEYS_AT, key);
        while (m != 0) {
            final int slot = Long.numberOfTrailingZeros(m);
            if (((page[base] >>> (slot << 3)) & BYTE_MASK) > EMPTY_ONE) {
                return slot;
            }
            m &= m - 1;
        }
        return -1;
    }

    // ------------------------------------------------------------------ writes

    /**
     * Associates {@code value} with {@code key} (mapassign, §8) and returns the previous value, or
     * {@code missing} when the key was new.
     */
    public long put(long key, long value, long missing) {
        checkNotWriting();
        final long hash = hasher.hashLong(key, seed);
        toggleWriting();
        final int top = GoMapRules.tophash(hash);
        long previous = missing;
        while (true) {
            if (oldBuckets != null) {
                growWork((int) hash & buckets.mask);
            }
            final PagedBuckets t = buckets;
            final long[][] pages = t.pages;
            final long[] flat = t.flat;
            final int pageShift = t.pageShift;
            final int pageMask = t.pageMask;
            final int bucket = (int) hash & t.mask;
            int insertBucket = -1;
            int insertSlot = 0;
            int last = bucket;
            long[] foundPage = null;
            int found = -1;
            int b = bucket;
            // Go's slot-by-slot search (§8.3), done a word at a time: the key can only be in a slot whose
            // byte equals top, the insert slot is the first byte <= emptyOne, and a chain ends at the
            // first bucket with an emptyRest byte (nothing but emptyRest follows it).
            final long pattern = top * LOW_BITS;
            long[] page = flat != null ? flat : pages[b >>> pageShift];
            search:
            while (true) {
                final int base = (b & pageMask) * BUCKET_LONGS;
                final long w = page[base];
                final long x = w ^ pattern;
                long m = (x - LOW_BITS) & ~x & HIGH_BITS;
                while (m != 0) {
                    final int shift = Long.numberOfTrailingZeros(m) & ~7;
                    final int at = base + KEYS_AT + (shift >>> 3);
                    if (((w >>> shift) & BYTE_MASK) == top && page[at] == key) {
                        foundPage = page;
                        found = at;
                        break search;
                    }
                    m &= m - 1;
                }
                if (insertBucket < 0) {
                    final long free = (w - FREE_BELOW) & ~w & HIGH_BITS; // lowest flag exact: first byte < 2
                    if (free != 0) {
                        insertBucket = b;
                        insertSlot = Long.numberOfTrailingZeros(free) >>> 3;
                    }
                }
                if (((w - LOW_BITS) & ~w & HIGH_BITS) != 0) {
                    break; // an emptyRest byte: the chain ends here
                }
                last = b;
                b = (int) page[base + LINK_AT];
                if (b == 0) {
                    break;
                }
                page = pages[b >>> pageShift];
            }
            if (foundPage != null) {
                previous = foundPage[found + VALUE_DELTA];
                foundPage[found + VALUE_DELTA] = value;
                break;
            }
            if (startsGrowth()) {
                hashGrow();
                continue; // "goto again": growWork, then insert into the new array
            }
            if (insertBucket < 0) {
                insertBucket = newOverflow(t, last);
                insertSlot = 0;
            }
            t.store(insertBucket, insertSlot, top, key, value);
            count++;
            version++;
            break;
        }
        endWrite();
        return previous;
    }

    /** Removes {@code key} (mapdelete, §9) and returns its value, or {@code missing} when absent. */
    public long remove(long key, long missing) {
        if (count == 0) {
            return missing;
        }
        checkNotWriting();
        final long hash = hasher.hashLong(key, seed);
        toggleWriting();
        if (oldBuckets != null) {
            growWork((int) hash & buckets.mask);
        }
        final PagedBuckets t = buckets;
        final long[][] pages = t.pages;
        final long[] flat = t.flat;
        final int pageShift = t.pageShift;
        final int pageMask = t.pageMask;
        final int bucket = (int) hash & t.mask;
        final int top = GoMapRules.tophash(hash);
        long removed = missing;
        int b = bucket;
        long[] page = flat != null ? flat : pages[b >>> pageShift];
        search:
        do {
            final int base = (b & pageMask) * BUCKET_LONGS;
            long w = page[base];
            for (int i = 0; i < BUCKET_SIZE; i++, w >>>= Byte.SIZE) {
                final int h = (int) w & BYTE_MASK;
                if (h != top) {
                    if (h == EMPTY_REST) {
                        break search;
                    }
                    continue;
                }
                if (page[base + KEYS_AT + i] != key) {
                    continue;
                }
                removed = page[base + KEYS_AT + i + VALUE_DELTA];
                deleted(t, bucket, b, i);
                break search;
            }
            b = (int) page[base + LINK_AT];
            page = pages[b >>> pageShift];
        } while (b != 0);
        endWrite();
        return removed;
    }

    /**
     * evacuate_fast64 (map_fast64.go): the state machine's evacuate with this storage's slot loop
     * written out, reading a bucket's tophash word, keys and values from the page at hand and
     * writing its marks once. The rules are those of {@link AbstractGoMap#evacuate}; the generic
     * loop's per-slot hooks cost put-growth 14-19 % here (docs/performance-log.md).
     */
    @Override
    void evacuate(int ob) {
        final PagedBuckets o = oldBuckets;
        final int newbit = o.mask + 1;
        if (!o.evacuated(ob)) {
            final PagedBuckets n = buckets;
            final boolean doubling = !sameSizeGrow;
            final int pageShift = o.pageShift;
            final int pageMask = o.pageMask;
            int xBucket = ob;
            int xi = 0;
            int yBucket = ob + newbit;
            int yi = 0;
            int b = ob;
            while (true) {
                final long[] page = b == ob ? o.writablePage(b) : o.pages[b >>> pageShift];
                final int base = (b & pageMask) * BUCKET_LONGS;
                final long w = page[base];
                long marks = 0;
                for (int i = 0; i < BUCKET_SIZE; i++) {
                    final int shift = i << 3;
                    final int top = (int) (w >>> shift) & BYTE_MASK;
                    if (top <= EMPTY_ONE) {
                        marks |= (long) EVACUATED_EMPTY << shift;
                        continue;
                    }
                    final long k = page[base + KEYS_AT + i];
                    final long v = page[base + KEYS_AT + i + VALUE_DELTA];
                    if (doubling && (hasher.hashLong(k, seed) & newbit) != 0) {
                        marks |= (long) EVACUATED_Y << shift;
                        if (yi == BUCKET_SIZE) {
                            yBucket = newOverflow(n, yBucket);
                            yi = 0;
                        }
                        n.store(yBucket, yi++, top, k, v);
                    } else {
                        marks |= (long) EVACUATED_X << shift;
                        if (xi == BUCKET_SIZE) {
                            xBucket = newOverflow(n, xBucket);
                            xi = 0;
                        }
                        n.store(xBucket, xi++, top, k, v);
                    }
                }
                page[base] = marks;
                b = (int) page[base + LINK_AT];
                if (b == 0) {
                    break;
                }
            }
            evacuatedBuckets++;
            version++;
        }
        if (ob == nevacuate) {
            advanceEvacuationMark(newbit);
        }
    }

    // ------------------------------------------------------------------ storage hooks of the state machine

    /** An empty table of 2^b main buckets with this map's paging. */
    @Override
    PagedBuckets newTable(int b) {
        return new PagedBuckets(b, pageShift, flatMaxB);
    }

    @Override
    long slotHash(PagedBuckets t, int bucket, int slot) {
        return hasher.hashLong(t.key(bucket, slot), seed);
    }

    /**
     * The generic evacuate's move. This map overrides {@link #evacuate} with its own loop, so
     * nothing here calls it; it exists because the hook is part of the storage contract.
     */
    @Override
    void moveSlot(PagedBuckets from, int fromBucket, int fromSlot, PagedBuckets to, int toBucket, int toSlot, int top) {
        final int ref = fromBucket << SLOT_BITS | fromSlot;
        to.store(toBucket, toSlot, top, from.keyAtRef(ref), from.valueAtRef(ref));
    }

    @Override
    int findKeyOf(PagedBuckets from, int ref, long hash, PagedBuckets in, int bucket) {
        return probeGeneric(in, bucket, GoMapRules.tophash(hash), from.keyAtRef(ref));
    }

    @Override
    String describeKey(PagedBuckets t, int bucket, int slot) {
        return Long.toString(t.key(bucket, slot));
    }

    @Override
    void checkHotKeyCache() {
        if (hotKeys == null) {
            return;
        }
        final PagedBuckets t = buckets;
        for (int i = 0; i < HOT_CACHE_SIZE; i++) {
            if (hotStamps[i] == version) {
                final int ref = hotSlots[i];
                final int bucket = ref >>> SLOT_BITS;
                final int slot = ref & SLOT_MASK;
                if (t.top(bucket, slot) < MIN_TOP_HASH || t.keyAtRef(ref) != hotKeys[i]) {
                    fail("hot-key cache entry " + i + " for key " + hotKeys[i] + " is valid but bucket "
                        + bucket + " slot " + slot + " does not hold it");
                }
            }
        }
    }

    // ------------------------------------------------------------------ iteration

    /**
     * A new iteration in Go's order and with Go's guarantees (§11): random start bucket and
     * rotation; modification during the loop is allowed.
     */
    public Iterator iterator() {
        return new Iterator();
    }

    /** Calls {@code action} for each entry, in the order of a fresh {@link #iterator()}. */
    public void forEach(LongLongConsumer action) {
        Objects.requireNonNull(action, "action");
        final Iterator it = new Iterator();
        while (it.next()) {
            action.accept(it.key(), it.value());
        }
    }

    /**
     * A cursor over the map (Go's hiter): {@link #next()} moves to the next entry and says whether
     * there was one; {@link #key()} and {@link #value()} read it. The map may be modified between
     * calls: entries deleted before they are reached are not returned, no entry is returned twice,
     * entries present for the whole loop are returned once with their current value, and entries
     * added during the loop may or may not be returned (§11.8).
     */
    public final class Iterator {
        private final Cursor cursor = new Cursor();
        private boolean positioned;
        private long key;
        private long value;

        Iterator() {
        }

        /** Moves to the next entry; false when the iteration is over (mapiternext, §11.4-11.7). */
        public boolean next() {
            if (!cursor.advance()) {
                positioned = false;
                return false;
            }
            final int ref = cursor.entryRef;
            key = cursor.entryTable.keyAtRef(ref);
            value = cursor.entryTable.valueAtRef(ref);
            positioned = true;
            return true;
        }

        /** The key of the entry {@link #next()} moved to. */
        public long key() {
            requirePositioned();
            return key;
        }

        /** The value of the entry {@link #next()} moved to, as it was when next() returned. */
        public long value() {
            requirePositioned();
            return value;
        }

        private void requirePositioned() {
            if (!positioned) {
                throw new NoSuchElementException("no current entry: call next() and use key()/value() only "
                    + "after it returned true");
            }
        }
    }

    // ------------------------------------------------------------------ storage accessors for tests

    /** Pages allocated for the current array (tests: paged storage allocates lazily). */
    int allocatedPages() {
        return buckets.allocatedPages;
    }

    /** The current array's main buckets when they are one array (tables up to flatMaxB), else null (tests). */
    long[] mainArray() {
        return buckets.flat;
    }

    /** Pages the current array would have with every main bucket allocated (tests). */
    int mainPages() {
        return Math.max(1, (buckets.mask + 1) >>> buckets.pageShift);
    }


    /**
     * One bucket array: 2^b main buckets, then overflow buckets, numbered globally and stored in
     * pages of 2^pageShift buckets (18 longs each). Bucket n lives in {@code pages[n >>> pageShift]}
     * at {@code (n & pageMask) * 18}. Two kinds:
     * <ul>
     * <li><b>One-array tables</b> (b &le; flatMaxB): the page size is 2^b, so page 0 is exactly the
     * main buckets (also {@link #flat}, which lookups index directly) and overflow buckets live in
     * the pages after it. Overflow pages are allocated short and grown by a copy of themselves when
     * full (doubling, from Go's 2^(b-4) preallocated buckets, or 4), up to 2^b buckets: taking an
     * overflow bucket never copies the main buckets. Go, too, keeps overflow buckets beyond its
     * preallocated ones outside the main array (newoverflow allocates them one by one).</li>
     * <li><b>Paged tables</b> (larger b, or the tests' small pages): page 0 is allocated with the
     * table and may be shorter than a full page (when 2^b is smaller than a page: its main buckets
     * plus Go's preallocated overflow region, grown by a copy when the region is exhausted, up to a
     * full page). Every other page is allocated in full on its first write (an insert, an evacuation
     * into it, or an evacuation mark); until then it is the shared all-zero {@link #EMPTY_PAGE},
     * which reads as empty buckets (tophash emptyRest, no link) and is never written.</li>
     * </ul>
     */
    static final class PagedBuckets extends BucketArray {
        /** Overflow buckets of a one-array table's first overflow page when Go preallocates none (b &lt; 4). */
        private static final int MIN_OVERFLOW_PAGE = 4;

        final int pageShift;
        final int pageMask;
        long[][] pages;
        /** The main buckets when they are one array ({@code pages[0]}), else null. */
        final long[] flat;
        int allocatedPages;

        /** A table of 2^b main buckets, in pages of 2^pageShift buckets, or one array when b &le; flatMaxB. */
        PagedBuckets(int b, int pageShift, int flatMaxB) {
            super(b);
            final int main = 1 << b;
            final int preallocated = b >= 4 ? 1 << (b - 4) : 0;
            if (b <= flatMaxB) {
                this.pageShift = b;
                this.pageMask = mask;
                flat = new long[main * BUCKET_LONGS];
                pages = preallocated == 0 ? new long[][] {flat} : new long[][] {flat, overflowPage(preallocated)};
                allocatedPages = pages.length;
                return;
            }
            this.pageShift = pageShift;
            this.pageMask = (1 << pageShift) - 1;
            flat = null;
            final long capacity = (long) main + preallocated;
            final int mainPages = Math.max(1, main >>> pageShift);
            pages = new long[mainPages][];
            Arrays.fill(pages, EMPTY_PAGE);
            pages[0] = new long[(int) Math.min(capacity, pageMask + 1L) * BUCKET_LONGS];
            allocatedPages = 1;
        }

        /** A one-array table's overflow page holding {@code buckets} buckets (at most a full page). */
        private long[] overflowPage(int buckets) {
            return new long[Math.min(buckets, pageMask + 1) * BUCKET_LONGS];
        }

        /** The page holding bucket {@code bucket}, allocated now if it is still the shared empty page. */
        long[] writablePage(int bucket) {
            final int p = bucket >>> pageShift;
            long[] page = pages[p];
            if (page == EMPTY_PAGE) {
                page = new long[(pageMask + 1) * BUCKET_LONGS];
                pages[p] = page;
                allocatedPages++;
            }
            return page;
        }

        /** Takes the next free overflow bucket, making room for it (§8.5; the storage is ours). */
        @Override
        int allocateOverflow() {
            final int nb = nextFree;
            if (nb == MAX_BUCKETS) {
                throw new IllegalStateException("overflow region full: " + (nb - mask - 1)
                    + " overflow buckets at B = " + b);
            }
            final int p = nb >>> pageShift;
            if (p == pages.length) {
                final int old = pages.length;
                pages = Arrays.copyOf(pages, old + Math.max(1, old >>> 3));
                Arrays.fill(pages, old, pages.length, EMPTY_PAGE);
            }
            final long[] page = pages[p];
            if (page == EMPTY_PAGE) {
                if (flat != null) {
                    pages[p] = overflowPage(MIN_OVERFLOW_PAGE);
                    allocatedPages++;
                }
                // a paged table allocates the full page on the first write (setLink follows at once)
            } else if ((nb & pageMask) == page.length / BUCKET_LONGS) {
                pages[p] = grownPage(page, p);
            }
            nextFree = nb + 1;
            return nb;
        }

        /**
         * A full short page (page 0 of a small paged table, or an overflow page of a one-array table)
         * copied into a longer one: its overflow part doubled (at least 4 buckets more), up to a full page.
         */
        private long[] grownPage(long[] page, int p) {
            final int capacity = page.length / BUCKET_LONGS;
            final long first = (long) p << pageShift;
            final int mainHere = (int) Math.max(0, Math.min(capacity, mask + 1 - first));
            final long grown = Math.min(mainHere + Math.max(4L, 2L * (capacity - mainHere)), pageMask + 1L);
            final long longs = Math.min(grown, (long) (Integer.MAX_VALUE - 8) / BUCKET_LONGS) * BUCKET_LONGS;
            if (longs <= (long) capacity * BUCKET_LONGS) {
                throw new IllegalStateException("overflow region full: " + (nextFree - mask - 1)
                    + " overflow buckets at B = " + b);
            }
            return Arrays.copyOf(page, (int) longs);
        }

        void store(int bucket, int slot, int top, long key, long value) {
            final long[] page = writablePage(bucket);
            final int base = (bucket & pageMask) * BUCKET_LONGS;
            final int shift = slot << 3;
            page[base] = (page[base] & ~((long) BYTE_MASK << shift)) | ((long) top << shift);
            page[base + KEYS_AT + slot] = key;
            page[base + KEYS_AT + slot + VALUE_DELTA] = value;
        }

        /** The tophash word of a bucket: slot i's tophash in bits 8i..8i+7. */
        @Override
        long word(int bucket) {
            return pages[bucket >>> pageShift][(bucket & pageMask) * BUCKET_LONGS];
        }

        /** Sets a tophash word, allocating the bucket's page if it is still the shared empty page. */
        @Override
        void setWord(int bucket, long word) {
            writablePage(bucket)[(bucket & pageMask) * BUCKET_LONGS] = word;
        }

        @Override
        int link(int bucket) {
            return (int) pages[bucket >>> pageShift][(bucket & pageMask) * BUCKET_LONGS + LINK_AT];
        }

        @Override
        void setLink(int bucket, int next) {
            writablePage(bucket)[(bucket & pageMask) * BUCKET_LONGS + LINK_AT] = next;
        }

        long key(int bucket, int slot) {
            return pages[bucket >>> pageShift][(bucket & pageMask) * BUCKET_LONGS + KEYS_AT + slot];
        }

        /** The key at a slot reference ({@code bucket << 3 | slot}). */
        long keyAtRef(int ref) {
            return key(ref >>> SLOT_BITS, ref & SLOT_MASK);
        }

        /** The value at a slot reference ({@code bucket << 3 | slot}). */
        long valueAtRef(int ref) {
            final int bucket = ref >>> SLOT_BITS;
            return pages[bucket >>> pageShift][(bucket & pageMask) * BUCKET_LONGS + KEYS_AT + VALUE_DELTA
                + (ref & SLOT_MASK)];
        }

        /** Overwrites the value at a slot reference. */
        void setValueAtRef(int ref, long value) {
            final int bucket = ref >>> SLOT_BITS;
            pages[bucket >>> pageShift][(bucket & pageMask) * BUCKET_LONGS + KEYS_AT + VALUE_DELTA
                + (ref & SLOT_MASK)] = value;
        }

        /** mapclear: zero the buckets in use (tophash words and links), give back the overflow region. */
        @Override
        void reset() {
            for (int bucket = 0; bucket < nextFree; bucket++) {
                final long[] page = pages[bucket >>> pageShift];
                if (page != EMPTY_PAGE) {
                    final int at = (bucket & pageMask) * BUCKET_LONGS;
                    page[at] = 0;
                    page[at + LINK_AT] = 0;
                }
            }
            nextFree = mask + 1;
        }

        /** Zeroes the tophash word of every allocated bucket: all slots emptyRest. */
        @Override
        void markEmpty() {
            for (int bucket = 0; bucket < nextFree; bucket++) {
                final long[] page = pages[bucket >>> pageShift];
                if (page != EMPTY_PAGE) {
                    page[(bucket & pageMask) * BUCKET_LONGS] = 0;
                }
            }
        }
    }
}
