package org.hmaplab.core.swiss;

import static org.hmaplab.core.swiss.SwissCtrl.ALL_EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.DELETED;
import static org.hmaplab.core.swiss.SwissCtrl.EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.SLOTS;

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
import org.hmaplab.core.GoMapRules;
import org.hmaplab.core.MapMethods;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Go's Swiss-table map ({@code internal/runtime/maps}) for object keys and values, as a
 * {@link java.util.Map}: the generic paths of map.go and table.go (every lookup hashes the key and
 * matches H2, also in a small map). Every structural rule, version difference, the iterator and the
 * misuse checks are those of {@link SwissLongLongMap}, whose class comment describes them;
 * docs/go-swiss-map.md gives Go's file and line for each.
 *
 * <h2>Who holds what</h2>
 * The state machine (header, writing flag, seeds and random stream, growToTable, rehash, split and
 * the directory, pruneTombstones, clear, the iterator's walk, stats, verifyInvariants) is
 * {@link AbstractSwissMap}'s, shared with {@link SwissLongLongMap}. This class holds the storage
 * ({@link Table}, the small group), the hashing of object keys, the hot paths (lookup, PutSlot,
 * delete) over its own arrays, the storage hooks, and the {@link java.util.Map} views. It
 * implements {@link Map} itself (its superclass is the state machine, not {@link AbstractMap}),
 * with equals, hashCode, toString and putAll as AbstractMap defines them.
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
public final class SwissMap<K, V> extends AbstractSwissMap<SwissMap.Table> implements Map<K, V> {
    /** References per group: 8 key/value pairs. */
    static final int GROUP_REFS = 2 * SLOTS;
    private static final int INSERTED = -1;
    private static final int REHASHED = -2;
    private static final int NOT_FOUND = -1;

    /** One Swiss table (table.go:34): control words and slots; the counters are {@link SwissTable}'s. */
    static final class Table extends SwissTable {
        final long[] ctrl;
        final Object[] slots;

        Table(long requestedCapacity, int index, int localDepth) {
            super(requestedCapacity, index, localDepth);
            final int groups = lengthMask + 1;
            this.ctrl = new long[groups];
            Arrays.fill(ctrl, ALL_EMPTY);
            this.slots = new Object[groups * GROUP_REFS];
        }

        @Override
        long ctrl(int g) {
            return ctrl[g];
        }

        @Override
        void setCtrl(int g, long word) {
            ctrl[g] = word;
        }

        @Override
        void reset() {
            Arrays.fill(slots, null);
            Arrays.fill(ctrl, ALL_EMPTY);
        }
    }

    /** The small group's control word, boxed so that an iterator keeps the group as Go's does. */
    private long[] smallCtrl;
    private Object[] small;
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
        this(hasher, firstThen(seed), hint, SwissVersion.NEWEST);
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
        super(hasher, seeds, version, style);
        allocateForHint(hint);
    }

    // ------------------------------------------------------------------ hashing

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
        checkNotWriting();
        final long hash = hashOf(key);
        toggleWriting();
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
        checkNotWriting();
        final long hash = hashOf(key);
        toggleWriting();
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

    // ------------------------------------------------------------------ iteration

    /** A Go-order cursor over the map (Go's Iter; see {@link SwissLongLongMap.Iterator}). */
    public GoIterator goIterator() {
        return new GoIterator();
    }

    /**
     * Go's Iter (table.go:505-1004) over object keys: {@link #next()} moves, {@link #key()} and
     * {@link #value()} read the entry. The walk is {@link AbstractSwissMap.Cursor}'s; this class
     * reads the entries from the object arrays.
     */
    public final class GoIterator extends Cursor {
        /** The small group seen at the start (Go's it.group of a small map): its control word box and slots. */
        private final long[] groupCtrl = smallCtrl;
        private final Object[] groupSlots = small;
        private boolean positioned;
        private Object key;
        private Object value;

        GoIterator() {
        }

        /** Moves to the next entry; false when the iteration is over. */
        public boolean next() {
            positioned = false;
            return advance();
        }

        @Override
        boolean emit(Table t, int g, int slot) {
            final Object[] s = t.slots;
            final Object k = s[g * GROUP_REFS + 2 * slot];
            if (t.index == -1) {
                final int at = locate(k);
                if (at == NOT_FOUND) {
                    return false;
                }
                value = locatedSlots[at];
                key = locatedSlots[at - 1];
            } else {
                value = s[g * GROUP_REFS + 2 * slot + 1];
                key = k;
            }
            positioned = true;
            return true;
        }

        @Override
        boolean emitSmall(int slot) {
            final Object slotKey = groupSlots[2 * slot];
            if (dir != null) {
                final int at = locate(slotKey);
                if (at == NOT_FOUND) {
                    return false;
                }
                key = locatedSlots[at - 1];
                value = locatedSlots[at];
            } else {
                key = slotKey;
                value = groupSlots[2 * slot + 1];
            }
            positioned = true;
            return true;
        }

        @Override
        long smallCtrlWord() {
            return groupCtrl[0];
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

    // ------------------------------------------------------------------ java.util.Map's equals, hashCode, toString

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

    // ------------------------------------------------------------------ storage hooks

    @Override
    Table newTable(long capacity, int index, int localDepth) {
        return new Table(capacity, index, localDepth);
    }

    @Override
    Table[] newDirectory(int length) {
        return new Table[length];
    }

    @Override
    long slotHash(Table t, int g, int slot) {
        return hashOf(t.slots[g * GROUP_REFS + 2 * slot]);
    }

    @Override
    void copySlot(Table from, int g, int slot, Table to, long hash) {
        final int at = g * GROUP_REFS + 2 * slot;
        uncheckedPut(to, hash, from.slots[at], from.slots[at + 1]);
    }

    @Override
    boolean findableKey(Table t, int g, int slot) {
        final Object k = t.slots[g * GROUP_REFS + 2 * slot];
        return k.equals(k);
    }

    @Override
    Object slotKey(Table t, int g, int slot) {
        return t.slots[g * GROUP_REFS + 2 * slot];
    }

    @Override
    boolean hasSmallGroup() {
        return small != null;
    }

    @Override
    long smallCtrl() {
        return smallCtrl[0];
    }

    @Override
    Object smallKey(int slot) {
        return small[2 * slot];
    }

    @Override
    long smallSlotHash(int slot) {
        return hashOf(small[2 * slot]);
    }

    @Override
    void copySmallSlot(int slot, Table to, long hash) {
        uncheckedPut(to, hash, small[2 * slot], small[2 * slot + 1]);
    }

    @Override
    void dropSmallGroup() {
        small = null;
        smallCtrl = null;
    }

    @Override
    void clearSmallGroup() {
        Arrays.fill(small, null);
        smallCtrl[0] = ALL_EMPTY;
    }

    @Override
    void probeSlot(Table t, int g, int slot, long[] cost) {
        probeCost(t.slots[g * GROUP_REFS + 2 * slot], cost);
    }

    // ------------------------------------------------------------------ introspection

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
            probeEveryTableKey(hit);
        }
        for (Object k : absentKeys) {
            probeCost(k, miss);
        }
        return probeResult(hit, miss);
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
}
