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
import java.util.ConcurrentModificationException;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.hmaplab.hash.Hasher;

/**
 * The state machine of the Go 1.19 map ({@code runtime/map.go}), written once for both classic
 * maps. Section numbers (§) refer to GO-MAP-SPEC.md.
 *
 * <h2>The split</h2>
 * Go keeps its state machine in {@code map.go} and copies only the per-key-type access, assign
 * and delete paths into {@code map_fast64.go}. This class is the {@code map.go} part, with the
 * storage left to its two subclasses, as HdrHistogram's {@code AbstractHistogram} leaves its counts
 * array to each histogram:
 * <ul>
 * <li><b>Here, once:</b> the header ({@code hmap}: count, flags, B through the current array,
 * noverflow, hash0, buckets, oldbuckets, nevacuate), the writing flag and the misuse checks,
 * hashGrow, growWork, evacuate, advanceEvacuationMark, newoverflow with the noverflow count, the
 * emptyRest walk-back of a delete, mapclear, the iterator's walk (mapiterinit/mapiternext), the
 * private random stream, {@code header()}, {@code stats()} and {@code verifyInvariants()}.</li>
 * <li><b>In the subclass:</b> the storage (a {@link BucketArray} subclass), the hashing of its
 * key type, and the hot paths: the lookup probes of the three styles, assign's search and
 * delete's search, read straight from the subclass's own arrays with nothing virtual in a probe
 * loop. The state machine reaches a slot's key and value only through the storage hooks below
 * ({@link #slotHash}, {@link #moveSlot}, {@link #findKeyOf}, ...).</li>
 * </ul>
 * {@link GoMapRules} holds the pure rules both use (constants, tophash, triggers, the random
 * stream's steps, the stats measurements). Built with the same seed, both maps make the same
 * growths and iterate in the same order; every recorded trace of the real Go 1.19 runtime is
 * replayed through both ({@code GoHeaderDifferentialTest}) and one contract of rule tests runs
 * against both ({@code AbstractGoGrowthContract}).
 *
 * <h2>Slot references</h2>
 * A slot is named by {@code bucket << 3 | slot} (an int: main and overflow buckets together stay
 * below 2^28). A lookup that may land in either array answers a reference &ge; 0 for the current
 * array, {@code -(reference + 1)} for the old one, or {@link #MISSING}.
 *
 * <p>Not thread-safe; the misuse checks are best effort, as Go's are.
 *
 * @param <T> the bucket storage of the subclass
 */
abstract class AbstractGoMap<T extends BucketArray> {
    /** hmap.flags bit: an iterator may be using the current bucket array (map.go:101). */
    static final int ITERATOR = 1;
    /** hmap.flags bit: an iterator may be using the old bucket array (map.go:102). */
    static final int OLD_ITERATOR = 2;
    /** hmap.flags bit: a write is in progress (map.go:103, hashWriting). */
    static final int HASH_WRITING = 4;

    /** Lookup styles as ints ({@link LookupStyle} ordinals), for a cheap branch on the hot paths. */
    static final int GENERIC = 0;
    static final int FAST64 = 1;
    static final int SWAR = 2;

    /** Slot references are {@code bucket << SLOT_BITS | slot}. */
    static final int SLOT_BITS = GoMapRules.BUCKET_SHIFT;
    /** The slot part of a slot reference. */
    static final int SLOT_MASK = BUCKET_SIZE - 1;
    /** A lookup's answer for an absent key. */
    static final int MISSING = Integer.MIN_VALUE;
    /** Iterator: no old-bucket filtering (map.go:107, noCheck). */
    private static final int NO_CHECK = -1;
    /** Bits of one tophash byte. */
    private static final int BYTE_MASK = BucketArray.BYTE_MASK;

    private static final VarHandle FLAGS;

    static {
        try {
            FLAGS = MethodHandles.lookup().findVarHandle(AbstractGoMap.class, "flags", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Hasher hasher;
    final LongSupplier seeds;
    final LookupStyle lookupStyle;
    /** {@link #lookupStyle} as GENERIC, FAST64 or SWAR. */
    final int style;
    final int loadFactorNum;
    final int loadFactorDen;

    /** hmap.buckets; its B is hmap.B. */
    T buckets;
    /** hmap.oldbuckets: non-null exactly while a growth is in progress. */
    T oldBuckets;
    /** hmap.count. */
    int count;
    /** hmap.noverflow: overflow buckets chained since the last growth start or clear (§4.5), a uint16. */
    int noverflow;
    /** hmap.nevacuate: old buckets below it are evacuated. */
    int nevacuate;
    /** The sameSizeGrow bit of hmap.flags. */
    boolean sameSizeGrow;
    /** hmap.hash0 (64 bits here). */
    long seed;
    /**
     * hmap.flags bits ITERATOR, OLD_ITERATOR, HASH_WRITING. Writers use opaque access through
     * {@link #FLAGS}, so that the JIT cannot fold a write's set/clear pair away; readers read it
     * plainly, as Go's mapaccess does (an opaque read is a compiler barrier that costs a lookup
     * a few nanoseconds).
     */
    int flags;
    /** State of the map's private random stream (Go's fastrand): iteration starts, noverflow sampling. */
    private long randomState;

    long doublingGrowths;
    long sameSizeGrowths;
    long evacuatedBuckets;
    /**
     * Structural version for the optional hot-key caches (starts at 1; cache stamps start at 0 =
     * invalid): bumped by every insert of a new key, delete, evacuation step, growth start and end,
     * and clear.
     */
    long version = 1;

    /**
     * The header of a map whose seeds come from {@code seeds} (the first call gives the initial
     * seed, every later call a re-drawn one); the subclass then sets {@link #buckets} to
     * {@code newTable(initialB(hint))}.
     */
    AbstractGoMap(Hasher hasher, LongSupplier seeds, MapOptions options) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(options, "options");
        this.lookupStyle = options.lookupStyle();
        this.style = lookupStyle.ordinal();
        this.loadFactorNum = options.loadFactorNum();
        this.loadFactorDen = options.loadFactorDen();
        this.seed = seeds.getAsLong();
        this.randomState = GoMapRules.randomStreamStart(seed);
    }

    /**
     * makemap's B for a size hint under this map's load factor; a negative hint counts as 0 (§4.6).
     *
     * @throws IllegalArgumentException when the hint needs B &gt; {@link GoMapRules#MAX_B}
     */
    final int initialB(long hint) {
        return GoMapRules.bForHint(Math.max(hint, 0), loadFactorNum, loadFactorDen);
    }

    // ------------------------------------------------------------------ storage hooks

    /** An empty bucket array of 2^b main buckets (makeBucketArray). */
    abstract T newTable(int b);

    /** The hash, under the current seed, of the key in a live slot. */
    abstract long slotHash(T t, int bucket, int slot);

    /** Copies the key and value of a live slot of {@code from} into an empty slot of {@code to}, with its tophash. */
    abstract void moveSlot(T from, int fromBucket, int fromSlot, T to, int toBucket, int toSlot, int top);

    /**
     * Go's generic lookup (§7.4: tophash filter in chain order, stop at emptyRest) in the chain
     * that starts at main bucket {@code bucket} of {@code in}, for the key stored at slot
     * reference {@code ref} of {@code from}, whose hash is {@code hash}: the key's slot reference
     * in {@code in}, or {@link #MISSING}.
     */
    abstract int findKeyOf(T from, int ref, long hash, T in, int bucket);

    /** The key of a slot, as text for a message. */
    abstract String describeKey(T t, int bucket, int slot);

    /** Called after an old chain was evacuated: a storage that holds references may drop them. */
    void releaseOldChain(T old, int oldBucket) {
    }

    /** verifyInvariants: storage checks of an empty slot of the current array (none by default). */
    void checkEmptySlot(T t, int bucket, int slot, String where) {
    }

    /** verifyInvariants: every valid entry of the hot-key cache names a live slot holding its key. */
    abstract void checkHotKeyCache();

    // ------------------------------------------------------------------ the writing flag (§13)

    /** mapassign/mapdelete/mapclear's check: a writer that finds the flag set fails. */
    final void checkNotWriting() {
        if (((int) FLAGS.getOpaque(this) & HASH_WRITING) != 0) {
            throw new ConcurrentModificationException(GoMapRules.CONCURRENT_WRITES);
        }
    }

    /** {@code h.flags ^= hashWriting} (map.go:609). */
    final void toggleWriting() {
        FLAGS.setOpaque(this, (int) FLAGS.getOpaque(this) ^ HASH_WRITING);
    }

    /** A writer's start: the check, then the flag (§8.2-8.3). */
    final void beginWrite() {
        checkNotWriting();
        toggleWriting();
    }

    /** A writer's end: fails if another writer cleared the flag meanwhile (§8.6), else clears it. */
    final void endWrite() {
        final int f = (int) FLAGS.getOpaque(this);
        if ((f & HASH_WRITING) == 0) {
            throw new ConcurrentModificationException(GoMapRules.CONCURRENT_WRITES);
        }
        FLAGS.setOpaque(this, f & ~HASH_WRITING);
    }

    /** A write that fails (a size limit, a key's own exception) clears its flag, so later calls see that error. */
    final void abandonWrite() {
        FLAGS.setOpaque(this, (int) FLAGS.getOpaque(this) & ~HASH_WRITING);
    }

    /** A reader's or iterator's check: a plain read, as Go's mapaccess does. */
    final void checkNoWriter(String message) {
        if ((flags & HASH_WRITING) != 0) {
            throw new ConcurrentModificationException(message);
        }
    }

    /** Sets or clears the writing flag, as a concurrent writer would (tests). */
    final void setWritingFlagForTest(boolean on) {
        final int f = (int) FLAGS.getOpaque(this);
        FLAGS.setOpaque(this, on ? f | HASH_WRITING : f & ~HASH_WRITING);
    }

    // ------------------------------------------------------------------ growth (§4-§6)

    /** mapassign's trigger (§4.3, §4.4): whether inserting a new key now starts a growth. */
    final boolean startsGrowth() {
        return GoMapRules.startsGrowth(oldBuckets != null, count, buckets.b, noverflow, loadFactorNum,
            loadFactorDen);
    }

    /**
     * hashGrow (§5): doubling when count+1 is over the load factor, else same-size; swaps in the
     * new array, no entries move here. A growth beyond {@link GoMapRules#MAX_B} changes nothing and
     * throws, after clearing the writing flag.
     */
    final void hashGrow() {
        final T old = buckets;
        final boolean bigger = GoMapRules.overLoadFactor(count + 1, old.b, loadFactorNum, loadFactorDen);
        final int newB = bigger ? old.b + 1 : old.b;
        if (newB > GoMapRules.MAX_B) {
            abandonWrite();
            throw new IllegalStateException("the map would need B = " + newB + "; this port supports B <= "
                + GoMapRules.MAX_B + " (2^B buckets of 8 slots indexed by a Java int)");
        }
        final int f = (int) FLAGS.getOpaque(this);
        int next = f & ~(ITERATOR | OLD_ITERATOR);
        if ((f & ITERATOR) != 0) {
            next |= OLD_ITERATOR;
        }
        FLAGS.setOpaque(this, next);
        if (bigger) {
            doublingGrowths++;
        } else {
            sameSizeGrowths++;
        }
        sameSizeGrow = !bigger;
        oldBuckets = old;
        buckets = newTable(newB);
        nevacuate = 0;
        noverflow = 0;
        version++;
    }

    /** growWork (§6.2): evacuate the old bucket a write maps to, then the one at nevacuate. */
    final void growWork(int bucket) {
        evacuate(bucket & oldBuckets.mask);
        if (oldBuckets != null) {
            evacuate(nevacuate);
        }
    }

    /**
     * evacuate (§6.3): moves old bucket {@code ob}'s chain to X (and Y in a doubling growth, by hash
     * bit 2^oldB), packed in order, and marks the old slots evacuatedX/Y/Empty; then counts the
     * evacuation and advances the mark. Go's generic evacuate (map.go), reaching keys and values
     * through the storage hooks. A storage may override it with a specialised copy of this loop, as
     * Go's map_fast64.go has evacuate_fast64: GoLongLongMap does, because these hooks, called per
     * slot, cost its put-growth 14-19 % (docs/performance-log.md).
     */
    void evacuate(int ob) {
        final T old = oldBuckets;
        final int newbit = old.mask + 1;
        if (!old.evacuated(ob)) {
            final T dst = buckets;
            final boolean doubling = !sameSizeGrow;
            int xBucket = ob;
            int xi = 0;
            int yBucket = ob + newbit;
            int yi = 0;
            for (int bk = ob; ; ) {
                final long w = old.word(bk);
                long marks = 0;
                for (int i = 0; i < BUCKET_SIZE; i++) {
                    final int shift = i << SLOT_BITS;
                    final int top = (int) (w >>> shift) & BYTE_MASK;
                    if (GoMapRules.isEmpty(top)) {
                        marks |= (long) EVACUATED_EMPTY << shift;
                        continue;
                    }
                    if (top < MIN_TOP_HASH) {
                        throw new IllegalStateException("bad map state: tophash " + top + " in old bucket " + bk
                            + ", which is not evacuated");
                    }
                    if (doubling && (slotHash(old, bk, i) & newbit) != 0) {
                        marks |= (long) EVACUATED_Y << shift;
                        if (yi == BUCKET_SIZE) {
                            yBucket = newOverflow(dst, yBucket);
                            yi = 0;
                        }
                        moveSlot(old, bk, i, dst, yBucket, yi++, top);
                    } else {
                        marks |= (long) EVACUATED_X << shift;
                        if (xi == BUCKET_SIZE) {
                            xBucket = newOverflow(dst, xBucket);
                            xi = 0;
                        }
                        moveSlot(old, bk, i, dst, xBucket, xi++, top);
                    }
                }
                old.setWord(bk, marks);
                bk = old.link(bk);
                if (bk == 0) {
                    break;
                }
            }
            releaseOldChain(old, ob);
            evacuatedBuckets++;
            version++;
        }
        if (ob == nevacuate) {
            advanceEvacuationMark(newbit);
        }
    }

    /** advanceEvacuationMark (§6.4): past evacuated buckets, at most 1024 ahead; the growth ends at the end. */
    final void advanceEvacuationMark(int newbit) {
        final T old = oldBuckets;
        nevacuate++;
        final int stop = GoMapRules.evacuationMarkStop(nevacuate, newbit);
        while (nevacuate != stop && old.evacuated(nevacuate)) {
            nevacuate++;
        }
        if (nevacuate == newbit) {
            oldBuckets = null;
            sameSizeGrow = false;
            version++;
        }
    }

    /** newoverflow (§8.5): chains a fresh bucket after {@code last} and counts it in noverflow. */
    final int newOverflow(T t, int last) {
        final int nb;
        try {
            nb = t.allocateOverflow();
        } catch (IllegalStateException e) {
            abandonWrite();
            throw e;
        }
        noverflow = GoMapRules.incrNoverflow(noverflow, t.b, GoMapRules.noverflowIsSampled(t.b) ? nextRandom() : 0);
        t.setLink(last, nb);
        return nb;
    }

    /** One draw of the per-map random stream (splitmix64), standing in for Go's fastrand. */
    final int nextRandom() {
        return GoMapRules.fastrand(randomState += GoMapRules.RANDOM_GAMMA);
    }

    // ------------------------------------------------------------------ delete and clear (§9, §12)

    /**
     * The end of a delete (§9.4-9.6): marks the slot emptyOne, walks back to emptyRest when it was
     * the last used slot of the chain headed by {@code head} (across overflow buckets), counts the
     * entry out, and draws a new seed when the map is now empty.
     */
    final void deleted(T t, int head, int bucket, int slot) {
        t.setTop(bucket, slot, EMPTY_ONE);
        count--;
        version++;
        if (count == 0) {
            seed = seeds.getAsLong();
        }
        if (slot == BUCKET_SIZE - 1) {
            final int next = t.link(bucket);
            if (next != 0 && t.top(next, 0) != EMPTY_REST) {
                return;
            }
        } else if (t.top(bucket, slot + 1) != EMPTY_REST) {
            return;
        }
        int b = bucket;
        int i = slot;
        while (true) {
            t.setTop(b, i, EMPTY_REST);
            if (i == 0) {
                if (b == head) {
                    return;
                }
                final int c = b;
                b = head;
                while (t.link(b) != c) {
                    b = t.link(b);
                }
                i = BUCKET_SIZE - 1;
            } else {
                i--;
            }
            if (t.top(b, i) != EMPTY_ONE) {
                return;
            }
        }
    }

    /**
     * Removes every entry (mapclear, §12.2): keeps B, drops the overflow chains, abandons a growth,
     * resets noverflow and nevacuate and draws a new seed. On an empty map it does nothing, as Go's
     * mapclear. An abandoned old array is marked empty, so that an iterator still walking it
     * returns nothing the clear removed (as Go 1.21's clear does; Go 1.19 leaves it as it is).
     */
    public void clear() {
        if (count == 0) {
            return;
        }
        beginWrite();
        sameSizeGrow = false;
        if (oldBuckets != null) {
            oldBuckets.markEmpty();
        }
        oldBuckets = null;
        nevacuate = 0;
        noverflow = 0;
        count = 0;
        seed = seeds.getAsLong();
        buckets.reset();
        version++;
        endWrite();
    }

    // ------------------------------------------------------------------ iteration (§11)

    /**
     * Go's hiter: mapiterinit and mapiternext over the storage. It starts at a random bucket and a
     * random in-bucket rotation applied in every bucket, walks its snapshot of the bucket array,
     * consults the old bucket during a growth that it started in (keeping only keys of the current
     * bucket), and looks up entries marked evacuated in the live table, so entries deleted before
     * they are reached are skipped, none is returned twice and values are current. After
     * {@link #advance()} answers true, the entry is at {@link #entryTable}, {@link #entryRef}.
     */
    final class Cursor {
        private final T snapshot;
        private final int itB;
        private final int startBucket;
        private final int offset;
        private int bucket;
        private boolean wrapped;
        private boolean done;
        private T walking;
        private int cur = -1;
        private int slot;
        private int checkBucket = NO_CHECK;
        /** The array holding the entry advance() moved to. */
        T entryTable;
        /** The slot reference of the entry advance() moved to. */
        int entryRef;

        /** mapiterinit (§11.1-11.3): on an empty map no draw and no flag change. */
        Cursor() {
            if (count == 0) {
                snapshot = null;
                itB = 0;
                startBucket = 0;
                offset = 0;
                done = true;
                return;
            }
            snapshot = buckets;
            itB = snapshot.b;
            final int r = nextRandom();
            startBucket = GoMapRules.iterationStartBucket(r, itB);
            offset = GoMapRules.iterationOffset(r, itB);
            bucket = startBucket;
            FLAGS.setOpaque(AbstractGoMap.this, (int) FLAGS.getOpaque(AbstractGoMap.this) | ITERATOR | OLD_ITERATOR);
        }

        /** mapiternext (§11.4-11.7): moves to the next entry; false when the iteration is over. */
        boolean advance() {
            if (done) {
                return false;
            }
            checkNoWriter(GoMapRules.CONCURRENT_ITERATION_WRITE);
            while (true) {
                if (cur < 0) {
                    if (bucket == startBucket && wrapped) {
                        done = true;
                        return false;
                    }
                    final T old = oldBuckets;
                    if (old != null && itB == buckets.b && !old.evacuated(bucket & old.mask)) {
                        // A growth that was in progress when the iteration started: walk the old chain,
                        // keeping only keys of this bucket (§11.6).
                        walking = old;
                        cur = bucket & old.mask;
                        checkBucket = bucket;
                    } else {
                        walking = snapshot;
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
                final T ct = walking;
                for (; slot < BUCKET_SIZE; slot++) {
                    final int offi = (slot + offset) & SLOT_MASK;
                    final int top = ct.top(cur, offi);
                    if (GoMapRules.isEmpty(top) || top == EVACUATED_EMPTY) {
                        continue;
                    }
                    if (checkBucket != NO_CHECK && !sameSizeGrow
                        && (slotHash(ct, cur, offi) & ((1L << itB) - 1)) != checkBucket) {
                        continue;
                    }
                    final int ref = cur << SLOT_BITS | offi;
                    if (top != EVACUATED_X && top != EVACUATED_Y) {
                        entryTable = ct;
                        entryRef = ref;
                    } else if (!locate(ct, ref)) {
                        // The table grew since the iteration started and the entry was deleted (§11.7).
                        continue;
                    }
                    slot++;
                    return true;
                }
                cur = ct.link(cur);
                if (cur == 0) {
                    cur = -1;
                }
                slot = 0;
            }
        }

        /** mapaccessK: where the key at {@code ref} of {@code from} lives now, into entryTable/entryRef. */
        private boolean locate(T from, int ref) {
            final long hash = slotHash(from, ref >>> SLOT_BITS, ref & SLOT_MASK);
            final T old = oldBuckets;
            T in = buckets;
            if (old != null && !old.evacuated((int) hash & old.mask)) {
                in = old;
            }
            final int found = findKeyOf(from, ref, hash, in, (int) hash & in.mask);
            if (found == MISSING) {
                return false;
            }
            entryTable = in;
            entryRef = found;
            return true;
        }
    }

    // ------------------------------------------------------------------ introspection

    /** Number of live entries (len(m)). */
    public int size() {
        return count;
    }

    /** Whether the map has no entries. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** The current seed (hash0). */
    public long seed() {
        return seed;
    }

    /** hmap.B: log2 of the main buckets of the current array. */
    public int bucketBits() {
        return buckets.b;
    }

    /** Whether a growth is in progress (old buckets present). */
    public boolean isGrowing() {
        return oldBuckets != null;
    }

    /** The hasher this map uses. */
    public Hasher hasher() {
        return hasher;
    }

    /**
     * The header fields (Go's hmap without the array pointers) in O(1), unlike {@link #stats()}:
     * differential tests compare it with the Go runtime's own header after every operation.
     */
    public MapHeader header() {
        return new MapHeader(count, buckets.b, sameSizeGrow, noverflow, nevacuate, oldBuckets != null, seed);
    }

    /**
     * A snapshot of the structure and counters; O(buckets + size). Histograms and probe averages
     * describe the current array (during a growth, entries still in old buckets are not in them).
     */
    public MapStats stats() {
        final T t = buckets;
        final T o = oldBuckets;
        return GoMapRules.structureStats(t::word, t::link, t.mask + 1, lookupStyle, count, t.b, noverflow,
            o != null, sameSizeGrow, nevacuate, o == null ? 0 : o.mask + 1L, seed, doublingGrowths,
            sameSizeGrowths, evacuatedBuckets);
    }

    /** Doubling growths started so far, in O(1) (tests). */
    final long doublingGrowthCount() {
        return doublingGrowths;
    }

    /** Same-size growths started so far, in O(1) (tests). */
    final long sameSizeGrowthCount() {
        return sameSizeGrowths;
    }

    /** Tophash byte of a slot of the current array (tests). */
    final int tophashAt(int bucket, int slot) {
        return buckets.top(bucket, slot);
    }

    /** Tophash byte of a slot of the old array (tests); the map must be growing. */
    final int oldTophashAt(int bucket, int slot) {
        return oldBuckets.top(bucket, slot);
    }

    /** hmap.noverflow (tests). */
    final int noverflow() {
        return noverflow;
    }

    /** hmap.nevacuate (tests). */
    final int nevacuate() {
        return nevacuate;
    }

    /** Whether the growth in progress is a same-size growth (tests). */
    final boolean isSameSizeGrowing() {
        return sameSizeGrow;
    }

    /** Overflow link of a bucket of the current array, 0 for none (tests). */
    final int overflowOf(int bucket) {
        return buckets.link(bucket);
    }

    // ------------------------------------------------------------------ invariants

    /**
     * Checks the structure and throws {@link IllegalStateException} naming the first violation: the
     * header (old and new B, nevacuate, sameSizeGrow), count, every key reachable by a lookup
     * through its own chain (or its old chain during a growth) at its slot, tophash consistent with
     * the hash, nothing but emptyRest after an emptyRest in a chain, evacuation marks only in
     * evacuated old chains and consistent with nevacuate, the new buckets of an unevacuated old
     * bucket empty, no key in both arrays, overflow links well formed and every allocated overflow
     * bucket chained, exact noverflow below B = 16, and valid hot-key cache entries.
     * O(buckets + size) for chains of bounded length.
     */
    public final void verifyInvariants() {
        final T t = buckets;
        final T o = oldBuckets;
        final long liveNew = checkArray(t, false, o);
        long liveOld = 0;
        if (o != null) {
            if (nevacuate < 0 || nevacuate > o.mask) {
                fail("growing but nevacuate " + nevacuate + " is outside 0.." + o.mask);
            }
            if (!sameSizeGrow && o.b + 1 != t.b || sameSizeGrow && o.b != t.b) {
                fail("old B " + o.b + " and new B " + t.b + " do not match sameSizeGrow=" + sameSizeGrow);
            }
            for (int j = 0; j <= o.mask; j++) {
                if (o.evacuated(j)) {
                    continue;
                }
                if (j < nevacuate) {
                    fail("old bucket " + j + " is below nevacuate " + nevacuate + " but not evacuated");
                }
                if (t.word(j) != 0 || !sameSizeGrow && t.word(j + o.mask + 1) != 0) {
                    fail("old bucket " + j + " is not evacuated but its new bucket(s) hold tophash bytes");
                }
            }
            liveOld = checkArray(o, true, null);
        } else if (sameSizeGrow) {
            fail("sameSizeGrow set while not growing");
        }
        if (liveNew + liveOld != count) {
            fail("count is " + count + " but " + liveNew + " live slots in the new array and " + liveOld
                + " in unevacuated old buckets were found");
        }
        if (!GoMapRules.noverflowIsSampled(t.b)) {
            final int created = (t.nextFree - (t.mask + 1)) & GoMapRules.NOVERFLOW_MASK;
            if (created != noverflow) {
                fail("noverflow is " + noverflow + " but " + created + " overflow buckets were chained since the "
                    + "last growth or clear");
            }
        }
        checkHotKeyCache();
    }

    /** Checks one array; returns its live slots (for the old array: in unevacuated buckets only). */
    private long checkArray(T t, boolean isOld, T old) {
        final int main = t.mask + 1;
        final String name = isOld ? "old" : "new";
        final boolean[] seenOverflow = new boolean[t.nextFree];
        long live = 0;
        for (int j = 0; j < main; j++) {
            final boolean evac = isOld && t.evacuated(j);
            boolean restSeen = false;
            for (int b = j; ; ) {
                for (int i = 0; i < BUCKET_SIZE; i++) {
                    final int top = t.top(b, i);
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
                        if (!isOld) {
                            checkEmptySlot(t, b, i, where(name, j, b, i));
                        }
                        continue;
                    }
                    live++;
                    checkLiveSlot(t, isOld, old, j, b, i, top, name);
                }
                final int next = t.link(b);
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

    private void checkLiveSlot(T t, boolean isOld, T old, int j, int b, int i, int top, String name) {
        final long hash = slotHash(t, b, i);
        final String key = describeKey(t, b, i);
        if (GoMapRules.tophash(hash) != top) {
            fail(where(name, j, b, i) + ": tophash " + top + " but key " + key + " has tophash "
                + GoMapRules.tophash(hash));
        }
        if (((int) hash & t.mask) != j) {
            fail(where(name, j, b, i) + ": key " + key + " belongs to bucket " + ((int) hash & t.mask));
        }
        final int ref = b << SLOT_BITS | i;
        if (findKeyOf(t, ref, hash, t, j) != ref) {
            fail(where(name, j, b, i) + ": key " + key + " is not found there by a lookup: unreachable or present "
                + "twice");
        }
        if (!isOld && old != null && !old.evacuated(j & old.mask)) {
            fail(where(name, j, b, i) + ": key " + key + " is in the new array but its old bucket " + (j & old.mask)
                + " is not evacuated");
        }
        if (isOld && findKeyOf(t, ref, hash, buckets, (int) hash & buckets.mask) != MISSING) {
            fail(where(name, j, b, i) + ": key " + key + " is in an unevacuated old bucket and in the new array");
        }
    }

    private static String where(String name, int j, int b, int i) {
        return name + " bucket " + j + " (chain bucket " + b + ") slot " + i;
    }

    static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
