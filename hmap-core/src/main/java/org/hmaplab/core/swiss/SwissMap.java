package org.hmaplab.core.swiss;

import static org.hmaplab.core.swiss.SwissCtrl.ALL_EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.DELETED;
import static org.hmaplab.core.swiss.SwissCtrl.EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.SLOTS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.hmaplab.core.GoMapRules;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Go's Swiss-table map ({@code internal/runtime/maps}) for object keys and values, as a
 * {@link java.util.Map}: the generic paths of map.go and table.go (every lookup hashes the key and
 * matches H2, also in a small map). Every structural rule, version difference, the iterator and the
 * misuse checks are those of {@link SwissLongLongMap}, whose class comment describes them;
 * docs/go-swiss-map.md gives Go's file and line for each.
 *
 * <h2>Layout</h2>
 * A table is a {@code long[]} of control words (one per group) and an {@code Object[]} of 16
 * references per group, key and value interleaved as in Go's group. Go keeps the control word in
 * front of the group's slots; a Java array cannot hold a {@code long} and references together, so
 * here the control words sit in their own array. Nothing observable depends on it.
 *
 * <h2>Keys</h2>
 * Hashed as {@code GoMap} hashes them: {@code Long}, {@code Integer}, {@code Short}, {@code Byte}
 * through {@link Hasher#hashLong} (so a {@code SwissMap<Long, V>} hashes exactly as
 * {@link SwissLongLongMap}), {@code CharSequence} through {@link Hasher#hashChars}, arrays refused,
 * anything else as {@code hashLong(key.hashCode())}. Keys compare with {@code equals} (an
 * identical reference matches without calling it). A {@code null} key is refused by {@link #put}
 * with a NullPointerException; {@code get}, {@code containsKey} and {@code remove} of {@code null}
 * answer "absent". Null values are allowed.
 *
 * <h2>Iteration</h2>
 * Every view iterates in Go's order with Go's guarantees ({@link GoIterator}): a random start,
 * modification tolerated (no ConcurrentModificationException for changes between steps; the
 * misuse check fires only for a write in progress). {@code Iterator.remove()} deletes the last key
 * returned.
 *
 * <p>Not thread-safe.
 *
 * @param <K> key type (not an array; null refused)
 * @param <V> value type (null allowed)
 */
public final class SwissMap<K, V> extends AbstractMap<K, V> {
    /** References per group: 8 key/value pairs. */
    static final int GROUP_REFS = 2 * SLOTS;
    private static final int INSERTED = -1;
    private static final int REHASHED = -2;
    private static final int NOT_FOUND = -1;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final SecureRandom SEED_SOURCE = new SecureRandom();
    private static final VarHandle WRITING;

    static {
        try {
            WRITING = MethodHandles.lookup().findVarHandle(SwissMap.class, "writing", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One Swiss table (table.go:34): control words, slots, counters. */
    static final class Table {
        final long[] ctrl;
        final Object[] slots;
        final int capacity;
        final int lengthMask;
        int used;
        int growthLeft;
        int localDepth;
        int index;

        Table(long requestedCapacity, int index, int localDepth) {
            this.capacity = SwissRules.tableCapacity(requestedCapacity);
            final int groups = capacity / SLOTS;
            this.lengthMask = groups - 1;
            this.ctrl = new long[groups];
            Arrays.fill(ctrl, ALL_EMPTY);
            this.slots = new Object[groups * GROUP_REFS];
            this.growthLeft = SwissRules.maxGrowthLeft(capacity);
            this.index = index;
            this.localDepth = localDepth;
        }
    }

    private final Hasher hasher;
    private final LongSupplier seeds;
    private final SwissVersion version;
    private final SwissLookupStyle style;
    private final boolean vector;
    private final int firstShift;

    private long seed;
    private int used;
    /** The small group's control word, boxed so that an iterator keeps the group as Go's does. */
    private long[] smallCtrl;
    private Object[] small;
    private Table[] dir;
    private int dirLen;
    private int globalDepth;
    private int writing;
    private long clearSeq;
    private boolean tombstonePossible;
    private long randomState;
    private Object[] locatedSlots;

    private Set<Entry<K, V>> entrySetView;
    private Set<K> keySetView;
    private Collection<V> valuesView;

    /** A map with the default hasher, a random seed, no hint, the newest version and the default style. */
    public SwissMap() {
        this(0);
    }

    /** A map with the default hasher and a random seed, sized for {@code hint} entries. */
    public SwissMap(int hint) {
        this(Hashers.defaultHasher(), SEED_SOURCE.nextLong(), hint);
    }

    /** A map with this hasher, a random seed and no hint. */
    public SwissMap(Hasher hasher) {
        this(hasher, SEED_SOURCE.nextLong(), 0);
    }

    /** A map with this hasher and first seed; re-drawn seeds come from {@code new SplittableRandom(seed)}. */
    public SwissMap(Hasher hasher, long seed, int hint) {
        this(hasher, SwissLongLongMap.firstThen(seed), hint, SwissVersion.NEWEST);
    }

    /** As the general constructor with the default lookup style. */
    public SwissMap(Hasher hasher, LongSupplier seeds, int hint, SwissVersion version) {
        this(hasher, seeds, hint, version, SwissLookupStyle.DEFAULT);
    }

    /**
     * The general constructor.
     *
     * @param hasher  the hash function
     * @param seeds   its first value is the seed drawn at construction, every later value a re-drawn seed
     * @param hint    expected entries; above 8 the tables are allocated now; negative counts as 0
     * @param version the Go release to behave as
     * @param style   how control words are matched
     */
    public SwissMap(Hasher hasher, LongSupplier seeds, int hint, SwissVersion version, SwissLookupStyle style) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        this.version = Objects.requireNonNull(version, "version");
        this.style = Objects.requireNonNull(style, "style");
        this.vector = style == SwissLookupStyle.VECTOR;
        this.firstShift = SwissCtrl.firstShift(style);
        this.seed = seeds.getAsLong();
        this.randomState = seed ^ GOLDEN_GAMMA;
        if (hint > SLOTS) {
            final long target = SwissRules.targetCapacity(hint);
            final long dirSize = SwissRules.directorySize(target);
            final int depth = Long.numberOfTrailingZeros(dirSize);
            if (depth > SwissRules.MAX_GLOBAL_DEPTH) {
                throw new IllegalArgumentException("size hint " + hint + " needs 2^" + depth + " tables; at most 2^"
                    + SwissRules.MAX_GLOBAL_DEPTH + " are supported");
            }
            final Table[] d = new Table[(int) dirSize];
            for (int i = 0; i < d.length; i++) {
                d[i] = new Table(target / dirSize, i, depth);
            }
            dir = d;
            dirLen = d.length;
            globalDepth = depth;
        }
    }

    // ------------------------------------------------------------------ hashing and flags

    private long hashOf(Object key) {
        final Hasher h = hasher;
        if (key instanceof Long l) {
            return h.hashLong(l, seed);
        }
        if (key instanceof String s) {
            return h.hashChars(s, seed);
        }
        if (key instanceof Integer i) {
            return h.hashLong(i, seed);
        }
        if (key instanceof Short s) {
            return h.hashLong(s, seed);
        }
        if (key instanceof Byte b) {
            return h.hashLong(b, seed);
        }
        if (key instanceof CharSequence cs) {
            return h.hashChars(cs, seed);
        }
        if (key.getClass().isArray()) {
            throw new IllegalArgumentException("SwissMap keys must not be arrays (" + key.getClass().getSimpleName()
                + "): arrays compare by identity; wrap the contents in a record, a List or a String");
        }
        return h.hashLong(key.hashCode(), seed);
    }

    private static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }

    private void beginWrite() {
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ 1);
    }

    private void checkNoWriter() {
        if ((int) WRITING.getOpaque(this) != 0) {
            throw new ConcurrentModificationException(GoMapRules.CONCURRENT_WRITES);
        }
    }

    private void endWrite() {
        final int f = (int) WRITING.getOpaque(this);
        if (f == 0) {
            throw new ConcurrentModificationException(GoMapRules.CONCURRENT_WRITES);
        }
        WRITING.setOpaque(this, f ^ 1);
    }

    private void abandonWrite() {
        WRITING.setOpaque(this, 0);
    }

    /** Test hook: sets Go's writing flag as a concurrent writer would. */
    void setWritingForTest(boolean on) {
        WRITING.setOpaque(this, on ? 1 : 0);
    }

    private long nextRandom() {
        long z = randomState += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ accessors

    @Override
    public int size() {
        return used;
    }

    @Override
    public boolean isEmpty() {
        return used == 0;
    }

    /** The current hash seed. */
    public long seed() {
        return seed;
    }

    /** The Go version this map behaves as. */
    public SwissVersion version() {
        return version;
    }

    /** The lookup style. */
    public SwissLookupStyle style() {
        return style;
    }

    /** The hasher. */
    public Hasher hasher() {
        return hasher;
    }

    /** Go's export_test GroupCount. */
    public long groupCount() {
        if (dir == null) {
            return small == null ? 0 : 1;
        }
        long n = 0;
        Table last = null;
        for (int i = 0; i < dirLen; i++) {
            if (dir[i] != last) {
                last = dir[i];
                n += last.lengthMask + 1;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ lookup

    /**
     * Go's getWithKey (map.go:398-467, table.go:166-224): the index of the key's value in
     * {@link #locatedSlots}, or NOT_FOUND. Checks the writing flag as Go's readers do.
     */
    private int locate(Object key) {
        if (used == 0 || key == null) {
            return NOT_FOUND;
        }
        if (writing != 0) {
            throw new ConcurrentModificationException(GoMapRules.CONCURRENT_READ_WRITE);
        }
        final long hash = hashOf(key);
        final long h2 = hash & SwissCtrl.H2_MASK;
        final int shift = firstShift;
        if (dir == null) {
            final Object[] s = small;
            long m = vector ? SwissCtrl.matchH2Vector(smallCtrl[0], h2) : SwissCtrl.matchH2(smallCtrl[0], h2);
            while (m != 0) {
                final int at = 2 * (Long.numberOfTrailingZeros(m) >>> shift);
                if (same(key, s[at])) {
                    locatedSlots = s;
                    return at + 1;
                }
                m &= m - 1;
            }
            return NOT_FOUND;
        }
        final Table t = dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)];
        final long[] ctrls = t.ctrl;
        final Object[] s = t.slots;
        final int mask = t.lengthMask;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final long ctrl = ctrls[g];
            long m = vector ? SwissCtrl.matchH2Vector(ctrl, h2) : SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int at = g * GROUP_REFS + 2 * (Long.numberOfTrailingZeros(m) >>> shift);
                if (same(key, s[at])) {
                    locatedSlots = s;
                    return at + 1;
                }
                m &= m - 1;
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                return NOT_FOUND;
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        final int at = locate(key);
        return at == NOT_FOUND ? null : (V) locatedSlots[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return locate(key) != NOT_FOUND;
    }

    // ------------------------------------------------------------------ insert

    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        if (key == null) {
            throw new NullPointerException("null keys are not allowed in SwissMap (null values are)");
        }
        checkNoWriter();
        final long hash = hashOf(key);
        beginWrite();
        try {
            final Object old = putHashed(hash, key, value);
            endWrite();
            return (V) old;
        } catch (RuntimeException | Error e) {
            abandonWrite();
            throw e;
        }
    }

    /** Map.PutSlot (map.go:478-526; 1.27 map.go:515-537) after the flag is set; returns the old value. */
    private Object putHashed(long hash, Object key, Object value) {
        if (dir == null) {
            if (small == null) {
                small = new Object[GROUP_REFS];
                smallCtrl = new long[] {ALL_EMPTY};
            }
            if (used < SLOTS || version.growsSmallOnlyForNewKey()) {
                final int at = findSmall(hash, key);
                if (at >= 0) {
                    final Object old = small[at + 1];
                    small[at + 1] = value;
                    return old;
                }
                if (used < SLOTS) {
                    final int i = SwissCtrl.first(SwissCtrl.matchEmptyOrDeleted(smallCtrl[0]));
                    small[2 * i] = key;
                    small[2 * i + 1] = value;
                    smallCtrl[0] = SwissCtrl.set(smallCtrl[0], i, (int) (hash & SwissCtrl.H2_MASK));
                    used++;
                    return null;
                }
                uncheckedPut(growToTable(), hash, key, value);
                used++;
                return null;
            }
            growToTable();
        }
        while (true) {
            final Table t = dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)];
            final int r = putInTable(t, hash, key, value);
            if (r >= 0) {
                final Object old = t.slots[r];
                t.slots[r] = value;
                return old;
            } else if (r == INSERTED) {
                return null;
            }
        }
    }

    /** putSlotSmall's search (map.go:528-556): the key's index in the small group, or -1. */
    private int findSmall(long hash, Object key) {
        long m = SwissCtrl.matchH2(smallCtrl[0], hash & SwissCtrl.H2_MASK);
        while (m != 0) {
            final int at = 2 * SwissCtrl.first(m);
            if (same(key, small[at])) {
                return at;
            }
            m = SwissCtrl.removeFirst(m);
        }
        return -1;
    }

    /** table.PutSlot (table.go:266-358): value index of an existing key, INSERTED or REHASHED. */
    private int putInTable(Table t, long hash, Object key, Object value) {
        final long[] ctrls = t.ctrl;
        final Object[] s = t.slots;
        final int mask = t.lengthMask;
        final long h2 = hash & SwissCtrl.H2_MASK;
        final int shift = firstShift;
        int deletedGroup = -1;
        int deletedSlot = 0;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final long ctrl = ctrls[g];
            long m = vector ? SwissCtrl.matchH2Vector(ctrl, h2) : SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int at = g * GROUP_REFS + 2 * (Long.numberOfTrailingZeros(m) >>> shift);
                if (same(key, s[at])) {
                    return at + 1;
                }
                m &= m - 1;
            }
            final long free = SwissCtrl.matchEmptyOrDeleted(ctrl);
            if (free == 0) {
                continue;
            }
            int slot = SwissCtrl.first(free);
            int insertGroup = g;
            if (SwissCtrl.get(ctrl, slot) == DELETED) {
                if (deletedGroup < 0) {
                    deletedGroup = g;
                    deletedSlot = slot;
                }
                continue;
            }
            if (deletedGroup >= 0) {
                insertGroup = deletedGroup;
                slot = deletedSlot;
                t.growthLeft++;
            }
            if (t.growthLeft == 0 && version.prunesTombstones()) {
                pruneTombstones(t);
            }
            if (t.growthLeft > 0) {
                s[insertGroup * GROUP_REFS + 2 * slot] = key;
                s[insertGroup * GROUP_REFS + 2 * slot + 1] = value;
                ctrls[insertGroup] = SwissCtrl.set(ctrls[insertGroup], slot, (int) h2);
                t.growthLeft--;
                t.used++;
                used++;
                return INSERTED;
            }
            rehash(t);
            return REHASHED;
        }
    }

    /** uncheckedPutSlot (table.go:376-413). */
    private static void uncheckedPut(Table t, long hash, Object key, Object value) {
        if (t.growthLeft == 0) {
            throw new IllegalStateException("invariant failed: growthLeft is unexpectedly 0");
        }
        final int mask = t.lengthMask;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final long free = SwissCtrl.matchEmptyOrDeleted(t.ctrl[g]);
            if (free != 0) {
                final int i = SwissCtrl.first(free);
                t.slots[g * GROUP_REFS + 2 * i] = key;
                t.slots[g * GROUP_REFS + 2 * i + 1] = value;
                t.growthLeft--;
                t.used++;
                t.ctrl[g] = SwissCtrl.set(t.ctrl[g], i, (int) (hash & SwissCtrl.H2_MASK));
                return;
            }
        }
    }

    /** growToTable (map.go:600-637). */
    private Table growToTable() {
        final Table t = new Table(SwissRules.FIRST_TABLE_CAPACITY, 0, 0);
        for (int i = 0; i < SLOTS; i++) {
            if ((SwissCtrl.get(smallCtrl[0], i) & EMPTY) == EMPTY) {
                continue;
            }
            final Object k = small[2 * i];
            uncheckedPut(t, hashOf(k), k, small[2 * i + 1]);
        }
        dir = new Table[] {t};
        dirLen = 1;
        globalDepth = 0;
        small = null;
        smallCtrl = null;
        return t;
    }

    /** rehash (table.go:1009-1032). */
    private void rehash(Table t) {
        final int newCapacity = 2 * t.capacity;
        if (newCapacity <= SwissRules.MAX_TABLE_CAPACITY) {
            final Table nt = new Table(newCapacity, t.index, t.localDepth);
            copyFull(t, nt, null, 0);
            replaceTable(nt);
        } else {
            final int depth = t.localDepth + 1;
            if (depth > SwissRules.MAX_GLOBAL_DEPTH) {
                throw new IllegalStateException("the map would need a directory of 2^" + depth
                    + " tables; at most 2^" + SwissRules.MAX_GLOBAL_DEPTH + " are supported");
            }
            final Table left = new Table(SwissRules.MAX_TABLE_CAPACITY, -1, depth);
            final Table right = new Table(SwissRules.MAX_TABLE_CAPACITY, -1, depth);
            copyFull(t, left, right, SwissRules.localDepthMask(depth));
            installTableSplit(t, left, right);
        }
        t.index = -1;
    }

    private void copyFull(Table from, Table to, Table right, long bit) {
        for (int g = 0; g <= from.lengthMask; g++) {
            final long ctrl = from.ctrl[g];
            for (int j = 0; j < SLOTS; j++) {
                if ((SwissCtrl.get(ctrl, j) & EMPTY) == EMPTY) {
                    continue;
                }
                final Object k = from.slots[g * GROUP_REFS + 2 * j];
                final long hash = hashOf(k);
                uncheckedPut(right != null && (hash & bit) != 0 ? right : to, hash, k,
                    from.slots[g * GROUP_REFS + 2 * j + 1]);
            }
        }
    }

    private void replaceTable(Table nt) {
        final int entries = 1 << (globalDepth - nt.localDepth);
        for (int i = 0; i < entries; i++) {
            dir[nt.index + i] = nt;
        }
    }

    /** installTableSplit (map.go:354-386). */
    private void installTableSplit(Table old, Table left, Table right) {
        if (old.localDepth == globalDepth) {
            final Table[] newDir = new Table[dirLen * 2];
            for (int i = 0; i < dirLen; i++) {
                final Table t = dir[i];
                newDir[2 * i] = t;
                newDir[2 * i + 1] = t;
                if (t.index == i) {
                    t.index = 2 * i;
                }
            }
            globalDepth++;
            dir = newDir;
            dirLen = newDir.length;
        }
        left.index = old.index;
        replaceTable(left);
        right.index = left.index + (1 << (globalDepth - left.localDepth));
        replaceTable(right);
    }

    /** pruneTombstones (1.26 table.go:497-585). */
    private void pruneTombstones(Table t) {
        if (SwissRules.tombstones(t.capacity, t.used, t.growthLeft) * SwissRules.PRUNE_DIVISOR < t.capacity) {
            return;
        }
        final int mask = t.lengthMask;
        final boolean[] needed = new boolean[mask + 1];
        for (int i = 0; i <= mask; i++) {
            long full = SwissCtrl.matchFull(t.ctrl[i]);
            while (full != 0) {
                final int j = SwissCtrl.first(full);
                full = SwissCtrl.removeFirst(full);
                final Object k = t.slots[i * GROUP_REFS + 2 * j];
                if (!k.equals(k)) {
                    continue;
                }
                final long hash = hashOf(k);
                int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
                for (int step = 1; g != i; g = (g + step++) & mask) {
                    if (SwissCtrl.matchEmptyOrDeleted(t.ctrl[g]) != 0) {
                        needed[g] = true;
                    }
                }
            }
            if (SwissCtrl.matchEmpty(t.ctrl[i]) != 0) {
                needed[i] = true;
            }
        }
        int count = 0;
        for (int i = 0; i <= mask; i++) {
            if (!needed[i]) {
                count += Long.bitCount(SwissCtrl.matchEmptyOrDeleted(t.ctrl[i]));
            }
        }
        if (count * SwissRules.PRUNE_DIVISOR < t.capacity) {
            return;
        }
        for (int i = 0; i <= mask; i++) {
            if (needed[i]) {
                continue;
            }
            long m = SwissCtrl.matchEmptyOrDeleted(t.ctrl[i]);
            while (m != 0) {
                final int k = SwissCtrl.first(m);
                m = SwissCtrl.removeFirst(m);
                t.ctrl[i] = SwissCtrl.set(t.ctrl[i], k, EMPTY);
                t.growthLeft++;
            }
        }
    }

    // ------------------------------------------------------------------ delete and clear

    @Override
    public V remove(Object key) {
        final Object[] old = new Object[1];
        return removeKey(key, old) ? cast(old[0]) : null;
    }

    @SuppressWarnings("unchecked")
    private V cast(Object o) {
        return (V) o;
    }

    /** Map.Delete (map.go:639-675): true if the key was there; its value in {@code old[0]}. */
    private boolean removeKey(Object key, Object[] old) {
        if (used == 0 || key == null) {
            return false;
        }
        checkNoWriter();
        final long hash = hashOf(key);
        beginWrite();
        try {
            final boolean found = dir == null ? deleteSmall(hash, key, old)
                : deleteInTable(dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)], hash, key, old);
            if (used == 0) {
                seed = seeds.getAsLong();
            }
            endWrite();
            return found;
        } catch (RuntimeException | Error e) {
            abandonWrite();
            throw e;
        }
    }

    /** deleteSmall (map.go:677-722). */
    private boolean deleteSmall(long hash, Object key, Object[] old) {
        final int at = findSmall(hash, key);
        if (at < 0) {
            return false;
        }
        old[0] = small[at + 1];
        used--;
        small[at] = null;
        small[at + 1] = null;
        smallCtrl[0] = SwissCtrl.set(smallCtrl[0], at / 2, EMPTY);
        return true;
    }

    /** table.Delete (table.go:415-484). */
    private boolean deleteInTable(Table t, long hash, Object key, Object[] old) {
        final int mask = t.lengthMask;
        final long h2 = hash & SwissCtrl.H2_MASK;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final long ctrl = t.ctrl[g];
            long m = SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int i = SwissCtrl.first(m);
                final int at = g * GROUP_REFS + 2 * i;
                if (same(key, t.slots[at])) {
                    old[0] = t.slots[at + 1];
                    t.used--;
                    used--;
                    t.slots[at] = null;
                    t.slots[at + 1] = null;
                    if (SwissCtrl.matchEmpty(ctrl) != 0) {
                        t.ctrl[g] = SwissCtrl.set(ctrl, i, EMPTY);
                        t.growthLeft++;
                    } else {
                        t.ctrl[g] = SwissCtrl.set(ctrl, i, DELETED);
                        if (version.prunesTombstones()) {
                            tombstonePossible = true;
                        }
                    }
                    return true;
                }
                m = SwissCtrl.removeFirst(m);
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                return false;
            }
        }
    }

    /** Map.Clear (map.go:725-760; 1.26 also with only tombstones): keeps capacity, re-draws the seed. */
    @Override
    public void clear() {
        if (used == 0 && !tombstonePossible) {
            return;
        }
        checkNoWriter();
        beginWrite();
        if (dir == null) {
            Arrays.fill(small, null);
            smallCtrl[0] = ALL_EMPTY;
            used = 0;
        } else {
            Table last = null;
            for (int i = 0; i < dirLen; i++) {
                final Table t = dir[i];
                if (t != last) {
                    last = t;
                    final int max = SwissRules.maxGrowthLeft(t.capacity);
                    if (!version.prunesTombstones() || t.used != 0 || t.growthLeft != max) {
                        Arrays.fill(t.slots, null);
                        Arrays.fill(t.ctrl, ALL_EMPTY);
                        t.used = 0;
                        t.growthLeft = max;
                    }
                }
            }
            used = 0;
            tombstonePossible = false;
        }
        clearSeq++;
        seed = seeds.getAsLong();
        endWrite();
    }

    // ------------------------------------------------------------------ iteration

    /** A Go-order cursor over the map (Go's Iter; see {@link SwissLongLongMap.Iterator}). */
    public GoIterator goIterator() {
        return new GoIterator();
    }

    /**
     * Go's Iter (table.go:505-1004) over object keys: {@link #next()} moves, {@link #key()} and
     * {@link #value()} read the entry; {@link #hasNext()} looks ahead for the Java views.
     */
    public final class GoIterator {
        private final boolean active;
        private long entryOffset;
        private long dirOffset;
        private int itGlobalDepth;
        private int dirIdx;
        private Table tab;
        private long[] groupCtrl;
        private Object[] groupSlots;
        private int group = -1;
        private long entryIdx;
        private boolean positioned;
        private Object key;
        private Object value;

        GoIterator() {
            if (used == 0) {
                active = false;
                return;
            }
            active = true;
            if (dir == null) {
                dirIdx = -1;
                groupCtrl = smallCtrl;
                groupSlots = small;
                group = 0;
            }
            entryOffset = nextRandom();
            dirOffset = nextRandom();
            itGlobalDepth = globalDepth;
        }

        /** Moves to the next entry; false when the iteration is over. */
        public boolean next() {
            return advance();
        }

        private boolean advance() {
            positioned = false;
            if (!active) {
                return false;
            }
            if (writing != 0) {
                throw new ConcurrentModificationException(GoMapRules.CONCURRENT_ITERATION_WRITE);
            }
            if (dirIdx < 0) {
                return nextSmall();
            }
            if (itGlobalDepth != globalDepth) {
                final int orders = globalDepth - itGlobalDepth;
                dirIdx <<= orders;
                dirOffset <<= orders;
                itGlobalDepth = globalDepth;
            }
            for (; dirIdx < dirLen; nextDirIdx()) {
                if (tab == null) {
                    final int di = (int) ((dirIdx + dirOffset) & (dirLen - 1));
                    final Table nt = dir[di];
                    if (nt.index != di) {
                        dirOffset -= di - nt.index;
                    }
                    tab = nt;
                }
                final long entryMask = tab.capacity - 1;
                if (entryIdx > entryMask) {
                    continue;
                }
                long ei = (entryIdx + entryOffset) & entryMask;
                int slot = (int) (ei & (SLOTS - 1));
                if (slot == 0 || group < 0) {
                    setGroup((int) (ei >>> 3));
                }
                if ((SwissCtrl.get(groupCtrl[group], slot) & EMPTY) == 0 && emit(slot)) {
                    entryIdx++;
                    return true;
                }
                entryIdx++;
                long groupMatch = 0;
                while (entryIdx <= entryMask) {
                    ei = (entryIdx + entryOffset) & entryMask;
                    slot = (int) (ei & (SLOTS - 1));
                    if (slot == 0 || group < 0) {
                        setGroup((int) (ei >>> 3));
                    }
                    if (groupMatch == 0) {
                        groupMatch = SwissCtrl.matchFull(groupCtrl[group]);
                        if (slot != 0) {
                            groupMatch = SwissCtrl.removeBelow(groupMatch, slot);
                        }
                        if (groupMatch == 0) {
                            entryIdx += SLOTS - slot;
                            continue;
                        }
                        final int i = SwissCtrl.first(groupMatch);
                        entryIdx += i - slot;
                        if (entryIdx > entryMask) {
                            continue;
                        }
                        slot = i;
                    }
                    final boolean found = emit(slot);
                    groupMatch = SwissCtrl.removeFirst(groupMatch);
                    if (groupMatch == 0) {
                        entryIdx += SLOTS - slot;
                    } else {
                        entryIdx += SwissCtrl.first(groupMatch) - slot;
                    }
                    if (found) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void setGroup(int g) {
            groupCtrl = tab.ctrl;
            groupSlots = tab.slots;
            group = g;
        }

        private boolean emit(int slot) {
            final Object k = groupSlots[group * GROUP_REFS + 2 * slot];
            if (tab.index == -1) {
                final int at = locate(k);
                if (at == NOT_FOUND) {
                    return false;
                }
                value = locatedSlots[at];
                key = locatedSlots[at - 1];
            } else {
                value = groupSlots[group * GROUP_REFS + 2 * slot + 1];
                key = k;
            }
            positioned = true;
            return true;
        }

        private boolean nextSmall() {
            for (; entryIdx < SLOTS; entryIdx++) {
                final int k = (int) ((entryIdx + entryOffset) & (SLOTS - 1));
                final long ctrl = groupCtrl[0];
                if ((SwissCtrl.get(ctrl, k) & EMPTY) == EMPTY) {
                    continue;
                }
                final Object slotKey = groupSlots[2 * k];
                if (dir != null) {
                    final int at = locate(slotKey);
                    if (at == NOT_FOUND) {
                        continue;
                    }
                    key = locatedSlots[at - 1];
                    value = locatedSlots[at];
                } else {
                    key = slotKey;
                    value = groupSlots[2 * k + 1];
                }
                positioned = true;
                entryIdx++;
                return true;
            }
            return false;
        }

        private void nextDirIdx() {
            dirIdx += 1 << (globalDepth - tab.localDepth);
            tab = null;
            group = -1;
            entryIdx = 0;
        }

        /** The key of the current entry. */
        @SuppressWarnings("unchecked")
        public K key() {
            requirePositioned();
            return (K) key;
        }

        /** The value of the current entry, as it was when next() returned. */
        @SuppressWarnings("unchecked")
        public V value() {
            requirePositioned();
            return (V) value;
        }

        private void requirePositioned() {
            if (!positioned) {
                throw new NoSuchElementException("next() has not returned true");
            }
        }
    }

    // ------------------------------------------------------------------ views

    @Override
    public boolean containsValue(Object value) {
        final Iterator<V> it = values().iterator();
        while (it.hasNext()) {
            if (Objects.equals(value, it.next())) {
                return true;
            }
        }
        return false;
    }

    /** A Go-order loop that tolerates modification by the action, as a range loop does. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action, "action");
        final GoIterator it = new GoIterator();
        while (it.next()) {
            action.accept(it.key(), it.value());
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> es = entrySetView;
        if (es == null) {
            entrySetView = es = new EntrySet();
        }
        return es;
    }

    @Override
    public Set<K> keySet() {
        Set<K> ks = keySetView;
        if (ks == null) {
            keySetView = ks = new KeySet();
        }
        return ks;
    }

    @Override
    public Collection<V> values() {
        Collection<V> vs = valuesView;
        if (vs == null) {
            valuesView = vs = new Values();
        }
        return vs;
    }

    /** A Java iterator over a {@link GoIterator}: one entry of look-ahead, remove() by key. */
    private abstract class ViewIterator<E> implements Iterator<E> {
        private final GoIterator it = new GoIterator();
        private boolean ready;
        private boolean more;
        private K nextKey;
        private V nextValue;
        private K lastKey;
        private boolean removable;

        @Override
        public boolean hasNext() {
            if (!ready) {
                more = it.next();
                if (more) {
                    nextKey = it.key();
                    nextValue = it.value();
                }
                ready = true;
            }
            return more;
        }

        @Override
        public E next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = false;
            lastKey = nextKey;
            removable = true;
            return make(nextKey, nextValue);
        }

        abstract E make(K key, V value);

        @Override
        public void remove() {
            if (!removable) {
                throw new IllegalStateException("next() has not returned an element to remove");
            }
            removable = false;
            removeKey(lastKey, new Object[1]);
        }
    }

    /** An entry of the entry-set iterator; setValue writes through with put. */
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

    private final class EntrySet extends AbstractSet<Entry<K, V>> {
        @Override
        public Iterator<Entry<K, V>> iterator() {
            return new ViewIterator<>() {
                @Override
                Entry<K, V> make(K key, V value) {
                    return new IteratedEntry(key, value);
                }
            };
        }

        @Override
        public int size() {
            return used;
        }

        @Override
        public void clear() {
            SwissMap.this.clear();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Entry<?, ?> e) || e.getKey() == null) {
                return false;
            }
            final int at = locate(e.getKey());
            return at != NOT_FOUND && Objects.equals(locatedSlots[at], e.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!contains(o)) {
                return false;
            }
            removeKey(((Entry<?, ?>) o).getKey(), new Object[1]);
            return true;
        }
    }

    private final class KeySet extends AbstractSet<K> {
        @Override
        public Iterator<K> iterator() {
            return new ViewIterator<>() {
                @Override
                K make(K key, V value) {
                    return key;
                }
            };
        }

        @Override
        public int size() {
            return used;
        }

        @Override
        public void clear() {
            SwissMap.this.clear();
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return removeKey(o, new Object[1]);
        }
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return new ViewIterator<>() {
                @Override
                V make(K key, V value) {
                    return value;
                }
            };
        }

        @Override
        public int size() {
            return used;
        }

        @Override
        public void clear() {
            SwissMap.this.clear();
        }
    }

    // ------------------------------------------------------------------ introspection

    /** Go's header and table fields now (see {@link SwissStats}). */
    public SwissStats stats() {
        final List<SwissTableStats> tables = new ArrayList<>();
        if (dir == null) {
            return SwissStats.of(used, 0, 0, tables);
        }
        Table last = null;
        for (int i = 0; i < dirLen; i++) {
            final Table t = dir[i];
            if (t != last) {
                tables.add(new SwissTableStats(t.capacity, t.localDepth, t.used, t.growthLeft, t.index));
                last = t;
            }
        }
        return SwissStats.of(used, dirLen, globalDepth, tables);
    }

    /**
     * Mean probe cost with this map's lookup style (see {@link SwissProbeStats}): hits over every key
     * in the map, misses over {@code absentKeys} (each must be absent). A small map counts one group
     * per lookup and its H2 false candidates.
     */
    public SwissProbeStats probeStats(Collection<?> absentKeys) {
        final long[] hit = new long[PROBE_COUNTERS];
        final long[] miss = new long[PROBE_COUNTERS];
        if (dir == null) {
            if (small != null) {
                for (int i = 0; i < SLOTS; i++) {
                    if ((SwissCtrl.get(smallCtrl[0], i) & EMPTY) == 0) {
                        probeCost(small[2 * i], hit);
                    }
                }
            }
        } else {
            Table last = null;
            for (int d = 0; d < dirLen; d++) {
                final Table t = dir[d];
                if (t != last) {
                    last = t;
                    for (int g = 0; g <= t.lengthMask; g++) {
                        long full = SwissCtrl.matchFull(t.ctrl[g]);
                        while (full != 0) {
                            probeCost(t.slots[g * GROUP_REFS + 2 * SwissCtrl.first(full)], hit);
                            full = SwissCtrl.removeFirst(full);
                        }
                    }
                }
            }
        }
        for (Object k : absentKeys) {
            probeCost(k, miss);
        }
        if (miss[PROBE_FOUND] != 0) {
            throw new IllegalArgumentException("probeStats: a key given as absent is in the map");
        }
        return new SwissProbeStats(hit[PROBE_LOOKUPS], ratio(hit[PROBE_GROUPS], hit[PROBE_LOOKUPS]),
            ratio(hit[PROBE_FALSE], hit[PROBE_LOOKUPS]), miss[PROBE_LOOKUPS],
            ratio(miss[PROBE_GROUPS], miss[PROBE_LOOKUPS]), ratio(miss[PROBE_FALSE], miss[PROBE_LOOKUPS]));
    }

    private static final int PROBE_GROUPS = 0;
    private static final int PROBE_LOOKUPS = 1;
    private static final int PROBE_FOUND = 2;
    private static final int PROBE_FALSE = 3;
    private static final int PROBE_COUNTERS = 4;

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** Adds one lookup of {@code key}: groups read, lookups, found, false candidates. */
    private void probeCost(Object key, long[] cost) {
        final long hash = hashOf(key);
        final long h2 = hash & SwissCtrl.H2_MASK;
        cost[PROBE_LOOKUPS]++;
        if (dir == null) {
            cost[PROBE_GROUPS]++;
            if (small == null) {
                return;
            }
            long m = vector ? SwissCtrl.matchH2Vector(smallCtrl[0], h2) : SwissCtrl.matchH2(smallCtrl[0], h2);
            while (m != 0) {
                if (same(key, small[2 * (Long.numberOfTrailingZeros(m) >>> firstShift)])) {
                    cost[PROBE_FOUND]++;
                    return;
                }
                cost[PROBE_FALSE]++;
                m &= m - 1;
            }
            return;
        }
        final Table t = dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)];
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & t.lengthMask;
        for (int step = 1; ; g = (g + step++) & t.lengthMask) {
            cost[PROBE_GROUPS]++;
            final long ctrl = t.ctrl[g];
            long m = vector ? SwissCtrl.matchH2Vector(ctrl, h2) : SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                if (same(key, t.slots[g * GROUP_REFS + 2 * (Long.numberOfTrailingZeros(m) >>> firstShift)])) {
                    cost[PROBE_FOUND]++;
                    return;
                }
                cost[PROBE_FALSE]++;
                m &= m - 1;
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                return;
            }
        }
    }

    /** Checks every structural invariant (as {@link SwissLongLongMap#verifyInvariants()}). */
    public void verifyInvariants() {
        final Set<Object> seen = new HashSet<>();
        if (dir == null) {
            if (small == null) {
                check(used == 0, "no storage but used = " + used);
                return;
            }
            int full = 0;
            for (int i = 0; i < SLOTS; i++) {
                final int c = SwissCtrl.get(smallCtrl[0], i);
                check(c == EMPTY || c < EMPTY, "small map slot " + i + " has control byte " + c);
                if (c < EMPTY) {
                    full++;
                    final Object k = small[2 * i];
                    check(k != null && seen.add(k), "small map slot " + i + " holds null or a repeated key");
                    check(c == (hashOf(k) & SwissCtrl.H2_MASK), "small map key " + k + " has a wrong H2");
                }
            }
            check(full == used, "small map has " + full + " full slots, used says " + used);
            return;
        }
        check(dirLen == 1 << globalDepth, "dirLen " + dirLen + " != 2^globalDepth " + globalDepth);
        long total = 0;
        int i = 0;
        while (i < dirLen) {
            final Table t = dir[i];
            check(t.index == i, "table at directory " + i + " has index " + t.index);
            check(t.localDepth <= globalDepth, "localDepth " + t.localDepth + " > globalDepth " + globalDepth);
            final int span = 1 << (globalDepth - t.localDepth);
            check(i % span == 0, "table index " + i + " not aligned to its span " + span);
            for (int j = i; j < i + span; j++) {
                check(dir[j] == t, "directory entry " + j + " does not alias the table at " + i);
            }
            verifyTable(t, i, span, seen);
            total += t.used;
            i += span;
        }
        check(total == used, "tables hold " + total + " entries, used says " + used);
    }

    private void verifyTable(Table t, int index, int span, Set<Object> seen) {
        check(t.capacity >= SLOTS && t.capacity <= SwissRules.MAX_TABLE_CAPACITY
            && Integer.bitCount(t.capacity) == 1, "table capacity " + t.capacity);
        int full = 0;
        int deleted = 0;
        for (int g = 0; g <= t.lengthMask; g++) {
            for (int s = 0; s < SLOTS; s++) {
                final int c = SwissCtrl.get(t.ctrl[g], s);
                if (c == DELETED) {
                    deleted++;
                } else if (c < EMPTY) {
                    full++;
                    final Object k = t.slots[g * GROUP_REFS + 2 * s];
                    check(k != null && seen.add(k), "null or repeated key " + k);
                    final long hash = hashOf(k);
                    check(c == (hash & SwissCtrl.H2_MASK), "key " + k + " has control byte " + c);
                    final int di = SwissRules.directoryIndex(hash, dirLen, globalDepth);
                    check(di >= index && di < index + span, "key " + k + " belongs to directory entry " + di);
                    int p = (int) (hash >>> SwissCtrl.H2_BITS) & t.lengthMask;
                    for (int step = 1; p != g; p = (p + step++) & t.lengthMask) {
                        check(SwissCtrl.matchEmpty(t.ctrl[p]) == 0, "key " + k + " is unreachable");
                        check(step <= t.lengthMask + 1, "key " + k + " is not on its probe sequence");
                    }
                } else {
                    check(c == EMPTY, "control byte " + c + " is neither empty, deleted nor full");
                }
            }
        }
        check(full == t.used, "table at " + index + " has " + full + " full slots, used says " + t.used);
        check(t.growthLeft >= 0, "negative growthLeft");
        check(deleted == SwissRules.tombstones(t.capacity, t.used, t.growthLeft),
            "table at " + index + " has " + deleted + " tombstones, Go's formula says "
                + SwissRules.tombstones(t.capacity, t.used, t.growthLeft));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
