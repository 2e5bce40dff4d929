package org.hmaplab.core;

import java.security.SecureRandom;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
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
 * <h2>What is here and what is in AbstractGoMap</h2>
 * As Go keeps its state machine in {@code map.go} and only the per-key-type access, assign and
 * delete paths in {@code map_fast64.go}, the state machine is written once in
 * {@link AbstractGoMap}, shared with {@link GoLongLongMap}: the header, the writing flag,
 * hashGrow, growWork, evacuate, advanceEvacuationMark, newoverflow, the emptyRest walk-back,
 * clear, the iterator's walk, {@code header()}, {@code stats()} and {@code verifyInvariants()};
 * {@link GoMapRules} holds the pure rules (constants, tophash, triggers, random stream). This
 * class holds its storage (boxed slot arrays beside one tophash word per bucket,
 * {@link SlotArrays}), the hashing of object keys and the hot paths that walk the storage, as
 * concrete code in a final class: the GENERIC/FAST64/SWAR lookups, assign's search and delete's
 * search. It implements {@link java.util.Map} itself (equals, hashCode and toString as
 * {@code AbstractMap} defines them), since its one superclass is the state machine. The package
 * overview ({@code package-info}) has the table of Go's names and ours.
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
 *   <tr><td>hmap.B</td><td>{@code buckets.b} ({@link #bucketBits()})</td></tr>
 *   <tr><td>hmap.noverflow</td><td>{@code noverflow}</td></tr>
 *   <tr><td>hmap.hash0</td><td>{@code seed} (64 bits here; Go: 32 bits plus a per-process secret)</td></tr>
 *   <tr><td>hmap.buckets / oldbuckets</td><td>{@code buckets} / {@code oldBuckets} ({@link SlotArrays})</td></tr>
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
public final class GoMap<K, V> extends AbstractGoMap<GoMap.SlotArrays> implements Map<K, V> {

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
    /** Marker returned by internal removal when the key was absent (values may be null). */
    private static final Object ABSENT = new Object();
    /** Entries of the hot-key cache (a power of two). */
    private static final int HOT_CACHE_SIZE = 64;
    /** Shift that keeps the top log2(HOT_CACHE_SIZE) bits of a mixed hashCode. */
    private static final int HOT_CACHE_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(HOT_CACHE_SIZE);

    private static final SecureRandom SEED_SOURCE = new SecureRandom();
    private final MapOptions options;

    /** Hot-key cache: remembered keys, their slots in the current array, and the version they were seen at. */
    private final Object[] hotKeys;
    private final int[] hotSlots;
    private final long[] hotStamps;
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
        super(hasher, seeds, options);
        this.options = options;
        if (options.hotKeyCache()) {
            hotKeys = new Object[HOT_CACHE_SIZE];
            hotSlots = new int[HOT_CACHE_SIZE];
            hotStamps = new long[HOT_CACHE_SIZE];
        } else {
            hotKeys = null;
            hotSlots = null;
            hotStamps = null;
        }
        this.buckets = new SlotArrays(initialB(hint));
    }

    // ------------------------------------------------------------------------------------------
    // Bucket arrays
    // ------------------------------------------------------------------------------------------

    /**
     * One bucket array (Go's {@code buckets} or {@code oldbuckets}): 2^B head buckets followed by
     * the overflow region. Iterators keep a reference to the array they started on; growing the
     * overflow region replaces the arrays inside this object, so they stay valid.
     */
    static final class SlotArrays extends BucketArray {
        final int preallocatedEnd;
        long[] tophash;
        Object[] keys;
        Object[] values;
        int[] overflow;

        SlotArrays(int bits) {
            super(bits);
            int prealloc = bits >= PREALLOCATE_FROM_B ? 1 << (bits - PREALLOCATE_FROM_B) : 0;
            this.preallocatedEnd = mask + 1 + prealloc;
            allocate(preallocatedEnd);
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
            int region = cap - (mask + 1);
            int newCap = cap + Math.max(MIN_OVERFLOW_GROWTH, region);
            tophash = Arrays.copyOf(tophash, newCap);
            keys = Arrays.copyOf(keys, newCap * GoMapRules.BUCKET_SIZE);
            values = Arrays.copyOf(values, newCap * GoMapRules.BUCKET_SIZE);
            overflow = Arrays.copyOf(overflow, newCap);
        }

        @Override
        long word(int bucket) {
            return tophash[bucket];
        }

        @Override
        void setWord(int bucket, long word) {
            tophash[bucket] = word;
        }

        @Override
        int link(int bucket) {
            return overflow[bucket];
        }

        @Override
        void setLink(int bucket, int next) {
            overflow[bucket] = next;
        }

        @Override
        int allocateOverflow() {
            if (nextFree == capacity()) {
                growOverflowRegion();
            }
            return nextFree++;
        }

        /** Zeroes everything and makes every overflow bucket unused again (mapclear's makeBucketArray). */
        @Override
        void reset() {
            Arrays.fill(tophash, 0, nextFree, 0L);
            Arrays.fill(keys, 0, nextFree * GoMapRules.BUCKET_SIZE, null);
            Arrays.fill(values, 0, nextFree * GoMapRules.BUCKET_SIZE, null);
            Arrays.fill(overflow, 0, nextFree, NO_OVERFLOW);
            nextFree = mask + 1;
        }

        /** Marks every bucket, overflow buckets included, emptyRest: an iterator on this array finds nothing more. */
        @Override
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

    // ------------------------------------------------------------------------------------------
    // Lookup (§7)
    // ------------------------------------------------------------------------------------------

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
        SlotArrays a = buckets;
        int bucket = (int) hash & a.mask;
        final SlotArrays old = oldBuckets;
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
        SlotArrays a = buckets;
        int bucket = (int) hash & a.mask;
        final SlotArrays old = oldBuckets;
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

    private int find(SlotArrays a, int bucket, Object key, long hash) {
        return switch (style) {
            case FAST64 -> findFast64(a, bucket, key);
            case SWAR -> findSwar(a, bucket, key, hash);
            default -> findGeneric(a, bucket, key, hash);
        };
    }

    /** mapaccess (§7.4): tophash filter, the whole chain ends at the first emptyRest. */
    private static int findGeneric(SlotArrays a, int bucket, Object key, long hash) {
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
    private static int findFast64(SlotArrays a, int bucket, Object key) {
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
    private static int findSwar(SlotArrays a, int bucket, Object key, long hash) {
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
            SlotArrays a = buckets;
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

            if (startsGrowth()) {
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
        final SlotArrays a = buckets;
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
                deleted(a, bucket, bk, i);
                return previous;
            }
            bk = overflow[bk];
        } while (bk != NO_OVERFLOW);
        return ABSENT;
    }

    // ------------------------------------------------------------------------------------------
    // Iteration (§11)
    // ------------------------------------------------------------------------------------------

    /** hiter over the shared walk ({@link AbstractGoMap.Cursor}); hasNext finds the next entry eagerly, as Go does. */
    private final class GoIterator {
        private final Cursor cursor = new Cursor();
        private boolean ready;
        private boolean done;
        private Object nextKey;
        private Object nextValue;
        private Object lastKey;
        private Object lastValue;
        private boolean canRemove;

        boolean hasNext() {
            if (ready) return true;
            if (done) return false;
            if (cursor.advance()) {
                final SlotArrays t = cursor.entryTable;
                final int slot = cursor.entryRef;
                nextKey = t.keys[slot];
                nextValue = t.values[slot];
                ready = true;
            } else {
                done = true;
                nextKey = null;
                nextValue = null;
            }
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
    private final class IteratedEntry extends AbstractMap.SimpleEntry<K, V> {
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

    /** The options this map was built with. */
    public MapOptions options() {
        return options;
    }

    // ------------------------------------------------------------------------------------------
    // java.util.Map's equals, hashCode and toString, as AbstractMap defines them
    // ------------------------------------------------------------------------------------------

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        for (Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    /** Equal to another map with the same mappings ({@link Map#equals}). */
    @Override
    public boolean equals(Object o) {
        return MapMethods.equals(this, o);
    }

    /** The sum of the entries' hash codes ({@link Map#hashCode}). */
    @Override
    public int hashCode() {
        return MapMethods.hashCode(this);
    }

    /** {@code {k1=v1, k2=v2}} in iteration order, as AbstractMap writes it. */
    @Override
    public String toString() {
        return MapMethods.toString(this);
    }

    // ------------------------------------------------------------------------------------------
    // Storage hooks of the state machine
    // ------------------------------------------------------------------------------------------

    @Override
    SlotArrays newTable(int b) {
        return new SlotArrays(b);
    }

    @Override
    long slotHash(SlotArrays t, int bucket, int slot) {
        return hashOf(t.keys[(bucket << GoMapRules.BUCKET_SHIFT) + slot], seed);
    }

    @Override
    void moveSlot(SlotArrays from, int fromBucket, int fromSlot, SlotArrays to, int toBucket, int toSlot, int top) {
        final int src = (fromBucket << GoMapRules.BUCKET_SHIFT) + fromSlot;
        final int dst = (toBucket << GoMapRules.BUCKET_SHIFT) + toSlot;
        to.setTop(toBucket, toSlot, top);
        to.keys[dst] = from.keys[src];
        to.values[dst] = from.values[src];
    }

    @Override
    int findKeyOf(SlotArrays from, int ref, long hash, SlotArrays in, int bucket) {
        final int slot = findGeneric(in, bucket, from.keys[ref], hash);
        return slot < 0 ? MISSING : slot;
    }

    @Override
    String describeKey(SlotArrays t, int bucket, int slot) {
        return String.valueOf(t.keys[(bucket << GoMapRules.BUCKET_SHIFT) + slot]);
    }

    /**
     * Go clears an evacuated bucket's keys and values when no iterator may still read the old
     * array (map.go:1243-1252), so that the collector can take them; the head's link goes too.
     */
    @Override
    void releaseOldChain(SlotArrays old, int oldBucket) {
        if ((flags & OLD_ITERATOR) != 0) return;
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

    /** A deleted or never used slot of the current array holds no key or value (the collector may take them). */
    @Override
    void checkEmptySlot(SlotArrays t, int bucket, int slot, String where) {
        final int at = (bucket << GoMapRules.BUCKET_SHIFT) + slot;
        if (t.keys[at] != null || t.values[at] != null) {
            fail(where + ": empty slot still references a key or value");
        }
    }

    @Override
    void checkHotKeyCache() {
        if (hotKeys == null) return;
        final SlotArrays a = buckets;
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
