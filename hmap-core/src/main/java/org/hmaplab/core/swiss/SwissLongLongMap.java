package org.hmaplab.core.swiss;

import static org.hmaplab.core.swiss.SwissCtrl.ALL_EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.DELETED;
import static org.hmaplab.core.swiss.SwissCtrl.EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.SLOTS;

import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.hmaplab.core.GoMapRules;
import org.hmaplab.core.LongLongConsumer;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Go's Swiss-table map ({@code internal/runtime/maps}, Go 1.24 and later) for primitive
 * {@code long} keys and values: {@code map[int64]int64} with the fast paths of
 * {@code runtime_fast64_swiss.go}. Rule numbers and Go source lines are in docs/go-swiss-map.md.
 *
 * <h2>Design</h2>
 * <ul>
 * <li><b>Groups.</b> A group is 8 slots and one 64-bit control word (one control byte per slot:
 * empty 0x80, deleted 0xFE, or the 7-bit H2 of a full slot). Storage follows Go's layout for
 * {@code map[int64]int64}: each table is one {@code long[]} of 17 longs per group, the control
 * word followed by the 8 key/value pairs interleaved (136 bytes per group).</li>
 * <li><b>Hash split.</b> {@code h1 = hash >>> 7} picks the first group ({@code h1 & (groups-1)}),
 * {@code h2 = hash & 0x7f} is the control byte. Probing is triangular over groups (offset, +1,
 * +2, +3, ...), which visits every group of a power-of-two table once.</li>
 * <li><b>Lookup.</b> Match the control word against H2 (SWAR or vector, see
 * {@link SwissLookupStyle}), compare the candidates' keys, stop at the first group that has an
 * empty slot.</li>
 * <li><b>Insert.</b> Probe as a lookup; remember the first tombstone on the way; at the end of the
 * sequence reuse that tombstone (growthLeft unchanged) or take the empty slot if growthLeft &gt;
 * 0; else (1.26+: after trying to prune tombstones) rehash: double the table up to 1024 slots,
 * else split it in two by the hash bit just below the directory's bits, then retry.</li>
 * <li><b>Delete.</b> The slot becomes empty (growthLeft + 1) when its group still has an empty
 * slot, else a tombstone. A delete that empties the map and a clear re-draw the seed.</li>
 * <li><b>Small map.</b> Up to 8 entries live in a single group with no table (dirLen 0); int64
 * lookups compare the keys of the full slots without hashing. The 9th insert (1.27: the 9th
 * distinct key) turns it into a table of 16 slots.</li>
 * <li><b>Directory.</b> Tables are found by the top {@code globalDepth} bits of the hash; a table
 * of localDepth d fills 2^(globalDepth - d) consecutive entries. Splitting a table whose
 * localDepth equals globalDepth doubles the directory first.</li>
 * <li><b>Iteration</b> starts at a random entry offset and a random directory offset, walks the
 * table it found even after that table was replaced (looking keys up again in the live map), and
 * adjusts its directory index when the directory doubles, exactly as Go's {@code Iter.Next}.</li>
 * <li><b>Misuse.</b> Writers toggle a writing flag after hashing and check it at their end; a
 * reader of a non-empty map and an iterator step throw {@link ConcurrentModificationException}
 * with Go's messages when they see it set.</li>
 * </ul>
 *
 * <h2>Who holds what</h2>
 * The state machine (header, writing flag, seeds and random stream, growToTable, rehash, split and
 * the directory, pruneTombstones, clear, the iterator's walk, stats, verifyInvariants) is
 * {@link AbstractSwissMap}'s, shared with {@link SwissMap}, as Go shares map.go and table.go.
 * This class holds what Go specialises in {@code runtime_fast64.go}: the storage ({@link Table},
 * the small group) and the hot paths, {@code get} with one probe loop per
 * {@link SwissLayout}, {@code put}'s PutSlot and {@code remove}'s probe, which read its own
 * {@code long[]} arrays with nothing virtual in a loop; plus the storage hooks the state machine
 * calls to hash, copy and describe a slot.
 *
 * <h2>Go's names and ours</h2>
 * <table>
 * <caption>Go runtime names and this class</caption>
 * <tr><th>Go</th><th>here</th></tr>
 * <tr><td>Map.used / seed / dirPtr / dirLen / globalDepth</td><td>used / seed / small or dir / dirLen /
 * globalDepth</td></tr>
 * <tr><td>Map.writing / clearSeq / tombstonePossible</td><td>writing / clearSeq / tombstonePossible</td></tr>
 * <tr><td>table (used, capacity, growthLeft, localDepth, index, groups)</td><td>{@link Table}</td></tr>
 * <tr><td>rand()</td><td>nextRandom() (per map splitmix64, seeded by the first seed)</td></tr>
 * <tr><td>Iter</td><td>{@link Iterator}</td></tr>
 * </table>
 *
 * <h2>Deliberate differences</h2>
 * The seed is 64 bits and goes to {@link Hasher#hashLong(long, long)}; Go's rand() is a per-map
 * generator so runs are reproducible; misuse checks throw instead of killing the process; a size
 * hint allocates its tables at once, as Go does, however large.
 *
 * <p>Not thread-safe.
 */
public final class SwissLongLongMap extends AbstractSwissMap<SwissLongLongMap.Table> {
    /** Longs per group: control word + 8 key/value pairs (Go's 136-byte group of map[int64]int64). */
    static final int GROUP_LONGS = 1 + 2 * SLOTS;
    private static final int INSERTED = -1;
    private static final int REHASHED = -2;
    private static final int NOT_FOUND = -1;

    /** One Swiss table (table.go:34): a power-of-two array of groups; the counters are {@link SwissTable}'s. */
    static final class Table extends SwissTable {
        final long[] data;
        /** Longs from one control word to the next: {@link SwissLayout#ctrlStride()}. */
        final int ctrlStride;
        /** Longs from one group's slots to the next: {@link SwissLayout#slotStride()}. */
        final int slotStride;
        /** slotBase(0): where key i of group 0 is at slotStart + 1 + 2i. */
        final int slotStart;

        Table(long requestedCapacity, int index, int localDepth, SwissLayout layout) {
            super(requestedCapacity, index, localDepth);
            final int groups = lengthMask + 1;
            this.ctrlStride = layout.ctrlStride();
            this.slotStride = layout.slotStride();
            this.slotStart = layout.slotStart(groups);
            this.data = new long[groups * GROUP_LONGS];
            for (int g = 0; g < groups; g++) {
                data[ctrlIndex(g)] = ALL_EMPTY;
            }
        }

        /** Index of group g's control word in {@link #data}. */
        int ctrlIndex(int g) {
            return g * ctrlStride;
        }

        /** Group g's slot base: key i at slotBase(g) + 1 + 2i, its value right after it. */
        int slotBase(int g) {
            return g * slotStride + slotStart;
        }

        @Override
        long ctrl(int g) {
            return data[ctrlIndex(g)];
        }

        @Override
        void setCtrl(int g, long word) {
            data[ctrlIndex(g)] = word;
        }

        @Override
        void reset() {
            Arrays.fill(data, 0L);
            for (int g = 0; g <= lengthMask; g++) {
                data[ctrlIndex(g)] = ALL_EMPTY;
            }
        }
    }

    private final SwissLayout layout;
    /** layout == CONTROL_WORDS_FIRST, read by get's dispatch (as {@link #vector} is by the match). */
    private final boolean ctrlFirst;

    /** The single group of a small map (Go's dirPtr with dirLen 0); null without storage or with tables. */
    private long[] small;
    /** Set by {@link #locate(long)}: the array holding the located value. */
    private long[] locatedData;

    /** A map with the default hasher, a random seed, no hint, the newest version and the default style. */
    public SwissLongLongMap() {
        this(0);
    }

    /** A map with the default hasher and a random seed, sized for {@code hint} entries. */
    public SwissLongLongMap(int hint) {
        this(Hashers.defaultHasher(), SEED_SOURCE.nextLong(), hint);
    }

    /** A map with this hasher, a random seed and no hint. */
    public SwissLongLongMap(Hasher hasher) {
        this(hasher, SEED_SOURCE.nextLong(), 0);
    }

    /** A map with this hasher and first seed; re-drawn seeds come from {@code new SplittableRandom(seed)}. */
    public SwissLongLongMap(Hasher hasher, long seed, int hint) {
        this(hasher, firstThen(seed), hint, SwissVersion.NEWEST);
    }

    /** As the general constructor with the default lookup style ({@link SwissLookupStyle#DEFAULT}). */
    public SwissLongLongMap(Hasher hasher, LongSupplier seeds, int hint, SwissVersion version) {
        this(hasher, seeds, hint, version, SwissLookupStyle.DEFAULT);
    }

    /**
     * The general constructor.
     *
     * @param hasher  the hash function
     * @param seeds   its first value is the seed drawn at construction (NewMap), every later value a
     *                seed re-drawn by a delete that empties the map or by a clear
     * @param hint    expected entries; above 8 the tables are allocated now (NewMap); negative counts as 0
     * @param version the Go release to behave as
     * @param style   how control words are matched
     */
    public SwissLongLongMap(Hasher hasher, LongSupplier seeds, int hint, SwissVersion version,
                            SwissLookupStyle style) {
        this(hasher, seeds, hint, version, style, SwissLayout.DEFAULT);
    }

    /**
     * The general constructor with a storage layout ({@link SwissLayout}: Go's groups by default, or
     * the control words first, which only moves bytes within a table's array).
     *
     * @param hasher  the hash function
     * @param seeds   the first seed, then every seed re-drawn after a delete that empties the map or a clear
     * @param hint    the expected number of entries (Go's size hint)
     * @param version which Go release's rules to follow
     * @param style   how control words are matched
     * @param layout  where each table keeps its control words
     */
    public SwissLongLongMap(Hasher hasher, LongSupplier seeds, int hint, SwissVersion version,
                            SwissLookupStyle style, SwissLayout layout) {
        super(layoutCheckedFirst(layout, hasher), seeds, version, style);
        this.layout = layout;
        this.ctrlFirst = layout == SwissLayout.CONTROL_WORDS_FIRST;
        allocateForHint(hint);
    }

    /** Refuses a null layout before the header checks its arguments and draws the first seed; returns the hasher. */
    private static Hasher layoutCheckedFirst(SwissLayout layout, Hasher hasher) {
        Objects.requireNonNull(layout, "layout");
        return hasher;
    }

    // ------------------------------------------------------------------ accessors

    /** Where each table keeps its control words. */
    public SwissLayout layout() {
        return layout;
    }

    // ------------------------------------------------------------------ lookup

    /** The value of {@code key}, or {@code missing} (runtime_mapaccess2_fast64). */
    public long get(long key, long missing) {
        if (used == 0) {
            return missing;
        }
        if (writing != 0) {
            throw misuse(GoMapRules.CONCURRENT_READ_WRITE);
        }
        final Table[] d = dir;
        if (d == null) {
            final long[] g = small;
            final long full = SwissCtrl.matchFull(g[0]);
            for (int i = 0; i < SLOTS; i++) {
                if (g[1 + 2 * i] == key && (full >>> (8 * i + 7) & 1) != 0) {
                    return g[2 + 2 * i];
                }
            }
            return missing;
        }
        final long hash = hasher.hashLong(key, seed);
        final int ti = SwissRules.directoryIndex(hash, dirLen, globalDepth);
        final Table t = d[ti];
        return ctrlFirst ? getControlWordsFirst(t.data, t.lengthMask, hash, key, missing)
            : getGoGroups(t.data, t.lengthMask, hash, key, missing);
    }

    /**
     * The table probe of {@link #get} in Go's layout, its strides constants (a stride read from a
     * field puts a multiply on the path to every control word).
     */
    private long getGoGroups(long[] data, int mask, long hash, long key, long missing) {
        final long h2 = hash & SwissCtrl.H2_MASK;
        final int shift = firstShift;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final int base = g * GROUP_LONGS;
            final long ctrl = data[base];
            long m = vector ? SwissCtrl.matchH2Vector(ctrl, h2) : SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int at = base + 1 + 2 * (Long.numberOfTrailingZeros(m) >>> shift);
                if (data[at] == key) {
                    return data[at + 1];
                }
                m &= m - 1;
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                return missing;
            }
        }
    }

    /** The table probe of {@link #get} with {@link SwissLayout#CONTROL_WORDS_FIRST}. */
    private long getControlWordsFirst(long[] data, int mask, long hash, long key, long missing) {
        final long h2 = hash & SwissCtrl.H2_MASK;
        final int shift = firstShift;
        final int slots = mask + 1;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final long ctrl = data[g];
            long m = vector ? SwissCtrl.matchH2Vector(ctrl, h2) : SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int at = slots + g * 2 * SLOTS + 2 * (Long.numberOfTrailingZeros(m) >>> shift);
                if (data[at] == key) {
                    return data[at + 1];
                }
                m &= m - 1;
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                return missing;
            }
        }
    }

    /** Whether {@code key} is in the map. */
    public boolean containsKey(long key) {
        if (used == 0) {
            return false;
        }
        if (writing != 0) {
            throw misuse(GoMapRules.CONCURRENT_READ_WRITE);
        }
        return locate(key) != NOT_FOUND;
    }

    /**
     * Go's getWithKey for the iterator and containsKey: the index of the key's value in
     * {@link #locatedData}, or NOT_FOUND. Small maps: the generic path (hash, H2 match).
     */
    private int locate(long key) {
        if (used == 0) {
            return NOT_FOUND;
        }
        final long hash = hasher.hashLong(key, seed);
        final long h2 = hash & SwissCtrl.H2_MASK;
        if (dir == null) {
            final long[] g = small;
            long m = SwissCtrl.matchH2(g[0], h2);
            while (m != 0) {
                final int at = 1 + 2 * SwissCtrl.first(m);
                if (g[at] == key) {
                    locatedData = g;
                    return at + 1;
                }
                m = SwissCtrl.removeFirst(m);
            }
            return NOT_FOUND;
        }
        final Table t = dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)];
        final long[] data = t.data;
        final int mask = t.lengthMask;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final int base = t.slotBase(g);
            final long ctrl = data[t.ctrlIndex(g)];
            long m = SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int at = base + 1 + 2 * SwissCtrl.first(m);
                if (data[at] == key) {
                    locatedData = data;
                    return at + 1;
                }
                m = SwissCtrl.removeFirst(m);
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                return NOT_FOUND;
            }
        }
    }

    // ------------------------------------------------------------------ insert

    /**
     * Sets {@code key} to {@code value}; returns the previous value, or {@code missing} if the key was
     * new (runtime_mapassign_fast64).
     */
    public long put(long key, long value, long missing) {
        checkNotWriting();
        final long hash = hasher.hashLong(key, seed);
        toggleWriting();
        long old = missing;
        boolean done = false;
        if (dir == null) {
            if (small == null) {
                small = newSmallGroup();
            }
            final long[] g = small;
            if (used < SLOTS || version.growsSmallOnlyForNewKey()) {
                // putSlotSmallFast64 (runtime_fast64_swiss.go:154-192): update, else the first free slot.
                final int at = findSmall(g, hash, key);
                if (at >= 0) {
                    old = g[at + 1];
                    g[at + 1] = value;
                    done = true;
                } else if (used < SLOTS) {
                    final int i = SwissCtrl.first(SwissCtrl.matchEmptyOrDeleted(g[0]));
                    g[1 + 2 * i] = key;
                    g[2 + 2 * i] = value;
                    g[0] = SwissCtrl.set(g[0], i, (int) (hash & SwissCtrl.H2_MASK));
                    used++;
                    done = true;
                } else {
                    // 1.27 (runtime_fast64.go:212-221): no free slot for a new key: grow, then put it
                    // without probing for it.
                    final Table t = growToTable();
                    uncheckedPut(t, hash, key, value);
                    used++;
                    done = true;
                }
            } else {
                // 1.24/1.26 (runtime_fast64_swiss.go:219-233): 8 entries: grow first, whatever the key.
                growToTable();
            }
        }
        while (!done) {
            final Table t = dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)];
            final int r = putInTable(t, hash, key, value);
            if (r >= 0) {
                old = t.data[r];
                t.data[r] = value;
                done = true;
            } else if (r == INSERTED) {
                done = true;
            }
        }
        endWrite();
        return old;
    }

    private static long[] newSmallGroup() {
        final long[] g = new long[GROUP_LONGS];
        g[0] = ALL_EMPTY;
        return g;
    }

    /** putSlotSmallFast64's search (runtime_fast64_swiss.go:159-171): the key's index in g, or -1. */
    private static int findSmall(long[] g, long hash, long key) {
        long m = SwissCtrl.matchH2(g[0], hash & SwissCtrl.H2_MASK);
        while (m != 0) {
            final int at = 1 + 2 * SwissCtrl.first(m);
            if (g[at] == key) {
                return at;
            }
            m = SwissCtrl.removeFirst(m);
        }
        return -1;
    }

    /**
     * table.PutSlot (table.go:266-358; fast64 copy runtime_fast64_swiss.go:242-313): the value index
     * of an existing key, INSERTED after writing a new entry, or REHASHED after the table was
     * replaced (the caller retries in the new directory).
     */
    private int putInTable(Table t, long hash, long key, long value) {
        final long[] data = t.data;
        final int mask = t.lengthMask;
        final long h2 = hash & SwissCtrl.H2_MASK;
        final int shift = firstShift;
        int deletedGroup = -1;
        int deletedSlot = 0;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final int base = t.slotBase(g);
            final long ctrl = data[t.ctrlIndex(g)];
            long m = vector ? SwissCtrl.matchH2Vector(ctrl, h2) : SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int at = base + 1 + 2 * (Long.numberOfTrailingZeros(m) >>> shift);
                if (data[at] == key) {
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
                final int insertBase = t.slotBase(insertGroup);
                final int insertCtrl = t.ctrlIndex(insertGroup);
                data[insertBase + 1 + 2 * slot] = key;
                data[insertBase + 2 + 2 * slot] = value;
                data[insertCtrl] = SwissCtrl.set(data[insertCtrl], slot, (int) h2);
                t.growthLeft--;
                t.used++;
                used++;
                return INSERTED;
            }
            rehash(t);
            return REHASHED;
        }
    }

    /** uncheckedPutSlot (table.go:376-413): first empty-or-deleted slot on the probe sequence. */
    private static void uncheckedPut(Table t, long hash, long key, long value) {
        if (t.growthLeft == 0) {
            throw new IllegalStateException("invariant failed: growthLeft is unexpectedly 0");
        }
        final long[] data = t.data;
        final int mask = t.lengthMask;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final int base = t.slotBase(g);
            final int cb = t.ctrlIndex(g);
            final long free = SwissCtrl.matchEmptyOrDeleted(data[cb]);
            if (free != 0) {
                final int i = SwissCtrl.first(free);
                data[base + 1 + 2 * i] = key;
                data[base + 2 + 2 * i] = value;
                t.growthLeft--;
                t.used++;
                data[cb] = SwissCtrl.set(data[cb], i, (int) (hash & SwissCtrl.H2_MASK));
                return;
            }
        }
    }

    // ------------------------------------------------------------------ delete and clear

    /** Removes {@code key}; returns its value, or {@code missing} if absent (Map.Delete, map.go:639-675). */
    public long remove(long key, long missing) {
        if (used == 0) {
            return missing;
        }
        checkNotWriting();
        final long hash = hasher.hashLong(key, seed);
        toggleWriting();
        final long old;
        if (dir == null) {
            old = deleteSmall(hash, key, missing);
        } else {
            old = deleteInTable(dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)], hash, key, missing);
        }
        if (used == 0) {
            seed = seeds.getAsLong();
        }
        endWrite();
        return old;
    }

    /** deleteSmall (map.go:677-722): the slot becomes empty at once (one group: no probe sequence to keep). */
    private long deleteSmall(long hash, long key, long missing) {
        final long[] g = small;
        final int at = findSmall(g, hash, key);
        if (at < 0) {
            return missing;
        }
        final long old = g[at + 1];
        used--;
        g[at + 1] = 0;
        g[0] = SwissCtrl.set(g[0], (at - 1) / 2, EMPTY);
        return old;
    }

    /** table.Delete (table.go:415-484): empty if the group has an empty slot, else a tombstone. */
    private long deleteInTable(Table t, long hash, long key, long missing) {
        final long[] data = t.data;
        final int mask = t.lengthMask;
        final long h2 = hash & SwissCtrl.H2_MASK;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
        for (int step = 1; ; g = (g + step++) & mask) {
            final int base = t.slotBase(g);
            final int cb = t.ctrlIndex(g);
            final long ctrl = data[cb];
            long m = SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int i = SwissCtrl.first(m);
                final int at = base + 1 + 2 * i;
                if (data[at] == key) {
                    final long old = data[at + 1];
                    t.used--;
                    used--;
                    data[at + 1] = 0;
                    if (SwissCtrl.matchEmpty(ctrl) != 0) {
                        data[cb] = SwissCtrl.set(ctrl, i, EMPTY);
                        t.growthLeft++;
                    } else {
                        data[cb] = SwissCtrl.set(ctrl, i, DELETED);
                        if (version.prunesTombstones()) {
                            tombstonePossible = true;
                        }
                    }
                    return old;
                }
                m = SwissCtrl.removeFirst(m);
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                return missing;
            }
        }
    }

    // ------------------------------------------------------------------ iteration

    /** A new iteration with Go's random start and Go's guarantees under modification. */
    public Iterator iterator() {
        return new Iterator();
    }

    /** Calls {@code action} for every entry, in the order of a fresh {@link #iterator()}. */
    public void forEach(LongLongConsumer action) {
        Objects.requireNonNull(action, "action");
        final Iterator it = new Iterator();
        while (it.next()) {
            action.accept(it.key(), it.value());
        }
    }

    /**
     * Go's Iter (table.go:505-1004): {@link #next()} moves to the next entry, {@link #key()} and
     * {@link #value()} read it. The map may be changed between steps: entries deleted before they are
     * reached are not returned, none twice, values are current, new entries may or may not appear.
     * The walk is {@link AbstractSwissMap.Cursor}'s; this class reads the entries from the long arrays.
     */
    public final class Iterator extends Cursor {
        /** The small group seen at the start (Go's it.group of a small map). */
        private final long[] smallGroup = small;
        private boolean positioned;
        private long key;
        private long value;

        Iterator() {
        }

        /** Moves to the next entry; false when the iteration is over (Iter.Next). */
        public boolean next() {
            positioned = false;
            return advance();
        }

        @Override
        boolean emit(Table t, int g, int slot) {
            final long[] data = t.data;
            final int base = t.slotBase(g);
            final long k = data[base + 1 + 2 * slot];
            if (t.index == -1) {
                final int at = locate(k);
                if (at == NOT_FOUND) {
                    return false;
                }
                value = locatedData[at];
            } else {
                value = data[base + 2 + 2 * slot];
            }
            key = k;
            positioned = true;
            return true;
        }

        @Override
        boolean emitSmall(int slot) {
            final long slotKey = smallGroup[1 + 2 * slot];
            if (dir != null) {
                final int at = locate(slotKey);
                if (at == NOT_FOUND) {
                    return false;
                }
                value = locatedData[at];
            } else {
                value = smallGroup[2 + 2 * slot];
            }
            key = slotKey;
            positioned = true;
            return true;
        }

        @Override
        long smallCtrlWord() {
            return smallGroup[0];
        }

        /** The key of the entry {@link #next()} moved to. */
        public long key() {
            requirePositioned();
            return key;
        }

        /** The value of that entry, as it was when next() returned. */
        public long value() {
            requirePositioned();
            return value;
        }

        private void requirePositioned() {
            if (!positioned) {
                throw new NoSuchElementException("next() has not returned true");
            }
        }
    }

    // ------------------------------------------------------------------ storage hooks

    @Override
    Table newTable(long capacity, int index, int localDepth) {
        return new Table(capacity, index, localDepth, layout);
    }

    @Override
    Table[] newDirectory(int length) {
        return new Table[length];
    }

    @Override
    long slotHash(Table t, int g, int slot) {
        return hasher.hashLong(t.data[t.slotBase(g) + 1 + 2 * slot], seed);
    }

    @Override
    void copySlot(Table from, int g, int slot, Table to, long hash) {
        final int at = from.slotBase(g) + 1 + 2 * slot;
        uncheckedPut(to, hash, from.data[at], from.data[at + 1]);
    }

    @Override
    Object slotKey(Table t, int g, int slot) {
        return t.data[t.slotBase(g) + 1 + 2 * slot];
    }

    @Override
    void checkStorage(Table t) {
        check(t.data.length == (t.lengthMask + 1) * GROUP_LONGS, "table array length");
    }

    @Override
    boolean hasSmallGroup() {
        return small != null;
    }

    @Override
    long smallCtrl() {
        return small[0];
    }

    @Override
    Object smallKey(int slot) {
        return small[1 + 2 * slot];
    }

    @Override
    long smallSlotHash(int slot) {
        return hasher.hashLong(small[1 + 2 * slot], seed);
    }

    @Override
    void copySmallSlot(int slot, Table to, long hash) {
        uncheckedPut(to, hash, small[1 + 2 * slot], small[2 + 2 * slot]);
    }

    @Override
    void dropSmallGroup() {
        small = null;
    }

    @Override
    void clearSmallGroup() {
        Arrays.fill(small, 0L);
        small[0] = ALL_EMPTY;
    }

    @Override
    void probeSlot(Table t, int g, int slot, long[] cost) {
        probeCost(t.data[t.slotBase(g) + 1 + 2 * slot], cost);
    }

    // ------------------------------------------------------------------ introspection

    /**
     * Mean probe cost with this map's lookup style: hits over every key in the map, misses over
     * {@code absentKeys} (each must be absent).
     */
    public SwissProbeStats probeStats(long[] absentKeys) {
        final long[] hit = new long[PROBE_COUNTERS];
        final long[] miss = new long[PROBE_COUNTERS];
        if (dir == null) {
            hit[PROBE_GROUPS] = used;
            hit[PROBE_LOOKUPS] = used;
            hit[PROBE_FOUND] = used;
            miss[PROBE_GROUPS] = absentKeys.length;
            miss[PROBE_LOOKUPS] = absentKeys.length;
            for (long k : absentKeys) {
                if (used > 0 && locate(k) != NOT_FOUND) {
                    miss[PROBE_FOUND]++;
                }
            }
        } else {
            probeEveryTableKey(hit);
            for (long k : absentKeys) {
                probeCost(k, miss);
            }
        }
        return probeResult(hit, miss);
    }

    /** Adds one table lookup of {@code key} to the counters: groups read, lookups, found, false candidates. */
    private void probeCost(long key, long[] cost) {
        final long hash = hasher.hashLong(key, seed);
        final Table t = dir[SwissRules.directoryIndex(hash, dirLen, globalDepth)];
        final long h2 = hash & SwissCtrl.H2_MASK;
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & t.lengthMask;
        cost[PROBE_LOOKUPS]++;
        for (int step = 1; ; g = (g + step++) & t.lengthMask) {
            cost[PROBE_GROUPS]++;
            final int base = t.slotBase(g);
            final long ctrl = t.data[t.ctrlIndex(g)];
            long m = vector ? SwissCtrl.matchH2Vector(ctrl, h2) : SwissCtrl.matchH2(ctrl, h2);
            while (m != 0) {
                final int at = base + 1 + 2 * (Long.numberOfTrailingZeros(m) >>> firstShift);
                if (t.data[at] == key) {
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

    /**
     * Test hook, Go's export_test KeyFromFullGroup: a key (not a tombstone) of the first group without
     * an empty slot, or {@code none} when there is no such group or the map is small.
     */
    long keyFromFullGroup(long none) {
        if (dir == null) {
            return none;
        }
        Table last = null;
        for (int d = 0; d < dirLen; d++) {
            final Table t = dir[d];
            if (t == last) {
                continue;
            }
            last = t;
            for (int g = 0; g <= t.lengthMask; g++) {
                final long ctrl = t.data[t.ctrlIndex(g)];
                if (SwissCtrl.matchEmpty(ctrl) != 0) {
                    continue;
                }
                for (int j = 0; j < SLOTS; j++) {
                    if (SwissCtrl.get(ctrl, j) != DELETED) {
                        return t.data[t.slotBase(g) + 1 + 2 * j];
                    }
                }
            }
        }
        return none;
    }

    /** Package-private for tests: the small group or null. */
    long[] smallGroup() {
        return small;
    }

}
