package org.hmaplab.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * The Go 1.19 runtime map ({@code runtime/map.go}) as a {@link java.util.Map} with object keys.
 * Section numbers (§) refer to GO-MAP-SPEC.md.
 *
 * <h2>What is here and what is in GoMapRules</h2>
 * As Go keeps its state machine in {@code map.go} and only the per-key-type access, assign and
 * delete paths in {@code map_fast64.go}, the storage-independent rules are written once in
 * {@link GoMapRules}, shared with {@link GoLongLongMap}: the constants, tophash, the growth trigger
 * ({@code startsGrowth}) and its kind, the size-hint B and the one limit {@link GoMapRules#MAX_B},
 * noverflow counting ({@code incrNoverflow}), the evacuation-mark look-ahead, the private random
 * stream ({@code randomStreamStart}, {@code fastrand}, the iteration start), the seeds of a
 * fixed-seed map and the {@code stats()} measurements. This class holds its storage (boxed
 * slot arrays beside one tophash word per bucket) and everything that walks it: the
 * GENERIC/FAST64/SWAR probes, put, remove with the emptyRest walk-back, evacuation, the iterator
 * and {@code verifyInvariants()}, as concrete code in a final class, so the hot loops call nothing
 * virtual. This class cannot share a base class with GoLongLongMap (it extends
 * {@code AbstractMap}); the two are held to the same rules by one contract
 * ({@code AbstractGoGrowthContract}) and by replaying every recorded Go 1.19 trace through both
 * ({@code GoHeaderDifferentialTest}). The package overview ({@code package-info}) has the table
 * of Go's names and ours.
 *
 * <h2>Design</h2>
 * 2^B buckets of 8 slots. Each bucket has 8 tophash bytes (kept as one {@code long}, slot i in bits
 * 8i..8i+7, little-endian as in Go's memory layout), 8 keys, 8 values and a link to an overflow
 * bucket. Bucket index = {@code hash & (2^B - 1)}; tophash = top byte of the hash, raised by 5 when
 * below 5, because 0..4 mark slot states (§1.5, §3.7). Storage is flat: {@code long[] tophash} (one
 * per bucket), {@code Object[] keys} and {@code Object[] values} indexed {@code bucket * 8 + slot},
 * {@code int[] overflow} links (0 = none: bucket 0 is always a head bucket, never an overflow
 * bucket). Overflow buckets live after the 2^B head buckets in the same arrays; the region starts
 * with Go's 2^(B-4) preallocated overflow buckets (B &gt;= 4) and grows when exhausted. There are no
 * per-entry objects (the entry views create Map.Entry objects while iterating).
 *
 * <p>Growth starts only when a new key is inserted and no growth is running (§4.3, §4.4): doubling
 * when {@code count+1} is over the load factor (the options' load factor, Go's 13/2 by default),
 * same-size when {@code noverflow >= 2^min(B,15)} ({@code noverflow} approximate from B = 16, §4.5).
 * Evacuation is incremental (§6): every insert, update and delete of a growing map evacuates the
 * old bucket of its key and the one at {@code nevacuate}; lookups probe the old bucket while it is
 * not evacuated and never move data. Deletes mark emptyOne and walk back to emptyRest (§9.5); a
 * delete that empties the map and {@link #clear()} draw a new seed (§3.2); clear keeps B (§12); B
 * never decreases (§9.8). Iteration (§11) starts at a random bucket with a random in-bucket
 * rotation, copes with growth and tolerates modification (it is deliberately NOT fail-fast).
 *
 * <h2>Go names and ours</h2>
 * <table>
 *   <caption>Go runtime names and their GoMap counterparts</caption>
 *   <tr><th>Go</th><th>GoMap</th></tr>
 *   <tr><td>hmap.count</td><td>{@code count} ({@link #size()})</td></tr>
 *   <tr><td>hmap.B</td><td>{@code b}</td></tr>
 *   <tr><td>hmap.noverflow</td><td>{@code noverflow}</td></tr>
 *   <tr><td>hmap.hash0</td><td>{@code seed} (64 bits here; Go: 32 bits plus a per-process secret)</td></tr>
 *   <tr><td>hmap.buckets / oldbuckets</td><td>{@code buckets} / {@code oldBuckets} ({@link BucketArray})</td></tr>
 *   <tr><td>hmap.nevacuate</td><td>{@code nevacuate}</td></tr>
 *   <tr><td>hmap.flags (hashWriting, iterator, oldIterator)</td><td>{@code flags}</td></tr>
 *   <tr><td>hmap.flags sameSizeGrow</td><td>{@code sameSizeGrow}</td></tr>
 *   <tr><td>bmap.tophash[8]</td><td>{@code tophash[bucket]} (one long)</td></tr>
 *   <tr><td>hiter</td><td>{@link GoIterator}</td></tr>
 * </table>
 *
 * <h2>Key hashing</h2>
 * Keys go through the {@link Hasher} with the map's 64-bit seed:
 * <ul>
 *   <li>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}: {@code hashLong(key.longValue())}
 *       (sign-extended), so a {@code GoMap<Long, V>} hashes exactly as {@link GoLongLongMap};</li>
 *   <li>{@code String} and every other {@code CharSequence}: {@code hashChars(key)}, the UTF-16 code
 *       units (Go: UTF-8 bytes, a deliberate difference; a CharSequence key must not change while
 *       in the map);</li>
 *   <li>arrays ({@code byte[]} included) are refused with an IllegalArgumentException: their
 *       equals() is identity, so content hashing would break the map;</li>
 *   <li>every other key: {@code hashLong(key.hashCode())} (sign-extended).</li>
 * </ul>
 * After the tophash filter keys are compared with {@code equals()} (an identical reference is a
 * match without calling it). A {@code null} key is refused by {@link #put} with a
 * NullPointerException; {@code get}, {@code containsKey} and {@code remove} of {@code null} answer
 * "absent". Null values are allowed.
 *
 * <h2>Lookup styles</h2>
 * {@link LookupStyle#GENERIC}: Go's generic path, tophash filter, stop at emptyRest (§7.4).
 * {@link LookupStyle#FAST64}: Go's fast path ported to object keys: every slot of every bucket of
 * the chain has its key compared with equals() (empty slots, whose key is null, skipped); the
 * tophash value is never compared and there is no emptyRest exit (§7.5). Unlike Go's fast64 with
 * B = 0 the key is always hashed, as Go does for interface keys. {@link LookupStyle#SWAR}: a
 * bucket's 8 tophash bytes are matched against the wanted tophash at once with word arithmetic,
 * candidates verified; a bucket holding an emptyRest byte ends the chain. The style applies to
 * {@link #get} and {@link #containsKey}; writes (put, remove) always walk the chain as Go's
 * mapassign/mapdelete do, which give the same slots under every style.
 *
 * <h2>Misuse</h2>
 * As Go (§13): a writer XORs a writing flag at its start and checks it at its end; a writer that
 * finds it set throws {@link ConcurrentModificationException} "concurrent map writes" (even on an
 * empty map), a reader of a non-empty map "concurrent map read and map write", an iterator step
 * "concurrent map iteration and map write". Writers access the flag with VarHandle opaque mode so
 * that the compiler cannot fold the set and clear of one write away; readers read it plainly, as
 * Go's mapaccess does. Best effort, like Go's.
 *
 * <h2>Deliberate differences</h2>
 * 64-bit seed; UTF-16 string hashing; the optional hot-key cache (below); {@link #clear()} of a
 * growing map also marks every bucket of the abandoned old array emptyRest, so that an iterator
 * that started before the growth returns nothing the clear removed (§11.8). Go 1.19's mapclear
 * leaves the old array as it is (only reachable there through the range-and-delete idiom); Go
 * 1.21 added this marking for its clear builtin (golang/go#59411).
 *
 * <h2>Hot-key cache (optional, not in Go, §14.3)</h2>
 * With {@link MapOptions#hotKeyCache()} a direct-mapped table of 64 entries, indexed by the mixed
 * {@code hashCode()} of the key, remembers recently found keys and their slot in the current
 * array. An entry counts only while a structural version counter is unchanged; the counter is
 * bumped by every insert of a new key, delete, evacuation step, growth start and clear, so a hit
 * (equals() with the remembered key; no Hasher call, no probing) can never return a wrong answer.
 * Updates of an existing key keep the slot and do not invalidate. The cache holds references to
 * up to 64 keys that may have been removed since, until they are overwritten.
 *
 * <p>Not thread-safe.
 *
 * @param <K> key type (not an array; null refused)
 * @param <V> value type (null allowed)
 */
public final class GoMap<K, V> extends AbstractMap<K, V> {

    /** hmap.flags bit: an iterator may be using the current bucket array (map.go:101). */
    static final int ITERATOR = 1;
    /** hmap.flags bit: an iterator may be using the old bucket array (map.go:102). */
    static final int OLD_ITERATOR = 2;
    /** hmap.flags bit: a goroutine is writing to the map (map.go:103). */
    static final int HASH_WRITING = 4;

    /** Bits of one tophash byte. */
    private static final int BYTE_MASK = 0xFF;
    /** Bits per tophash byte. */
    private static final int BITS_PER_BYTE = 8;
    /** Index of the last slot of a bucket. */
    private static final int LAST_SLOT = GoMapRules.BUCKET_SIZE - 1;
    /** Overflow link meaning "no overflow bucket" (bucket 0 is always a head bucket). */
    static final int NO_OVERFLOW = 0;
    /** log2 of the bits per byte: turns a bit index into a byte index. */
    private static final int BUCKET_BYTE_SHIFT = 3;
    /** Every byte of a long set to 1: broadcasts a tophash byte over a bucket word. */
    private static final long LOW_BITS = 0x0101010101010101L;
    /** The high bit of every byte of a long: the SWAR zero-byte detector's output bits. */
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Smallest number of overflow buckets added when the overflow region is exhausted. */
    private static final int MIN_OVERFLOW_GROWTH = 4;
    /** B from which makeBucketArray preallocates 2^(B-4) overflow buckets (map.go:350). */
    private static final int PREALLOCATE_FROM_B = 4;
    /** Style codes, copied from the options into a final int for the lookup switch. */
    private static final int STYLE_GENERIC = 0;
    private static final int STYLE_FAST64 = 1;
    private static final int STYLE_SWAR = 2;
    /** Marker returned by internal removal when the key was absent (values may be null). */
    private static final Object ABSENT = new Object();
    /** Entries of the hot-key cache (a power of two). */
    private static final int HOT_CACHE_SIZE = 64;
    /** Shift that keeps the top log2(HOT_CACHE_SIZE) bits of a mixed hashCode. */
    private static final int HOT_CACHE_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(HOT_CACHE_SIZE);

    private static final SecureRandom SEED_SOURCE = new SecureRandom();
    private static final VarHandle FLAGS;

    static {
        try {
            FLAGS = MethodHandles.lookup().findVarHandle(GoMap.class, "flags", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Hasher hasher;
    private final LongSupplier seeds;
    private final MapOptions options;
    private final int style;
    private final int loadFactorNum;
    private final int loadFactorDen;

    /** hmap.count. */
    private int count;
    /** hmap.B: log2 of the number of head buckets of the current array. */
    private int b;
    /** hmap.noverflow: overflow buckets created since the last growth start or clear (§4.5). */
    private int noverflow;
    /** hmap.hash0 (64 bits here). */
    private long seed;
    /** hmap.flags bits ITERATOR, OLD_ITERATOR, HASH_WRITING; accessed through FLAGS (opaque). */
    @SuppressWarnings("unused")
    private int flags;
    /** The sameSizeGrow flag of hmap.flags. */
    private boolean sameSizeGrow;
    /** hmap.buckets. */
    private BucketArray buckets;
    /** hmap.oldbuckets: non-null exactly while a growth is in progress. */
    private BucketArray oldBuckets;
    /** hmap.nevacuate: old buckets below it are evacuated. */
    private int nevacuate;
    /** State of the map's private random stream (Go's fastrand): iteration starts, noverflow sampling. */
    private long randomState;

    private long doublingGrowths;
    private long sameSizeGrowths;
    private long evacuatedBuckets;

    /** Hot-key cache: remembered keys, their slots in the current array, and the version they were seen at. */
    private final Object[] hotKeys;
    private final int[] hotSlots;
    private final long[] hotStamps;
    /** Structural version (starts at 1; cache stamps start at 0 = invalid). */
    private long version = 1;

    private Set<Entry<K, V>> entrySetView;
    private Set<K> keySetView;
    private Collection<V> valuesView;

    /** A map with the default hasher, a random seed and no size hint. */
    public GoMap() {
        this(0);
    }

    /** A map with the default hasher, a random seed, sized for {@code hint} entries (§4.6). */
    public GoMap(int hint) {
        this(Hashers.defaultHasher(), SEED_SOURCE.nextLong(), hint, MapOptions.DEFAULT);
    }

    /** A map with the given hasher, a random seed and no size hint. */
    public GoMap(Hasher hasher) {
        this(hasher, SEED_SOURCE.nextLong(), 0, MapOptions.DEFAULT);
    }

    /** A map with a fixed initial seed; re-drawn seeds come from a generator seeded by it. */
    public GoMap(Hasher hasher, long seed, int hint) {
        this(hasher, seed, hint, MapOptions.DEFAULT);
    }

    /** A map with a fixed initial seed and options; re-drawn seeds come from a generator seeded by it. */
    public GoMap(Hasher hasher, long seed, int hint, MapOptions options) {
        this(hasher, GoMapRules.seedsStartingWith(seed), hint, options);
    }

    /**
     * The general constructor.
     *
     * @param hasher  the hash function
     * @param seeds   gives the initial seed and every re-drawn seed (§3.2)
     * @param hint    expected number of entries; picks the smallest B not over the load factor,
     *                a negative hint counts as 0 (§4.6)
     * @param options lookup style, hot-key cache and load factor
     */
    public GoMap(Hasher hasher, LongSupplier seeds, int hint, MapOptions options) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        this.options = Objects.requireNonNull(options, "options");
        if (options.hotKeyCache()) {
            hotKeys = new Object[HOT_CACHE_SIZE];
            hotSlots = new int[HOT_CACHE_SIZE];
            hotStamps = new long[HOT_CACHE_SIZE];
        } else {
            hotKeys = null;
            hotSlots = null;
            hotStamps = null;
        }
        this.style = switch (options.lookupStyle()) {
            case GENERIC -> STYLE_GENERIC;
            case FAST64 -> STYLE_FAST64;
            case SWAR -> STYLE_SWAR;
        };
        this.loadFactorNum = options.loadFactorNum();
        this.loadFactorDen = options.loadFactorDen();
        this.seed = seeds.getAsLong();
        this.randomState = GoMapRules.randomStreamStart(seed);
        this.b = GoMapRules.bForHint(hint, loadFactorNum, loadFactorDen);
        this.buckets = new BucketArray(b);
    }

    // ------------------------------------------------------------------------------------------
    // Bucket arrays
    // ------------------------------------------------------------------------------------------

    /**
     * One bucket array (Go's {@code buckets} or {@code oldbuckets}): 2^B head buckets followed by
     * the overflow region. Iterators keep a reference to the array they started on; growing the
     * overflow region replaces the arrays inside this object, so they stay valid.
     */
    static final class BucketArray {
        final int bits;
        final int mask;
        final int headBuckets;
        final int preallocatedEnd;
        long[] tophash;
        Object[] keys;
        Object[] values;
        int[] overflow;
        /** The next unused overflow bucket. */
        int nextFree;

        BucketArray(int bits) {
            this.bits = bits;
            this.headBuckets = 1 << bits;
            this.mask = headBuckets - 1;
            int prealloc = bits >= PREALLOCATE_FROM_B ? 1 << (bits - PREALLOCATE_FROM_B) : 0;
            this.preallocatedEnd = headBuckets + prealloc;
            allocate(preallocatedEnd);
            this.nextFree = headBuckets;
        }

        private void allocate(int totalBuckets) {
            tophash = new long[totalBuckets];
            keys = new Object[totalBuckets * GoMapRules.BUCKET_SIZE];
            values = new Object[totalBuckets * GoMapRules.BUCKET_SIZE];
            overflow = new int[totalBuckets];
        }

        int capacity() {
            return tophash.length;
        }

        void growOverflowRegion() {
            int cap = capacity();
            int region = cap - headBuckets;
            int newCap = cap + Math.max(MIN_OVERFLOW_GROWTH, region);
            tophash = Arrays.copyOf(tophash, newCap);
            keys = Arrays.copyOf(keys, newCap * GoMapRules.BUCKET_SIZE);
            values = Arrays.copyOf(values, newCap * GoMapRules.BUCKET_SIZE);
            overflow = Arrays.copyOf(overflow, newCap);
        }

        int top(int bucket, int slot) {
            return (int) (tophash[bucket] >>> (slot * BITS_PER_BYTE)) & BYTE_MASK;
        }

        void setTop(int bucket, int slot, int top) {
            int shift = slot * BITS_PER_BYTE;
            tophash[bucket] = (tophash[bucket] & ~((long) BYTE_MASK << shift)) | ((long) top << shift);
        }

        boolean evacuated(int bucket) {
            return GoMapRules.evacuated((int) tophash[bucket] & BYTE_MASK);
        }

        /** Zeroes everything and makes every overflow bucket unused again (mapclear's makeBucketArray). */
        void reset() {
            Arrays.fill(tophash, 0, nextFree, 0L);
            Arrays.fill(keys, 0, nextFree * GoMapRules.BUCKET_SIZE, null);
            Arrays.fill(values, 0, nextFree * GoMapRules.BUCKET_SIZE, null);
            Arrays.fill(overflow, 0, nextFree, NO_OVERFLOW);
            nextFree = headBuckets;
        }

        /** Marks every bucket, overflow buckets included, emptyRest: an iterator on this array finds nothing more. */
        void markEmpty() {
            Arrays.fill(tophash, 0L);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Hashing and flags
    // ------------------------------------------------------------------------------------------

    /** The hash of a key, by the rules in the class comment. */
    private long hashOf(Object key, long seed) {
        final Hasher h = hasher;
        if (key instanceof Long l) return h.hashLong(l, seed);
        if (key instanceof String s) return h.hashChars(s, seed);
        if (key instanceof Integer i) return h.hashLong(i, seed);
        if (key instanceof Short s) return h.hashLong(s, seed);
        if (key instanceof Byte x) return h.hashLong(x, seed);
        if (key instanceof CharSequence cs) return h.hashChars(cs, seed);
        if (key.getClass().isArray()) {
            throw new IllegalArgumentException("GoMap keys must not be arrays (" + key.getClass().getSimpleName()
                + "): arrays compare by identity; wrap the contents in a record, a List or a String");
        }
        return h.hashLong(key.hashCode(), seed);
    }

    private static NullPointerException nullKey() {
        return new NullPointerException("null keys are not allowed in GoMap (null values are)");
    }

    /** Test hook and the writers' entry: Go's {@code flags ^= hashWriting} after the check (§8.2-8.3). */
    void beginWrite() {
        int f = (int) FLAGS.getOpaque(this);
        if ((f & HASH_WRITING) != 0) throw new ConcurrentModificationException(GoMapRules.CONCURRENT_WRITES);
        FLAGS.setOpaque(this, f ^ HASH_WRITING);
    }

    /** The writers' exit: fails if another writer cleared the flag meanwhile (§8.6), else clears it. */
    void endWrite() {
        int f = (int) FLAGS.getOpaque(this);
        if ((f & HASH_WRITING) == 0) throw new ConcurrentModificationException(GoMapRules.CONCURRENT_WRITES);
        FLAGS.setOpaque(this, f & ~HASH_WRITING);
    }

    /** Clears the writing flag after an exception thrown by a key's equals or hashCode mid-write. */
    private void abandonWrite() {
        int f = (int) FLAGS.getOpaque(this);
        FLAGS.setOpaque(this, f & ~HASH_WRITING);
    }

    /** Readers' check: a plain read, as Go's mapaccess does (an opaque read would be a compiler barrier). */
    private void checkNoWriter(String message) {
        if ((flags & HASH_WRITING) != 0) {
            throw new ConcurrentModificationException(message);
        }
    }

    private int nextRandom() {
        return GoMapRules.fastrand(randomState += GoMapRules.RANDOM_GAMMA);
    }

    // ------------------------------------------------------------------------------------------
    // Lookup (§7)
    // ------------------------------------------------------------------------------------------

    @Override
    public int size() {
        return count;
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (key == null) return null;
        if (count == 0) {
            hashOf(key, seed);
            return null;
        }
        checkNoWriter(GoMapRules.CONCURRENT_READ_WRITE);
        final Object[] hk = hotKeys;
        int ci = 0;
        if (hk != null) {
            ci = cacheIndex(key);
            final Object cached = hk[ci];
            if (hotStamps[ci] == version && (cached == key || key.equals(cached))) {
                return (V) buckets.values[hotSlots[ci]];
            }
        }
        final long hash = hashOf(key, seed);
        BucketArray a = buckets;
        int bucket = (int) hash & a.mask;
        final BucketArray old = oldBuckets;
        if (old != null) {
            int oldBucket = (int) hash & old.mask;
            if (!old.evacuated(oldBucket)) {
                a = old;
                bucket = oldBucket;
            }
        }
        final int slot = find(a, bucket, key, hash);
        if (slot < 0) return null;
        if (hk != null && a == buckets) remember(ci, a.keys[slot], slot);
        return (V) a.values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        if (key == null) return false;
        if (count == 0) {
            hashOf(key, seed);
            return false;
        }
        checkNoWriter(GoMapRules.CONCURRENT_READ_WRITE);
        final Object[] hk = hotKeys;
        int ci = 0;
        if (hk != null) {
            ci = cacheIndex(key);
            final Object cached = hk[ci];
            if (hotStamps[ci] == version && (cached == key || key.equals(cached))) return true;
        }
        final long hash = hashOf(key, seed);
        BucketArray a = buckets;
        int bucket = (int) hash & a.mask;
        final BucketArray old = oldBuckets;
        if (old != null) {
            int oldBucket = (int) hash & old.mask;
            if (!old.evacuated(oldBucket)) {
                a = old;
                bucket = oldBucket;
            }
        }
        final int slot = find(a, bucket, key, hash);
        if (slot < 0) return false;
        if (hk != null && a == buckets) remember(ci, a.keys[slot], slot);
        return true;
    }

    private static int cacheIndex(Object key) {
        return (int) ((key.hashCode() * GoMapRules.RANDOM_GAMMA) >>> HOT_CACHE_SHIFT);
    }

    private void remember(int ci, Object storedKey, int slot) {
        hotKeys[ci] = storedKey;
        hotSlots[ci] = slot;
        hotStamps[ci] = version;
    }

    private int find(BucketArray a, int bucket, Object key, long hash) {
        return switch (style) {
            case STYLE_FAST64 -> findFast64(a, bucket, key);
            case STYLE_SWAR -> findSwar(a, bucket, key, hash);
            default -> findGeneric(a, bucket, key, hash);
        };
    }

    /** mapaccess (§7.4): tophash filter, the whole chain ends at the first emptyRest. */
    private static int findGeneric(BucketArray a, int bucket, Object key, long hash) {
        final long[] tophash = a.tophash;
        final Object[] keys = a.keys;
        final int[] overflow = a.overflow;
        final int top = GoMapRules.tophash(hash);
        int bk = bucket;
        do {
            final long word = tophash[bk];
            for (int i = 0; i < GoMapRules.BUCKET_SIZE; i++) {
                final int t = (int) (word >>> (i * BITS_PER_BYTE)) & BYTE_MASK;
                if (t != top) {
                    if (t == GoMapRules.EMPTY_REST) return -1;
                    continue;
                }
                final int slot = (bk << GoMapRules.BUCKET_SHIFT) + i;
                final Object k = keys[slot];
                if (k == key || key.equals(k)) return slot;
            }
            bk = overflow[bk];
        } while (bk != NO_OVERFLOW);
        return -1;
    }

    /** mapaccess_fast64 ported to objects (§7.5): keys compared directly, no tophash, no emptyRest exit. */
    private static int findFast64(BucketArray a, int bucket, Object key) {
        final long[] tophash = a.tophash;
        final Object[] keys = a.keys;
        final int[] overflow = a.overflow;
        int bk = bucket;
        do {
            final int base = bk << GoMapRules.BUCKET_SHIFT;
            for (int i = 0; i < GoMapRules.BUCKET_SIZE; i++) {
                final Object k = keys[base + i];
                if (k != null && (k == key || key.equals(k))
                    && !GoMapRules.isEmpty((int) (tophash[bk] >>> (i * BITS_PER_BYTE)) & BYTE_MASK)) {
                    return base + i;
                }
            }
            bk = overflow[bk];
        } while (bk != NO_OVERFLOW);
        return -1;
    }

    /** Tophash bytes matched 8 at a time; candidates verified; a bucket with an emptyRest byte ends the chain. */
    private static int findSwar(BucketArray a, int bucket, Object key, long hash) {
        final long[] tophash = a.tophash;
        final Object[] keys = a.keys;
        final int[] overflow = a.overflow;
        final int top = GoMapRules.tophash(hash);
        final long pattern = LOW_BITS * top;
        int bk = bucket;
        do {
            final long word = tophash[bk];
            final long x = word ^ pattern;
            long candidates = (x - LOW_BITS) & ~x & HIGH_BITS;
            while (candidates != 0) {
                final int i = Long.numberOfTrailingZeros(candidates) >>> BUCKET_BYTE_SHIFT;
                candidates &= candidates - 1;
                if (((int) (word >>> (i * BITS_PER_BYTE)) & BYTE_MASK) != top) continue;
                final int slot = (bk << GoMapRules.BUCKET_SHIFT) + i;
                final Object k = keys[slot];
                if (k == key || key.equals(k)) return slot;
            }
            if (((word - LOW_BITS) & ~word & HIGH_BITS) != 0) return -1;
            bk = overflow[bk];
        } while (bk != NO_OVERFLOW);
        return -1;
    }

    /** mapaccessK for the iterator: no flag check, generic search, probes the old bucket while unevacuated. */
    private int locate(Object key, long hash, BucketArray[] where) {
        BucketArray a = buckets;
        int bucket = (int) hash & a.mask;
        final BucketArray old = oldBuckets;
        if (old != null) {
            int oldBucket = (int) hash & old.mask;
            if (!old.evacuated(oldBucket)) {
                a = old;
                bucket = oldBucket;
            }
        }
        where[0] = a;
        return findGeneric(a, bucket, key, hash);
    }

    // ------------------------------------------------------------------------------------------
    // Insert / update (§8)
    // ------------------------------------------------------------------------------------------

    @Override
    public V put(K key, V value) {
        if (key == null) throw nullKey();
        final long hash = hashOf(key, seed);
        beginWrite();
        final Object old;
        try {
            old = assign(key, hash, value);
        } catch (RuntimeException | Error e) {
            abandonWrite();
            throw e;
        }
        endWrite();
        @SuppressWarnings("unchecked")
        V result = old == ABSENT ? null : (V) old;
        return result;
    }

    /** mapassign: returns the previous value, or ABSENT when the key was new. */
    private Object assign(Object key, long hash, Object value) {
        final int top = GoMapRules.tophash(hash);
        while (true) {
            BucketArray a = buckets;
            final int bucket = (int) hash & a.mask;
            if (oldBuckets != null) growWork(bucket);
            final long[] tophash = a.tophash;
            final Object[] keys = a.keys;
            final int[] overflow = a.overflow;
            int insertSlot = -1;
            int last = bucket;
            int bk = bucket;
            search:
            do {
                final long word = tophash[bk];
                for (int i = 0; i < GoMapRules.BUCKET_SIZE; i++) {
                    final int t = (int) (word >>> (i * BITS_PER_BYTE)) & BYTE_MASK;
                    if (t != top) {
                        if (GoMapRules.isEmpty(t) && insertSlot < 0) insertSlot = (bk << GoMapRules.BUCKET_SHIFT) + i;
                        if (t == GoMapRules.EMPTY_REST) break search;
                        continue;
                    }
                    final int slot = (bk << GoMapRules.BUCKET_SHIFT) + i;
                    final Object k = keys[slot];
                    if (k == key || key.equals(k)) {
                        final Object[] values = a.values;
                        final Object previous = values[slot];
                        values[slot] = value;
                        return previous;
                    }
                }
                last = bk;
                bk = overflow[bk];
            } while (bk != NO_OVERFLOW);

            if (GoMapRules.startsGrowth(oldBuckets != null, count, b, noverflow, loadFactorNum, loadFactorDen)) {
                hashGrow();
                continue;
            }
            if (insertSlot < 0) {
                insertSlot = newOverflow(a, last) << GoMapRules.BUCKET_SHIFT;
            }
            a.setTop(insertSlot >>> GoMapRules.BUCKET_SHIFT, insertSlot & LAST_SLOT, top);
            a.keys[insertSlot] = key;
            a.values[insertSlot] = value;
            count++;
            version++;
            return ABSENT;
        }
    }

    private boolean overLoadFactor(long n, int bits) {
        return GoMapRules.overLoadFactor(n, bits, loadFactorNum, loadFactorDen);
    }

    /** newoverflow (map.go:246-266): chains a fresh overflow bucket after {@code last} and counts it. */
    private int newOverflow(BucketArray a, int last) {
        if (a.nextFree == a.capacity()) a.growOverflowRegion();
        final int fresh = a.nextFree++;
        a.overflow[last] = fresh;
        noverflow = GoMapRules.incrNoverflow(noverflow, b, GoMapRules.noverflowIsSampled(b) ? nextRandom() : 0);
        return fresh;
    }

    // ------------------------------------------------------------------------------------------
    // Growth and evacuation (§5, §6)
    // ------------------------------------------------------------------------------------------

    /** hashGrow: no entries move here. */
    private void hashGrow() {
        int bigger = 1;
        if (!overLoadFactor(count + 1, b)) {
            bigger = 0;
            sameSizeGrow = true;
            sameSizeGrowths++;
        } else {
            doublingGrowths++;
        }
        if (b + bigger > GoMapRules.MAX_B) {
            throw new IllegalStateException("GoMap cannot grow beyond B = " + GoMapRules.MAX_B
                + " (2^" + GoMapRules.MAX_B + " buckets of 8 slots)");
        }
        int f = (int) FLAGS.getOpaque(this);
        int iteratorBits = f & ~(ITERATOR | OLD_ITERATOR);
        if ((f & ITERATOR) != 0) iteratorBits |= OLD_ITERATOR;
        FLAGS.setOpaque(this, iteratorBits);
        version++;
        b += bigger;
        oldBuckets = buckets;
        buckets = new BucketArray(b);
        nevacuate = 0;
        noverflow = 0;
    }

    private void growWork(int bucket) {
        evacuate(bucket & oldBuckets.mask);
        if (oldBuckets != null) evacuate(nevacuate);
    }

    /** evacuate (map.go:1152-1264). */
    private void evacuate(int oldBucket) {
        final BucketArray old = oldBuckets;
        final int newbit = old.headBuckets;
        if (!old.evacuated(oldBucket)) {
            final BucketArray a = buckets;
            final boolean doubling = !sameSizeGrow;
            int xBucket = oldBucket;
            int xSlot = 0;
            int yBucket = oldBucket + newbit;
            int ySlot = 0;
            final long s = seed;
            for (int bk = oldBucket; ; bk = old.overflow[bk]) {
                for (int i = 0; i < GoMapRules.BUCKET_SIZE; i++) {
                    final int top = old.top(bk, i);
                    if (GoMapRules.isEmpty(top)) {
                        old.setTop(bk, i, GoMapRules.EVACUATED_EMPTY);
                        continue;
                    }
                    if (top < GoMapRules.MIN_TOP_HASH) {
                        throw new IllegalStateException("bad map state: tophash " + top + " in an unevacuated bucket");
                    }
                    final int from = (bk << GoMapRules.BUCKET_SHIFT) + i;
                    final Object k = old.keys[from];
                    boolean useY = doubling && (hashOf(k, s) & newbit) != 0;
                    old.setTop(bk, i, useY ? GoMapRules.EVACUATED_Y : GoMapRules.EVACUATED_X);
                    int to;
                    if (useY) {
                        if (ySlot == GoMapRules.BUCKET_SIZE) {
                            yBucket = newOverflow(a, yBucket);
                            ySlot = 0;
                        }
                        to = (yBucket << GoMapRules.BUCKET_SHIFT) + ySlot++;
                    } else {
                        if (xSlot == GoMapRules.BUCKET_SIZE) {
                            xBucket = newOverflow(a, xBucket);
                            xSlot = 0;
                        }
                        to = (xBucket << GoMapRules.BUCKET_SHIFT) + xSlot++;
                    }
                    a.setTop(to >>> GoMapRules.BUCKET_SHIFT, to & LAST_SLOT, top);
                    a.keys[to] = k;
                    a.values[to] = old.values[from];
                }
                if (old.overflow[bk] == NO_OVERFLOW) break;
            }
            if (((int) FLAGS.getOpaque(this) & OLD_ITERATOR) == 0) {
                for (int bk = oldBucket; ; ) {
                    final int base = bk << GoMapRules.BUCKET_SHIFT;
                    Arrays.fill(old.keys, base, base + GoMapRules.BUCKET_SIZE, null);
                    Arrays.fill(old.values, base, base + GoMapRules.BUCKET_SIZE, null);
                    final int next = old.overflow[bk];
                    if (next == NO_OVERFLOW) break;
                    bk = next;
                }
                old.overflow[oldBucket] = NO_OVERFLOW;
            }
            evacuatedBuckets++;
            version++;
        }
        if (oldBucket == nevacuate) advanceEvacuationMark(old, newbit);
    }

    /** advanceEvacuationMark (map.go:1266-1288). */
    private void advanceEvacuationMark(BucketArray old, int newbit) {
        nevacuate++;
        final int stop = GoMapRules.evacuationMarkStop(nevacuate, newbit);
        while (nevacuate != stop && old.evacuated(nevacuate)) nevacuate++;
        if (nevacuate == newbit) {
            oldBuckets = null;
            sameSizeGrow = false;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Delete and clear (§9, §12)
    // ------------------------------------------------------------------------------------------

    @Override
    public V remove(Object key) {
        Object old = removeKey(key);
        @SuppressWarnings("unchecked")
        V result = old == ABSENT ? null : (V) old;
        return result;
    }

    /** mapdelete; returns the removed value or ABSENT. */
    private Object removeKey(Object key) {
        if (key == null) return ABSENT;
        final long hash = hashOf(key, seed);
        if (count == 0) return ABSENT;
        beginWrite();
        final Object old;
        try {
            old = delete(key, hash);
        } catch (RuntimeException | Error e) {
            abandonWrite();
            throw e;
        }
        endWrite();
        return old;
    }

    private Object delete(Object key, long hash) {
        final BucketArray a = buckets;
        final int bucket = (int) hash & a.mask;
        if (oldBuckets != null) growWork(bucket);
        final int top = GoMapRules.tophash(hash);
        final long[] tophash = a.tophash;
        final Object[] keys = a.keys;
        final int[] overflow = a.overflow;
        int bk = bucket;
        do {
            final long word = tophash[bk];
            for (int i = 0; i < GoMapRules.BUCKET_SIZE; i++) {
                final int t = (int) (word >>> (i * BITS_PER_BYTE)) & BYTE_MASK;
                if (t != top) {
                    if (t == GoMapRules.EMPTY_REST) return ABSENT;
                    continue;
                }
                final int slot = (bk << GoMapRules.BUCKET_SHIFT) + i;
                final Object k = keys[slot];
                if (k != key && !key.equals(k)) continue;
                final Object previous = a.values[slot];
                keys[slot] = null;
                a.values[slot] = null;
                a.setTop(bk, i, GoMapRules.EMPTY_ONE);
                walkBackEmptyRest(a, bucket, bk, i);
                count--;
                version++;
                if (count == 0) {
                    seed = seeds.getAsLong();
                }
                return previous;
            }
            bk = overflow[bk];
        } while (bk != NO_OVERFLOW);
        return ABSENT;
    }

    /** The emptyRest walk-back after a delete of slot (bk, i) in the chain headed by {@code head} (§9.5). */
    private static void walkBackEmptyRest(BucketArray a, int head, int bk, int i) {
        final boolean lastUsed;
        if (i == LAST_SLOT) {
            int next = a.overflow[bk];
            lastUsed = next == NO_OVERFLOW || a.top(next, 0) == GoMapRules.EMPTY_REST;
        } else {
            lastUsed = a.top(bk, i + 1) == GoMapRules.EMPTY_REST;
        }
        if (!lastUsed) return;
        int cb = bk;
        int ci = i;
        while (true) {
            a.setTop(cb, ci, GoMapRules.EMPTY_REST);
            if (ci == 0) {
                if (cb == head) return;
                int prev = head;
                while (a.overflow[prev] != cb) prev = a.overflow[prev];
                cb = prev;
                ci = LAST_SLOT;
            } else {
                ci--;
            }
            if (a.top(cb, ci) != GoMapRules.EMPTY_ONE) return;
        }
    }

    /**
     * mapclear (§12.2): on a non-empty map, drops a growth in progress, resets noverflow and
     * nevacuate, draws a new seed and re-zeroes the bucket array, keeping B. An empty map is left
     * as it is (no flag check, no new seed), as in Go.
     */
    @Override
    public void clear() {
        if (count == 0) return;
        beginWrite();
        sameSizeGrow = false;
        if (oldBuckets != null) oldBuckets.markEmpty();
        oldBuckets = null;
        nevacuate = 0;
        noverflow = 0;
        count = 0;
        seed = seeds.getAsLong();
        buckets.reset();
        version++;
        endWrite();
    }

    // ------------------------------------------------------------------------------------------
    // Iteration (§11)
    // ------------------------------------------------------------------------------------------

    /** hiter: mapiterinit/mapiternext. Finds the next entry eagerly (as Go does) in hasNext. */
    private final class GoIterator {
        private static final int NO_CHECK = -1;
        private final BucketArray snapshot;
        private final int itB;
        private final int startBucket;
        private final int offset;
        private int bucket;
        private boolean wrapped;
        private BucketArray walking;
        private int bptr = -1;
        private int slotCounter;
        private int checkBucket = NO_CHECK;
        private boolean done;
        private boolean ready;
        private Object nextKey;
        private Object nextValue;
        private Object lastKey;
        private Object lastValue;
        private boolean canRemove;
        private final BucketArray[] where = new BucketArray[1];

        GoIterator() {
            if (count == 0) {
                snapshot = null;
                itB = 0;
                startBucket = 0;
                offset = 0;
                done = true;
                return;
            }
            snapshot = buckets;
            itB = b;
            final int r = nextRandom();
            startBucket = GoMapRules.iterationStartBucket(r, itB);
            offset = GoMapRules.iterationOffset(r, itB);
            bucket = startBucket;
            int f = (int) FLAGS.getOpaque(GoMap.this);
            FLAGS.setOpaque(GoMap.this, f | ITERATOR | OLD_ITERATOR);
        }

        boolean hasNext() {
            if (ready) return true;
            if (done) return false;
            advance();
            return ready;
        }

        void next() {
            if (!hasNext()) throw new NoSuchElementException("no more entries in this GoMap iteration");
            ready = false;
            lastKey = nextKey;
            lastValue = nextValue;
            canRemove = true;
        }

        Object key() {
            return lastKey;
        }

        Object value() {
            return lastValue;
        }

        void remove() {
            if (!canRemove) throw new IllegalStateException("remove() needs a preceding next(), once per next()");
            canRemove = false;
            removeKey(lastKey);
        }

        /** mapiternext (map.go:866-990). */
        private void advance() {
            checkNoWriter(GoMapRules.CONCURRENT_ITERATION_WRITE);
            while (true) {
                if (bptr < 0) {
                    if (bucket == startBucket && wrapped) {
                        done = true;
                        nextKey = null;
                        nextValue = null;
                        return;
                    }
                    final BucketArray old = oldBuckets;
                    if (old != null && itB == b) {
                        int oldBucket = bucket & old.mask;
                        if (!old.evacuated(oldBucket)) {
                            walking = old;
                            bptr = oldBucket;
                            checkBucket = bucket;
                        } else {
                            walking = snapshot;
                            bptr = bucket;
                            checkBucket = NO_CHECK;
                        }
                    } else {
                        walking = snapshot;
                        bptr = bucket;
                        checkBucket = NO_CHECK;
                    }
                    bucket++;
                    if (bucket == snapshot.headBuckets) {
                        bucket = 0;
                        wrapped = true;
                    }
                    slotCounter = 0;
                }
                for (; slotCounter < GoMapRules.BUCKET_SIZE; slotCounter++) {
                    final int offi = (slotCounter + offset) & LAST_SLOT;
                    final int top = walking.top(bptr, offi);
                    if (GoMapRules.isEmpty(top) || top == GoMapRules.EVACUATED_EMPTY) continue;
                    final int slot = (bptr << GoMapRules.BUCKET_SHIFT) + offi;
                    final Object k = walking.keys[slot];
                    if (checkBucket != NO_CHECK && !sameSizeGrow) {
                        long hash = hashOf(k, seed);
                        if (((int) hash & snapshot.mask) != checkBucket) continue;
                    }
                    if (top != GoMapRules.EVACUATED_X && top != GoMapRules.EVACUATED_Y) {
                        nextKey = k;
                        nextValue = walking.values[slot];
                    } else {
                        final int found = locate(k, hashOf(k, seed), where);
                        if (found < 0) continue;
                        nextKey = where[0].keys[found];
                        nextValue = where[0].values[found];
                        where[0] = null;
                    }
                    slotCounter++;
                    ready = true;
                    return;
                }
                bptr = walking.overflow[bptr];
                if (bptr == NO_OVERFLOW) bptr = -1;
                slotCounter = 0;
            }
        }
    }

    /** A Go-style loop over the entries (§11), without creating Map.Entry objects. */
    @Override
    public boolean containsValue(Object value) {
        final GoIterator it = new GoIterator();
        while (it.hasNext()) {
            it.next();
            if (Objects.equals(value, it.value())) return true;
        }
        return false;
    }

    /** A Go-style loop (§11): tolerates modification by the action, as a range loop does. */
    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action, "action");
        final GoIterator it = new GoIterator();
        while (it.hasNext()) {
            it.next();
            action.accept((K) it.key(), (V) it.value());
        }
    }

    // ------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------

    @Override
    public Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> es = entrySetView;
        if (es == null) entrySetView = es = new EntrySet();
        return es;
    }

    @Override
    public Set<K> keySet() {
        Set<K> ks = keySetView;
        if (ks == null) keySetView = ks = new KeySet();
        return ks;
    }

    @Override
    public Collection<V> values() {
        Collection<V> vs = valuesView;
        if (vs == null) valuesView = vs = new Values();
        return vs;
    }

    /** An entry returned by the entry-set iterator; setValue writes through with put. */
    private final class IteratedEntry extends SimpleEntry<K, V> {
        private static final long serialVersionUID = 1L;

        IteratedEntry(K key, V value) {
            super(key, value);
        }

        @Override
        public V setValue(V value) {
            put(getKey(), value);
            return super.setValue(value);
        }
    }

    private abstract class ViewIterator<E> implements Iterator<E> {
        final GoIterator it = new GoIterator();

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public void remove() {
            it.remove();
        }
    }

    private final class EntrySet extends AbstractSet<Entry<K, V>> {
        @Override
        public Iterator<Entry<K, V>> iterator() {
            return new ViewIterator<>() {
                @Override
                @SuppressWarnings("unchecked")
                public Entry<K, V> next() {
                    it.next();
                    return new IteratedEntry((K) it.key(), (V) it.value());
                }
            };
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public void clear() {
            GoMap.this.clear();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Entry<?, ?> e) || e.getKey() == null) return false;
            Object k = e.getKey();
            return containsKey(k) && Objects.equals(get(k), e.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!contains(o)) return false;
            removeKey(((Entry<?, ?>) o).getKey());
            return true;
        }
    }

    private final class KeySet extends AbstractSet<K> {
        @Override
        public Iterator<K> iterator() {
            return new ViewIterator<>() {
                @Override
                @SuppressWarnings("unchecked")
                public K next() {
                    it.next();
                    return (K) it.key();
                }
            };
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public void clear() {
            GoMap.this.clear();
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return removeKey(o) != ABSENT;
        }
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return new ViewIterator<>() {
                @Override
                @SuppressWarnings("unchecked")
                public V next() {
                    it.next();
                    return (V) it.value();
                }
            };
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public void clear() {
            GoMap.this.clear();
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Introspection
    // ------------------------------------------------------------------------------------------

    /** hmap.B. */
    public int bucketBits() {
        return b;
    }

    /** hmap.hash0: the current seed. */
    public long seed() {
        return seed;
    }

    /** Whether a growth is in progress (old buckets present). */
    public boolean isGrowing() {
        return oldBuckets != null;
    }

    /** The options this map was built with. */
    public MapOptions options() {
        return options;
    }

    /** The hasher this map uses. */
    public Hasher hasher() {
        return hasher;
    }

    /**
     * A snapshot of the structure and counters ({@link MapStats}, the same type and definitions as
     * {@link GoLongLongMap#stats()}); the measurements cover the current bucket array. O(buckets).
     */
    public MapStats stats() {
        final BucketArray a = buckets;
        final BucketArray old = oldBuckets;
        return GoMapRules.structureStats(bk -> a.tophash[bk], bk -> a.overflow[bk], a.headBuckets,
            options.lookupStyle(), count, b, noverflow, old != null, sameSizeGrow, nevacuate,
            old == null ? 0 : old.headBuckets, seed, doublingGrowths, sameSizeGrowths, evacuatedBuckets);
    }

    /**
     * The header fields (Go's {@code hmap} without the array pointers) in O(1), the same record
     * as {@link GoLongLongMap#header()}: differential tests compare it with the Go runtime's
     * header after every operation.
     */
    public MapHeader header() {
        return new MapHeader(count, b, sameSizeGrow, noverflow, nevacuate, oldBuckets != null, seed);
    }

    /** For tests: the tophash byte of (bucket, slot) in the current array. */
    int tophashAt(int bucket, int slot) {
        return buckets.top(bucket, slot);
    }

    /** For tests: the tophash byte of (bucket, slot) in the old array; the map must be growing. */
    int oldTophashAt(int bucket, int slot) {
        return oldBuckets.top(bucket, slot);
    }

    /** Doubling growths started so far, in O(1), for tests. */
    long doublingGrowthCount() {
        return doublingGrowths;
    }

    /** Same-size growths started so far, in O(1), for tests. */
    long sameSizeGrowthCount() {
        return sameSizeGrowths;
    }

    /** hmap.noverflow, for tests. */
    int noverflow() {
        return noverflow;
    }

    /** hmap.nevacuate, for tests. */
    int nevacuate() {
        return nevacuate;
    }

    /** Whether the growth in progress is a same-size growth, for tests. */
    boolean isSameSizeGrowing() {
        return sameSizeGrow;
    }

    /**
     * Checks the structure and throws IllegalStateException describing the first violation: count,
     * every key reachable through its chain (or its unevacuated old chain), tophash consistent with
     * the hash, nothing live after an emptyRest, no evacuation marks in the current array,
     * evacuation marks consistent with nevacuate, new buckets of an unevacuated old bucket empty,
     * noverflow equal to the overflow buckets created (B &lt; 16), no duplicate keys.
     */
    public void verifyInvariants() {
        final BucketArray a = buckets;
        final BucketArray old = oldBuckets;
        if (a.bits != b) fail("B is " + b + " but the bucket array has 2^" + a.bits + " head buckets");
        if (old == null && sameSizeGrow) fail("sameSizeGrow is set but no growth is in progress");
        if (old != null) {
            int expectedOldBits = sameSizeGrow ? b : b - 1;
            if (old.bits != expectedOldBits) {
                fail("old array has 2^" + old.bits + " buckets, expected 2^" + expectedOldBits
                    + (sameSizeGrow ? " (same-size growth)" : " (doubling)"));
            }
            if (nevacuate < 0 || nevacuate >= old.headBuckets) {
                fail("nevacuate " + nevacuate + " outside 0.." + (old.headBuckets - 1) + " while growing");
            }
        }
        if (!GoMapRules.noverflowIsSampled(b)
            && noverflow != ((a.nextFree - a.headBuckets) & GoMapRules.NOVERFLOW_MASK)) {
            fail("noverflow is " + noverflow + " but " + (a.nextFree - a.headBuckets)
                + " overflow buckets were chained since the growth started or the map was cleared");
        }
        Set<Object> seen = new HashSet<>();
        int live = 0;
        for (int head = 0; head < a.headBuckets; head++) {
            live += verifyChain(a, head, false, seen);
        }
        if (old != null) {
            for (int head = 0; head < old.headBuckets; head++) {
                if (old.evacuated(head)) {
                    for (int i = 0; i < GoMapRules.BUCKET_SIZE; i++) {
                        int t = old.top(head, i);
                        if (t < GoMapRules.EVACUATED_X || t > GoMapRules.EVACUATED_EMPTY) {
                            fail("old bucket " + head + " is evacuated but slot " + i + " has tophash " + t);
                        }
                    }
                    continue;
                }
                if (head < nevacuate) {
                    fail("old bucket " + head + " is below nevacuate " + nevacuate + " but not evacuated");
                }
                int yHead = head + old.headBuckets;
                if (a.tophash[head] != 0 || (!sameSizeGrow && a.tophash[yHead] != 0)) {
                    fail("old bucket " + head + " is not evacuated but its new bucket(s) hold data");
                }
                live += verifyChain(old, head, true, seen);
            }
        }
        if (live != count) fail("count is " + count + " but " + live + " live entries are reachable");
        if (hotKeys != null) {
            for (int i = 0; i < HOT_CACHE_SIZE; i++) {
                if (hotStamps[i] != version) continue;
                int slot = hotSlots[i];
                if (a.top(slot >>> GoMapRules.BUCKET_SHIFT, slot & LAST_SLOT) < GoMapRules.MIN_TOP_HASH
                    || !Objects.equals(a.keys[slot], hotKeys[i])) {
                    fail("hot-key cache entry " + i + " for key " + hotKeys[i] + " is valid but slot " + slot
                        + " does not hold it");
                }
            }
        }
    }

    private int verifyChain(BucketArray a, int head, boolean isOld, Set<Object> seen) {
        final String where = (isOld ? "old" : "new") + " chain " + head;
        boolean restSeen = false;
        int live = 0;
        int steps = 0;
        for (int bk = head; ; ) {
            for (int i = 0; i < GoMapRules.BUCKET_SIZE; i++) {
                int t = a.top(bk, i);
                int slot = (bk << GoMapRules.BUCKET_SHIFT) + i;
                if (restSeen && t != GoMapRules.EMPTY_REST) {
                    fail(where + ": bucket " + bk + " slot " + i + " has tophash " + t + " after an emptyRest");
                }
                if (t == GoMapRules.EMPTY_REST) restSeen = true;
                if (GoMapRules.isEmpty(t)) {
                    if (!isOld && (a.keys[slot] != null || a.values[slot] != null)) {
                        fail(where + ": empty slot " + slot + " still references a key or value");
                    }
                    continue;
                }
                if (t < GoMapRules.MIN_TOP_HASH) {
                    fail(where + ": bucket " + bk + " slot " + i + " has evacuation mark " + t);
                }
                Object k = a.keys[slot];
                if (k == null) fail(where + ": live slot " + slot + " has a null key");
                long hash = hashOf(k, seed);
                if (((int) hash & a.mask) != head) {
                    fail(where + ": key " + k + " has hash bucket " + ((int) hash & a.mask));
                }
                if (GoMapRules.tophash(hash) != t) {
                    fail(where + ": key " + k + " has tophash " + t + ", its hash gives " + GoMapRules.tophash(hash));
                }
                if (!seen.add(k)) fail(where + ": duplicate key " + k);
                BucketArray[] found = new BucketArray[1];
                if (locate(k, hash, found) != slot || found[0] != a) {
                    fail(where + ": key " + k + " at slot " + slot + " is not found there by a lookup");
                }
                live++;
            }
            int next = a.overflow[bk];
            if (next == NO_OVERFLOW) break;
            if (next < a.headBuckets || next >= a.nextFree) {
                fail(where + ": overflow link " + next + " outside the used overflow region");
            }
            if (++steps > a.capacity()) fail(where + ": overflow chain has a cycle");
            bk = next;
        }
        return live;
    }

    private static void fail(String message) {
        throw new IllegalStateException("GoMap invariant violated: " + message);
    }
}
