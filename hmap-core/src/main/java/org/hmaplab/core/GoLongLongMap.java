package org.hmaplab.core;

import static org.hmaplab.core.GoMapRules.BUCKET_SIZE;
import static org.hmaplab.core.GoMapRules.EMPTY_ONE;
import static org.hmaplab.core.GoMapRules.EMPTY_REST;
import static org.hmaplab.core.GoMapRules.EVACUATED_EMPTY;
import static org.hmaplab.core.GoMapRules.EVACUATED_X;
import static org.hmaplab.core.GoMapRules.EVACUATED_Y;
import static org.hmaplab.core.GoMapRules.MIN_TOP_HASH;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;
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
 * <h2>Design</h2>
 * <ul>
 * <li><b>Buckets of 8.</b> The table is 2^B main buckets of 8 slots (§1.1, §2.3). A key goes to
 * bucket {@code hash & (2^B - 1)} (§3.8). Each slot has a tophash byte: the top byte of the
 * hash, raised by 5 when below 5, because the codes 0..4 are slot states: emptyRest (this slot and
 * all after it in the chain are empty), emptyOne, evacuatedX, evacuatedY, evacuatedEmpty (§1.5,
 * §3.7). Storage is one flat {@code long[]}, no per-entry objects, with Go's own bucket layout
 * for {@code map[int64]int64} (§2.3, §2.4: 144 bytes): 18 longs per bucket, first the 8 tophash
 * bytes as ONE long (slot i in byte i, little-endian; also the word the SWAR lookup matches), then
 * the 8 keys, then the 8 values, then the overflow link (the index of the next bucket of the
 * chain; 0 = none, since bucket 0 is a main bucket and never an overflow bucket). A lookup thus
 * reads one contiguous 144-byte block per bucket.</li>
 * <li><b>Overflow.</b> When a chain is full, an overflow bucket is taken from a region after the
 * main buckets, preallocated with 2^(B-4) buckets for B &ge; 4 (Go's rule before size-class
 * rounding, §2.6, a memory detail) and doubled when exhausted; {@code noverflow} counts every
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
 * on a non-empty map that see it set throw. The flag is read and written with opaque
 * {@link VarHandle} access so that the JIT cannot fold a write's set/clear pair away.</li>
 * </ul>
 *
 * <h2>Lookup styles</h2>
 * {@link LookupStyle#GENERIC} compares the tophash byte of each slot in chain order and stops at
 * emptyRest (§7.4). {@link LookupStyle#FAST64} compares every slot's key, then checks the slot is
 * not empty, never compares the tophash value and has no emptyRest exit; with B = 0 it does not
 * hash at all (§7.5). {@link LookupStyle#SWAR} (ours, not Go's) matches the bucket's tophash long
 * against the wanted byte with the has-zero-byte trick on {@code word ^ broadcast(top)}, verifies
 * each candidate byte (the trick has false positives above a real match) and its key, and stops
 * after a bucket whose word contains a zero (emptyRest) byte. Inserts and deletes search as the
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
 * <tr><td>flags &amp; hashWriting</td><td>writing (opaque VarHandle)</td></tr>
 * <tr><td>flags &amp; sameSizeGrow</td><td>sameSizeGrow</td></tr>
 * <tr><td>B</td><td>buckets.b (MapStats.B)</td></tr>
 * <tr><td>noverflow</td><td>noverflow</td></tr>
 * <tr><td>hash0</td><td>seed</td></tr>
 * <tr><td>buckets / oldbuckets</td><td>buckets / oldbuckets (a Table over one long[])</td></tr>
 * <tr><td>nevacuate</td><td>nevacuate</td></tr>
 * <tr><td>extra.overflow, extra.nextOverflow</td><td>the overflow region of a Table,
 * Table.nextFree</td></tr>
 * <tr><td>bmap (144 bytes)</td><td>18 longs of Table.data: tophash word, 8 keys, 8 values,
 * overflow link</td></tr>
 * <tr><td>fastrand()</td><td>nextRandom() (per map, splitmix64)</td></tr>
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
 * <p>Limits: B &le; {@link #MAX_B} (2^B buckets of 18 longs must fit one Java array); a larger size
 * hint is an IllegalArgumentException, a growth beyond it an IllegalStateException.
 *
 * <p>Not thread-safe.
 */
public final class GoLongLongMap {
    /** Bit of {@link #writing} set while a write is in progress (map.go:104, hashWriting). */
    private static final int HASH_WRITING = 4;
    /** Longs per bucket: Go's 144-byte bucket of map[int64]int64 (§2.4): tophash word, 8 keys, 8 values, link. */
    static final int BUCKET_LONGS = 18;
    /** Offset of the first key in a bucket (map.go dataOffset = 8 bytes). */
    private static final int KEYS_AT = 1;
    /** Offset of the overflow link, the last word of a bucket. */
    private static final int LINK_AT = BUCKET_LONGS - 1;
    /** A value sits this many longs after its key. */
    private static final int VALUE_DELTA = BUCKET_SIZE;
    /** find() result: the key is absent. Old-array slots are encoded as -(index + 1). */
    private static final int MISSING = Integer.MIN_VALUE;
    /** findInOld() result: the old bucket is evacuated, search the new array. */
    private static final int SEARCH_NEW = Integer.MAX_VALUE;
    /** Buckets looked ahead by advanceEvacuationMark (map.go:1272). */
    private static final int EVACUATION_LOOKAHEAD = 1024;
    /** Largest B at which noverflow counts exactly (map.go:232). */
    private static final int EXACT_NOVERFLOW_MAX_B = GoMapRules.MAX_EXACT_NOVERFLOW_B;
    /** Largest B of this map: 2^B buckets of 18 longs must fit one Java array with an overflow region. */
    public static final int MAX_B = 26;
    /** Entries of the hot-key cache (a power of two). */
    private static final int HOT_CACHE_SIZE = 64;
    private static final int HOT_CACHE_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(HOT_CACHE_SIZE);
    /** Golden-ratio multiplier: splitmix64 increment, and the cache index mixer. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Mixed into the seed to start the per-map fast random generator. */
    private static final long FAST_RANDOM_SALT = 0x6A09E667F3BCC909L;
    /** 0x01 in every byte: SWAR broadcast and borrow constant. */
    private static final long LOW_BITS = 0x0101010101010101L;
    /** 0x80 in every byte: SWAR zero-byte flags. */
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Number of tophash values a live slot can hold (5..255), for the SWAR miss estimate. */
    private static final double LIVE_TOPHASH_VALUES = 256 - MIN_TOP_HASH;
    /** One tophash byte. */
    private static final int BYTE_MASK = 0xff;
    /** Iterator: no old-bucket filtering (map.go:107, noCheck). */
    private static final int NO_CHECK = -1;
    /** Lookup styles as ints, for a cheap branch in find(). */
    private static final int GENERIC = 0;
    private static final int FAST64 = 1;
    private static final int SWAR = 2;

    private static final VarHandle WRITING;

    static {
        try {
            WRITING = MethodHandles.lookup().findVarHandle(GoLongLongMap.class, "writing", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Hasher hasher;
    private final LongSupplier seeds;
    private final int style;
    private final int loadFactorNum;
    private final int loadFactorDen;

    private Table buckets;
    private Table oldbuckets;
    private int count;
    private int noverflow;
    private int nevacuate;
    private boolean sameSizeGrow;
    private long seed;
    private long randomState;
    /** Go's hashWriting flag; accessed only through {@link #WRITING} with opaque mode. */
    @SuppressWarnings("unused")
    private int writing;

    private long doublingGrowths;
    private long sameSizeGrowths;
    private long evacuatedBuckets;

    /** Structural version for the hot-key cache (starts at 1; cache stamps start at 0 = invalid). */
    private long version = 1;
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
        this(hasher, firstThen(seed, new SplittableRandom(seed)), hint, options);
    }

    /**
     * A map whose seeds come from {@code seeds}: the first call gives the initial seed, every later
     * call a re-drawn one (a delete that empties the map, clear), as Go re-draws hash0. The
     * differential tests against Go replay Go's recorded hash0 values through it. A negative hint
     * gives B = 0, as in Go; a hint needing B &gt; {@link #MAX_B} is an IllegalArgumentException.
     */
    public GoLongLongMap(Hasher hasher, LongSupplier seeds, int hint, MapOptions options) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(options, "options");
        this.style = options.lookupStyle().ordinal();
        this.loadFactorNum = options.loadFactorNum();
        this.loadFactorDen = options.loadFactorDen();
        int b = GoMapRules.bForHint(Math.max(hint, 0), loadFactorNum, loadFactorDen);
        if (b > MAX_B) {
            throw new IllegalArgumentException("size hint " + hint + " needs B = " + b + "; this map supports B <= "
                + MAX_B + " (2^B buckets of 144 bytes in one Java array)");
        }
        this.seed = seeds.getAsLong();
        this.randomState = seed ^ FAST_RANDOM_SALT;
        this.buckets = new Table(b);
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

    private static LongSupplier firstThen(long first, SplittableRandom rest) {
        boolean[] used = new boolean[1];
        return () -> {
            if (!used[0]) {
                used[0] = true;
                return first;
            }
            return rest.nextLong();
        };
    }

    // ------------------------------------------------------------------ reads

    /** The value of {@code key}, or {@code missing} when absent (mapaccess1, §7). */
    public long get(long key, long missing) {
        if (count == 0) {
            return missing;
        }
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_READ_WRITE);
        }
        if (hotKeys != null) {
            return cachedGet(key, missing);
        }
        final int idx = find(key);
        if (idx >= 0) {
            return buckets.data[idx + VALUE_DELTA];
        }
        return idx == MISSING ? missing : oldbuckets.data[-idx - 1 + VALUE_DELTA];
    }

    /** Whether {@code key} is present (mapaccess2, §7). */
    public boolean containsKey(long key) {
        if (count == 0) {
            return false;
        }
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_READ_WRITE);
        }
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
            return buckets.data[hotSlots[ci] + VALUE_DELTA];
        }
        final int idx = find(key);
        if (idx >= 0) {
            hotKeys[ci] = key;
            hotSlots[ci] = idx;
            hotStamps[ci] = version;
            return buckets.data[idx + VALUE_DELTA];
        }
        return idx == MISSING ? missing : oldbuckets.data[-idx - 1 + VALUE_DELTA];
    }

    private static int cacheIndex(long key) {
        return (int) ((key * GOLDEN) >>> HOT_CACHE_SHIFT);
    }

    /**
     * The position of {@code key} under the map's lookup style: an index of the key in the current
     * array's data (&ge; 0), -(index + 1) for the old array, or MISSING. Never moves data.
     */
    private int find(long key) {
        final Table t = buckets;
        final int st = style;
        if (st == FAST64 && t.mask == 0) {
            // FAST64 with B == 0: no hashing at all (fast64:24-26); a map at B == 0 is never growing.
            return probeFast(t.data, 0, key);
        }
        final long hash = hasher.hashLong(key, seed);
        if (oldbuckets != null) {
            final int r = findInOld(hash, key);
            if (r != SEARCH_NEW) {
                return r;
            }
        }
        final int bucket = (int) hash & t.mask;
        if (st == GENERIC) {
            return probeGeneric(t.data, bucket, GoMapRules.tophash(hash), key);
        } else if (st == FAST64) {
            return probeFast(t.data, bucket, key);
        }
        return probeSwar(t.data, bucket, GoMapRules.tophash(hash), key);
    }

    /** §7.3: search the old bucket while it is not evacuated; SEARCH_NEW when it is. */
    private int findInOld(long hash, long key) {
        final Table o = oldbuckets;
        final int ob = (int) hash & o.mask;
        if (evacuated(o.data, ob)) {
            return SEARCH_NEW;
        }
        final int r;
        if (style == GENERIC) {
            r = probeGeneric(o.data, ob, GoMapRules.tophash(hash), key);
        } else if (style == FAST64) {
            r = probeFast(o.data, ob, key);
        } else {
            r = probeSwar(o.data, ob, GoMapRules.tophash(hash), key);
        }
        return r == MISSING ? MISSING : -r - 1;
    }

    /** §7.4: tophash filter in chain order, stop at emptyRest. */
    private static int probeGeneric(long[] data, int bucket, int top, long key) {
        int base = bucket * BUCKET_LONGS;
        while (true) {
            long w = data[base];
            for (int i = KEYS_AT; i <= BUCKET_SIZE; i++, w >>>= Byte.SIZE) {
                final int h = (int) w & BYTE_MASK;
                if (h == top) {
                    if (data[base + i] == key) {
                        return base + i;
                    }
                } else if (h == EMPTY_REST) {
                    return MISSING;
                }
            }
            final int next = (int) data[base + LINK_AT];
            if (next == 0) {
                return MISSING;
            }
            base = next * BUCKET_LONGS;
        }
    }

    /** §7.5 fast64: key first, then !isEmpty; no tophash compare, no emptyRest exit. */
    private static int probeFast(long[] data, int bucket, long key) {
        int base = bucket * BUCKET_LONGS;
        while (true) {
            for (int i = 0; i < BUCKET_SIZE; i++) {
                if (data[base + KEYS_AT + i] == key && ((data[base] >>> (i << 3)) & BYTE_MASK) > EMPTY_ONE) {
                    return base + KEYS_AT + i;
                }
            }
            final int next = (int) data[base + LINK_AT];
            if (next == 0) {
                return MISSING;
            }
            base = next * BUCKET_LONGS;
        }
    }

    /** Ours: all 8 tophash bytes matched at once; candidates verified; stop after a word with emptyRest. */
    private static int probeSwar(long[] data, int bucket, int top, long key) {
        final long pattern = top * LOW_BITS;
        int base = bucket * BUCKET_LONGS;
        while (true) {
            final long w = data[base];
            final long x = w ^ pattern;
            long m = (x - LOW_BITS) & ~x & HIGH_BITS;
            while (m != 0) {
                final int shift = Long.numberOfTrailingZeros(m) & ~7;
                final int idx = base + KEYS_AT + (shift >>> 3);
                if (((w >>> shift) & BYTE_MASK) == top && data[idx] == key) {
                    return idx;
                }
                m &= m - 1;
            }
            if (((w - LOW_BITS) & ~w & HIGH_BITS) != 0) {
                return MISSING; // an emptyRest byte: nothing follows in this chain
            }
            final int next = (int) data[base + LINK_AT];
            if (next == 0) {
                return MISSING;
            }
            base = next * BUCKET_LONGS;
        }
    }

    /** Number of live entries (len(m), no check). */
    public int size() {
        return count;
    }

    // ------------------------------------------------------------------ writes

    /**
     * Associates {@code value} with {@code key} (mapassign, §8) and returns the previous value, or
     * {@code missing} when the key was new.
     */
    public long put(long key, long value, long missing) {
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        final long hash = hasher.hashLong(key, seed);
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ HASH_WRITING);
        final int top = GoMapRules.tophash(hash);
        long previous = missing;
        while (true) {
            if (oldbuckets != null) {
                growWork((int) hash & buckets.mask);
            }
            final Table t = buckets;
            final long[] data = t.data;
            final int bucket = (int) hash & t.mask;
            int insertBucket = -1;
            int insertSlot = 0;
            int last = bucket;
            int found = -1;
            int b = bucket;
            search:
            while (true) {
                final int base = b * BUCKET_LONGS;
                long w = data[base];
                for (int i = 0; i < BUCKET_SIZE; i++, w >>>= Byte.SIZE) {
                    final int h = (int) w & BYTE_MASK;
                    if (h != top) {
                        if (h <= EMPTY_ONE && insertBucket < 0) {
                            insertBucket = b;
                            insertSlot = i;
                        }
                        if (h == EMPTY_REST) {
                            break search;
                        }
                        continue;
                    }
                    if (data[base + KEYS_AT + i] == key) {
                        found = base + KEYS_AT + i;
                        break search;
                    }
                }
                last = b;
                b = (int) data[base + LINK_AT];
                if (b == 0) {
                    break;
                }
            }
            if (found >= 0) {
                previous = data[found + VALUE_DELTA];
                data[found + VALUE_DELTA] = value;
                break;
            }
            if (oldbuckets == null && (GoMapRules.overLoadFactor(count + 1, t.b, loadFactorNum, loadFactorDen)
                || GoMapRules.tooManyOverflowBuckets(noverflow, t.b))) {
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
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        final long hash = hasher.hashLong(key, seed);
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ HASH_WRITING);
        if (oldbuckets != null) {
            growWork((int) hash & buckets.mask);
        }
        final Table t = buckets;
        final long[] data = t.data;
        final int bucket = (int) hash & t.mask;
        final int top = GoMapRules.tophash(hash);
        long removed = missing;
        int b = bucket;
        search:
        do {
            final int base = b * BUCKET_LONGS;
            long w = data[base];
            for (int i = 0; i < BUCKET_SIZE; i++, w >>>= Byte.SIZE) {
                final int h = (int) w & BYTE_MASK;
                if (h != top) {
                    if (h == EMPTY_REST) {
                        break search;
                    }
                    continue;
                }
                if (data[base + KEYS_AT + i] != key) {
                    continue;
                }
                removed = data[base + KEYS_AT + i + VALUE_DELTA];
                deleteSlot(data, bucket, b, i);
                count--;
                version++;
                if (count == 0) {
                    seed = seeds.getAsLong();
                }
                break search;
            }
            b = (int) data[base + LINK_AT];
        } while (b != 0);
        endWrite();
        return removed;
    }

    /** §9.4-9.5: mark emptyOne, and walk back to emptyRest when the slot ends its chain. */
    private static void deleteSlot(long[] data, int head, int bucket, int slot) {
        setTop(data, bucket, slot, EMPTY_ONE);
        if (slot == BUCKET_SIZE - 1) {
            final int next = link(data, bucket);
            if (next != 0 && topAt(data, next, 0) != EMPTY_REST) {
                return;
            }
        } else if (topAt(data, bucket, slot + 1) != EMPTY_REST) {
            return;
        }
        int b = bucket;
        int i = slot;
        while (true) {
            setTop(data, b, i, EMPTY_REST);
            if (i == 0) {
                if (b == head) {
                    break;
                }
                final int c = b;
                b = head;
                while (link(data, b) != c) {
                    b = link(data, b);
                }
                i = BUCKET_SIZE - 1;
            } else {
                i--;
            }
            if (topAt(data, b, i) != EMPTY_ONE) {
                break;
            }
        }
    }

    /**
     * Removes every entry (mapclear, §12.2): keeps B, drops the overflow chains, abandons a growth,
     * resets noverflow and draws a new seed. On an empty map it does nothing, as Go's mapclear.
     */
    public void clear() {
        if (count == 0) {
            return;
        }
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ HASH_WRITING);
        sameSizeGrow = false;
        oldbuckets = null;
        nevacuate = 0;
        noverflow = 0;
        count = 0;
        seed = seeds.getAsLong();
        buckets.reset();
        version++;
        endWrite();
    }

    private void endWrite() {
        final int f = (int) WRITING.getOpaque(this);
        if ((f & HASH_WRITING) == 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        WRITING.setOpaque(this, f & ~HASH_WRITING);
    }

    private static ConcurrentModificationException misuse(String message) {
        return new ConcurrentModificationException(message);
    }

    // ------------------------------------------------------------------ growth

    /** §5: swap in the new array; no entries move here. */
    private void hashGrow() {
        final Table old = buckets;
        final boolean bigger = GoMapRules.overLoadFactor(count + 1, old.b, loadFactorNum, loadFactorDen);
        if (bigger && old.b + 1 > MAX_B) {
            throw new IllegalStateException("the map would need B = " + (old.b + 1) + "; this map supports B <= "
                + MAX_B + " (2^B buckets of 144 bytes in one Java array)");
        }
        sameSizeGrow = !bigger;
        if (bigger) {
            doublingGrowths++;
        } else {
            sameSizeGrowths++;
        }
        oldbuckets = old;
        buckets = new Table(bigger ? old.b + 1 : old.b);
        nevacuate = 0;
        noverflow = 0;
        version++;
    }

    /** §6.2: evacuate the old bucket the write maps to, then the one at nevacuate. */
    private void growWork(int bucket) {
        evacuate(bucket & oldbuckets.mask);
        if (oldbuckets != null) {
            evacuate(nevacuate);
        }
    }

    /** §6.3: move old bucket {@code ob}'s chain to X (and Y in a doubling growth), marking the old slots. */
    private void evacuate(int ob) {
        final long[] od = oldbuckets.data;
        final int newbit = oldbuckets.mask + 1;
        if (!evacuated(od, ob)) {
            final Table n = buckets;
            final boolean doubling = !sameSizeGrow;
            int xBucket = ob;
            int xi = 0;
            int yBucket = ob + newbit;
            int yi = 0;
            int base = ob * BUCKET_LONGS;
            while (true) {
                final long w = od[base];
                long marks = 0;
                for (int i = 0; i < BUCKET_SIZE; i++) {
                    final int shift = i << 3;
                    final int top = (int) (w >>> shift) & BYTE_MASK;
                    if (top <= EMPTY_ONE) {
                        marks |= (long) EVACUATED_EMPTY << shift;
                        continue;
                    }
                    final long k = od[base + KEYS_AT + i];
                    final long v = od[base + KEYS_AT + i + VALUE_DELTA];
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
                od[base] = marks;
                final int next = (int) od[base + LINK_AT];
                if (next == 0) {
                    break;
                }
                base = next * BUCKET_LONGS;
            }
            evacuatedBuckets++;
            version++;
        }
        if (ob == nevacuate) {
            advanceEvacuationMark(newbit);
        }
    }

    /** §6.4: advance nevacuate over evacuated buckets (at most 1024 ahead); finish the growth at the end. */
    private void advanceEvacuationMark(int newbit) {
        final long[] od = oldbuckets.data;
        nevacuate++;
        final int stop = (int) Math.min((long) nevacuate + EVACUATION_LOOKAHEAD, newbit);
        while (nevacuate != stop && evacuated(od, nevacuate)) {
            nevacuate++;
        }
        if (nevacuate == newbit) {
            oldbuckets = null;
            sameSizeGrow = false;
            version++;
        }
    }

    /** §8.5 newoverflow: chain a fresh bucket after {@code last}, counting it in noverflow. */
    private int newOverflow(Table t, int last) {
        final int nb = t.allocateOverflow();
        incrNoverflow(t.b);
        t.data[last * BUCKET_LONGS + LINK_AT] = nb;
        return nb;
    }

    /** §4.5 incrnoverflow: exact below B = 16, then with probability 1/2^(B-15); a uint16 like Go's. */
    private void incrNoverflow(int b) {
        if (b <= EXACT_NOVERFLOW_MAX_B) {
            noverflow = (noverflow + 1) & GoMapRules.NOVERFLOW_MASK;
            return;
        }
        final int mask = (1 << (b - EXACT_NOVERFLOW_MAX_B)) - 1;
        if ((nextRandom() & mask) == 0) {
            noverflow = (noverflow + 1) & GoMapRules.NOVERFLOW_MASK;
        }
    }

    /** The per-map fast random generator (splitmix64), standing in for Go's fastrand. */
    private long nextRandom() {
        long z = (randomState += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ bucket words

    static int topAt(long[] data, int bucket, int slot) {
        return (int) (data[bucket * BUCKET_LONGS] >>> (slot << 3)) & BYTE_MASK;
    }

    private static void setTop(long[] data, int bucket, int slot, int value) {
        final int shift = slot << 3;
        final int at = bucket * BUCKET_LONGS;
        data[at] = (data[at] & ~((long) BYTE_MASK << shift)) | ((long) value << shift);
    }

    private static int link(long[] data, int bucket) {
        return (int) data[bucket * BUCKET_LONGS + LINK_AT];
    }

    private static long keyAt(long[] data, int bucket, int slot) {
        return data[bucket * BUCKET_LONGS + KEYS_AT + slot];
    }

    private static boolean evacuated(long[] data, int bucket) {
        return GoMapRules.evacuated((int) data[bucket * BUCKET_LONGS] & BYTE_MASK);
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
        private final Table snapshot;
        private final int itB;
        private final int startBucket;
        private final int offset;
        private int bucket;
        private boolean wrapped;
        private boolean done;
        private Table curTable;
        private int cur = -1;
        private int slot;
        private int checkBucket = NO_CHECK;
        private boolean positioned;
        private long key;
        private long value;

        Iterator() {
            if (count == 0) {
                // §11.1: no iteration and no flag check.
                snapshot = null;
                itB = 0;
                startBucket = 0;
                offset = 0;
                done = true;
                return;
            }
            snapshot = buckets;
            itB = snapshot.b;
            final long r = nextRandom();
            startBucket = (int) (r & snapshot.mask);
            offset = (int) ((r >>> itB) & (BUCKET_SIZE - 1));
            bucket = startBucket;
        }

        /** Moves to the next entry; false when the iteration is over (mapiternext, §11.4-11.7). */
        public boolean next() {
            if (done) {
                positioned = false;
                return false;
            }
            if ((int) WRITING.getOpaque(GoLongLongMap.this) != 0) {
                throw misuse(GoMapRules.CONCURRENT_ITERATION_WRITE);
            }
            while (true) {
                if (cur < 0) {
                    if (bucket == startBucket && wrapped) {
                        done = true;
                        positioned = false;
                        return false;
                    }
                    final Table old = oldbuckets;
                    if (old != null && itB == buckets.b && !evacuated(old.data, bucket & old.mask)) {
                        // A growth that was in progress when the iteration started: walk the old chain,
                        // keeping only keys of this bucket (§11.6).
                        curTable = old;
                        cur = bucket & old.mask;
                        checkBucket = bucket;
                    } else {
                        curTable = snapshot;
                        cur = bucket;
                        checkBucket = NO_CHECK;
                    }
                    bucket++;
                    if (bucket == snapshot.mask + 1) {
                        bucket = 0;
                        wrapped = true;
                    }
                    slot = 0;
                }
                final long[] data = curTable.data;
                for (; slot < BUCKET_SIZE; slot++) {
                    final int offi = (slot + offset) & (BUCKET_SIZE - 1);
                    final int top = topAt(data, cur, offi);
                    if (top <= EMPTY_ONE || top == EVACUATED_EMPTY) {
                        continue;
                    }
                    final int idx = cur * BUCKET_LONGS + KEYS_AT + offi;
                    final long k = data[idx];
                    if (checkBucket != NO_CHECK && !sameSizeGrow) {
                        final long itMask = (1L << itB) - 1;
                        if ((hasher.hashLong(k, seed) & itMask) != checkBucket) {
                            continue;
                        }
                    }
                    if (top != EVACUATED_X && top != EVACUATED_Y) {
                        key = k;
                        value = data[idx + VALUE_DELTA];
                    } else {
                        // The table grew since the iteration started: the golden data is elsewhere (§11.7).
                        final int found = findCurrent(k);
                        if (found == MISSING) {
                            continue;
                        }
                        key = k;
                        value = found >= 0 ? buckets.data[found + VALUE_DELTA]
                            : oldbuckets.data[-found - 1 + VALUE_DELTA];
                    }
                    slot++;
                    positioned = true;
                    return true;
                }
                cur = link(data, cur);
                if (cur == 0) {
                    cur = -1;
                }
                slot = 0;
            }
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

    /** mapaccessK (used by the iterator): a lookup with no flag check, generic search. */
    private int findCurrent(long key) {
        final long hash = hasher.hashLong(key, seed);
        final int top = GoMapRules.tophash(hash);
        final Table o = oldbuckets;
        if (o != null && !evacuated(o.data, (int) hash & o.mask)) {
            final int r = probeGeneric(o.data, (int) hash & o.mask, top, key);
            return r == MISSING ? MISSING : -r - 1;
        }
        return probeGeneric(buckets.data, (int) hash & buckets.mask, top, key);
    }

    // ------------------------------------------------------------------ introspection

    /** The current seed (hash0). */
    public long seed() {
        return seed;
    }

    /**
     * A snapshot of the structure and counters; O(buckets + size). Histograms and probe averages
     * describe the current array (during a growth, entries still in old buckets are not in them).
     */
    public MapStats stats() {
        final Table t = buckets;
        final long[] data = t.data;
        final int main = t.mask + 1;
        final List<Long> chains = new ArrayList<>();
        chains.add(0L);
        final long[] live = new long[BUCKET_SIZE + 1];
        int[] tops = new int[BUCKET_SIZE];
        long probesHit = 0;
        long liveKeys = 0;
        double probesMiss = 0;
        long inUse = 0;
        for (int j = 0; j < main; j++) {
            int len = 0;
            int position = 0;       // slots up to and including this one, in chain order
            int liveInChain = 0;    // live tophash values so far in this chain: tops[0..liveInChain)
            boolean missStopped = false;
            long missSlots = 0;
            long liveScanned = 0;
            for (int b = j; ; b = link(data, b)) {
                len++;
                int liveHere = 0;
                boolean wordHasRest = false;
                for (int i = 0; i < BUCKET_SIZE; i++) {
                    final int top = topAt(data, b, i);
                    position++;
                    if (top >= MIN_TOP_HASH) {
                        liveHere++;
                        liveKeys++;
                        int same = 1;
                        for (int p = 0; p < liveInChain; p++) {
                            same += tops[p] == top ? 1 : 0;
                        }
                        if (liveInChain == tops.length) {
                            tops = Arrays.copyOf(tops, tops.length * 2);
                        }
                        tops[liveInChain++] = top;
                        probesHit += style == SWAR ? same : position;
                        if (!missStopped) {
                            liveScanned++;
                        }
                    }
                    if (top == EMPTY_REST) {
                        wordHasRest = true;
                    }
                    if (!missStopped) {
                        missSlots++;
                        if (top == EMPTY_REST && style == GENERIC) {
                            missStopped = true;
                        }
                    }
                }
                if (wordHasRest && style == SWAR) {
                    missStopped = true;
                }
                live[liveHere]++;
                if (b != j) {
                    inUse++;
                }
                if (link(data, b) == 0) {
                    break;
                }
            }
            while (chains.size() <= len) {
                chains.add(0L);
            }
            chains.set(len, chains.get(len) + 1);
            probesMiss += switch (style) {
                case GENERIC -> missSlots;
                case FAST64 -> (double) len * BUCKET_SIZE;
                default -> liveScanned / LIVE_TOPHASH_VALUES;
            };
        }
        final List<Long> liveList = new ArrayList<>();
        for (long v : live) {
            liveList.add(v);
        }
        final Table o = oldbuckets;
        return new MapStats(count, t.b, noverflow, o != null, sameSizeGrow, nevacuate, main,
            o == null ? 0 : o.mask + 1L, inUse, chains, liveList,
            liveKeys == 0 ? 0 : (double) probesHit / liveKeys, probesMiss / main, seed,
            doublingGrowths, sameSizeGrowths, evacuatedBuckets);
    }

    /**
     * Checks the structure and throws {@link IllegalStateException} naming the first violation: count;
     * every key reachable through its own chain (or its old chain during a growth); tophash consistent
     * with the hash; nothing but emptyRest after an emptyRest in a chain; evacuation marks consistent with
     * nevacuate; no key twice; exact noverflow below B = 16; overflow links well formed; valid hot-key
     * cache entries. O(buckets + size) for chains of bounded length.
     */
    public void verifyInvariants() {
        final Table t = buckets;
        final Table o = oldbuckets;
        final long liveNew = checkTable(t, false, o);
        long liveOld = 0;
        if (o != null) {
            if (nevacuate < 0 || nevacuate > o.mask) {
                fail("growing but nevacuate " + nevacuate + " is outside 0.." + o.mask);
            }
            if (!sameSizeGrow && o.b + 1 != t.b || sameSizeGrow && o.b != t.b) {
                fail("old B " + o.b + " and new B " + t.b + " do not match sameSizeGrow=" + sameSizeGrow);
            }
            for (int j = 0; j < nevacuate; j++) {
                if (!evacuated(o.data, j)) {
                    fail("old bucket " + j + " is below nevacuate " + nevacuate + " but not evacuated");
                }
            }
            liveOld = checkTable(o, true, null);
        } else if (sameSizeGrow) {
            fail("sameSizeGrow set while not growing");
        }
        if (liveNew + liveOld != count) {
            fail("count is " + count + " but " + liveNew + " live slots in the new array and " + liveOld
                + " in unevacuated old buckets were found");
        }
        if (t.b <= EXACT_NOVERFLOW_MAX_B) {
            final int created = (t.nextFree - (t.mask + 1)) & GoMapRules.NOVERFLOW_MASK;
            if (created != noverflow) {
                fail("noverflow is " + noverflow + " but " + created + " overflow buckets were chained since the "
                    + "last growth or clear");
            }
        }
        if (hotKeys != null) {
            for (int i = 0; i < HOT_CACHE_SIZE; i++) {
                if (hotStamps[i] == version) {
                    final int idx = hotSlots[i];
                    final int bucket = idx / BUCKET_LONGS;
                    final int slot = idx % BUCKET_LONGS - KEYS_AT;
                    if (topAt(t.data, bucket, slot) < MIN_TOP_HASH || t.data[idx] != hotKeys[i]) {
                        fail("hot-key cache entry " + i + " for key " + hotKeys[i] + " is valid but bucket "
                            + bucket + " slot " + slot + " does not hold it");
                    }
                }
            }
        }
    }

    /** Checks one array; returns its live slots (for the old array: in unevacuated buckets only). */
    private long checkTable(Table t, boolean isOld, Table old) {
        final long[] data = t.data;
        final int main = t.mask + 1;
        final String name = isOld ? "old" : "new";
        final boolean[] seenOverflow = new boolean[t.nextFree];
        long live = 0;
        for (int j = 0; j < main; j++) {
            final boolean evac = isOld && evacuated(data, j);
            boolean restSeen = false;
            for (int b = j; ; ) {
                for (int i = 0; i < BUCKET_SIZE; i++) {
                    final int top = topAt(data, b, i);
                    if (evac) {
                        if (top < EVACUATED_X || top > EVACUATED_EMPTY) {
                            fail(where(name, j, b, i) + ": tophash " + top + " in an evacuated chain");
                        }
                        continue;
                    }
                    if (top >= EVACUATED_X && top <= EVACUATED_EMPTY) {
                        fail(where(name, j, b, i) + ": evacuation mark " + top + " in a chain that is not evacuated");
                    }
                    if (restSeen && top != EMPTY_REST) {
                        fail(where(name, j, b, i) + ": tophash " + top + " after an emptyRest in the chain");
                    }
                    if (top == EMPTY_REST) {
                        restSeen = true;
                    }
                    if (top < MIN_TOP_HASH) {
                        continue;
                    }
                    live++;
                    checkLiveSlot(t, isOld, old, j, b, i, top, name);
                }
                final int next = link(data, b);
                if (next == 0) {
                    break;
                }
                if (next < main || next >= t.nextFree || seenOverflow[next]) {
                    fail(name + " bucket " + b + " links to " + next + ", not a fresh allocated overflow bucket");
                }
                seenOverflow[next] = true;
                b = next;
            }
        }
        if (!isOld) {
            for (int b = main; b < t.nextFree; b++) {
                if (!seenOverflow[b]) {
                    fail("overflow bucket " + b + " was allocated but is not in any chain");
                }
            }
        }
        return live;
    }

    private void checkLiveSlot(Table t, boolean isOld, Table old, int j, int b, int i, int top, String name) {
        final long k = keyAt(t.data, b, i);
        final long hash = hasher.hashLong(k, seed);
        if (GoMapRules.tophash(hash) != top) {
            fail(where(name, j, b, i) + ": tophash " + top + " but key " + k + " has tophash "
                + GoMapRules.tophash(hash));
        }
        if (((int) hash & t.mask) != j) {
            fail(where(name, j, b, i) + ": key " + k + " belongs to bucket " + ((int) hash & t.mask));
        }
        final int first = probeGeneric(t.data, j, top, k);
        if (first != b * BUCKET_LONGS + KEYS_AT + i) {
            fail(where(name, j, b, i) + ": key " + k + " is not found there by a lookup: unreachable or present twice");
        }
        if (!isOld && old != null && !evacuated(old.data, j & old.mask)) {
            fail(where(name, j, b, i) + ": key " + k + " is in the new array but its old bucket " + (j & old.mask)
                + " is not evacuated");
        }
        if (isOld && probeGeneric(buckets.data, (int) hash & buckets.mask, top, k) != MISSING) {
            fail(where(name, j, b, i) + ": key " + k + " is in an unevacuated old bucket and in the new array");
        }
    }

    private static String where(String name, int j, int b, int i) {
        return name + " bucket " + j + " (chain bucket " + b + ") slot " + i;
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }

    // ------------------------------------------------------------------ cheap accessors for tests

    /** Whether a growth is in progress; cheap, for tests that watch every write. */
    boolean isGrowing() {
        return oldbuckets != null;
    }

    /** B of the current array; cheap. */
    int currentB() {
        return buckets.b;
    }

    /** Doubling growths started so far; cheap. */
    long doublingGrowthCount() {
        return doublingGrowths;
    }

    /** Same-size growths started so far; cheap. */
    long sameSizeGrowthCount() {
        return sameSizeGrowths;
    }

    /** Tophash byte of a slot of the current array (tests). */
    int tophashAt(int bucket, int slot) {
        return topAt(buckets.data, bucket, slot);
    }

    /** Tophash byte of a slot of the old array (tests); the map must be growing. */
    int oldTophashAt(int bucket, int slot) {
        return topAt(oldbuckets.data, bucket, slot);
    }

    /** Overflow link of a bucket of the current array, 0 for none (tests). */
    int overflowOf(int bucket) {
        return link(buckets.data, bucket);
    }

    /** Sets or clears the writing flag, as a concurrent writer would (tests). */
    void setWritingFlagForTest(boolean on) {
        WRITING.setOpaque(this, on ? HASH_WRITING : 0);
    }

    /**
     * One bucket array: 2^b main buckets, then an overflow region, in one long[] of 18-long buckets.
     * The array is replaced by a larger copy when the overflow region is exhausted, so holders keep
     * the Table, not the array.
     */
    private static final class Table {
        final int b;
        final int mask;
        long[] data;
        int nextFree;

        Table(int b) {
            this.b = b;
            this.mask = (1 << b) - 1;
            final int main = 1 << b;
            final int capacity = main + (b >= 4 ? 1 << (b - 4) : 0);
            data = new long[capacity * BUCKET_LONGS];
            nextFree = main;
        }

        int capacity() {
            return data.length / BUCKET_LONGS;
        }

        int allocateOverflow() {
            final int capacity = capacity();
            if (nextFree == capacity) {
                final int main = mask + 1;
                final long grown = main + Math.max(4L, 2L * (capacity - main));
                final long longs = Math.min(grown, (long) (Integer.MAX_VALUE - 8) / BUCKET_LONGS) * BUCKET_LONGS;
                if (longs <= (long) capacity * BUCKET_LONGS) {
                    throw new IllegalStateException("overflow region full: " + (capacity - main)
                        + " overflow buckets at B = " + b);
                }
                data = Arrays.copyOf(data, (int) longs);
            }
            return nextFree++;
        }

        void store(int bucket, int slot, int top, long key, long value) {
            setTop(data, bucket, slot, top);
            final int at = bucket * BUCKET_LONGS + KEYS_AT + slot;
            data[at] = key;
            data[at + VALUE_DELTA] = value;
        }

        /** mapclear: zero the buckets in use (tophash words and links), give back the overflow region. */
        void reset() {
            for (int bucket = 0; bucket < nextFree; bucket++) {
                data[bucket * BUCKET_LONGS] = 0;
                data[bucket * BUCKET_LONGS + LINK_AT] = 0;
            }
            nextFree = mask + 1;
        }
    }
}
