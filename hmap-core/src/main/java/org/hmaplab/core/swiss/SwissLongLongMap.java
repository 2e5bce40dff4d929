package org.hmaplab.core.swiss;

import static org.hmaplab.core.swiss.SwissCtrl.ALL_EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.DELETED;
import static org.hmaplab.core.swiss.SwissCtrl.EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.SLOTS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
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
public final class SwissLongLongMap {
    /** Longs per group: control word + 8 key/value pairs (Go's 136-byte group of map[int64]int64). */
    static final int GROUP_LONGS = 1 + 2 * SLOTS;
    private static final int INSERTED = -1;
    private static final int REHASHED = -2;
    private static final int NOT_FOUND = -1;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final SecureRandom SEED_SOURCE = new SecureRandom();
    private static final VarHandle WRITING;

    static {
        try {
            WRITING = MethodHandles.lookup().findVarHandle(SwissLongLongMap.class, "writing", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One Swiss table (table.go:34): a power-of-two array of groups and its counters. */
    static final class Table {
        final long[] data;
        final int capacity;
        final int lengthMask;
        int used;
        int growthLeft;
        int localDepth;
        /** First directory index; -1 once the table has been replaced (stale). */
        int index;
        /** Longs from one control word to the next: {@link SwissLayout#ctrlStride()}. */
        final int ctrlStride;
        /** Longs from one group's slots to the next: {@link SwissLayout#slotStride()}. */
        final int slotStride;
        /** slotBase(0): where key i of group 0 is at slotStart + 1 + 2i. */
        final int slotStart;

        Table(long requestedCapacity, int index, int localDepth, SwissLayout layout) {
            this.capacity = SwissRules.tableCapacity(requestedCapacity);
            final int groups = capacity / SLOTS;
            this.lengthMask = groups - 1;
            this.ctrlStride = layout.ctrlStride();
            this.slotStride = layout.slotStride();
            this.slotStart = layout.slotStart(groups);
            this.data = new long[groups * GROUP_LONGS];
            for (int g = 0; g < groups; g++) {
                data[ctrlIndex(g)] = ALL_EMPTY;
            }
            this.growthLeft = SwissRules.maxGrowthLeft(capacity);
            this.index = index;
            this.localDepth = localDepth;
        }

        /** Index of group g's control word in {@link #data}. */
        int ctrlIndex(int g) {
            return g * ctrlStride;
        }

        /** Group g's slot base: key i at slotBase(g) + 1 + 2i, its value right after it. */
        int slotBase(int g) {
            return g * slotStride + slotStart;
        }
    }

    private final Hasher hasher;
    private final LongSupplier seeds;
    private final SwissVersion version;
    private final SwissLookupStyle style;
    private final SwissLayout layout;
    /** layout == CONTROL_WORDS_FIRST, read by get's dispatch (as {@link #vector} is by the match). */
    private final boolean ctrlFirst;
    private final boolean vector;
    private final int firstShift;

    private long seed;
    private int used;
    /** The single group of a small map (Go's dirPtr with dirLen 0); null without storage or with tables. */
    private long[] small;
    private Table[] dir;
    private int dirLen;
    private int globalDepth;
    /** Go's writing flag, toggled by writers (accessed opaquely by writers, plainly by readers). */
    private int writing;
    private long clearSeq;
    private boolean tombstonePossible;
    private long randomState;
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
        this.layout = Objects.requireNonNull(layout, "layout");
        this.ctrlFirst = layout == SwissLayout.CONTROL_WORDS_FIRST;
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        this.version = Objects.requireNonNull(version, "version");
        this.style = Objects.requireNonNull(style, "style");
        this.vector = style == SwissLookupStyle.VECTOR;
        this.firstShift = SwissCtrl.firstShift(style);
        this.seed = seeds.getAsLong();
        this.randomState = seed ^ GOLDEN_GAMMA;
        if (hint > SLOTS) {
            allocateForHint(hint);
        }
    }

    /** A seed supplier that gives {@code first}, then values of {@code new SplittableRandom(first)}. */
    static LongSupplier firstThen(long first) {
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

    /** NewMap (map.go:280-318): a directory of 2^k tables sharing the target capacity. */
    private void allocateForHint(int hint) {
        final long target = SwissRules.targetCapacity(hint);
        final long dirSize = SwissRules.directorySize(target);
        final int depth = Long.numberOfTrailingZeros(dirSize);
        if (depth > SwissRules.MAX_GLOBAL_DEPTH) {
            throw new IllegalArgumentException("size hint " + hint + " needs 2^" + depth + " tables; at most 2^"
                + SwissRules.MAX_GLOBAL_DEPTH + " are supported");
        }
        final Table[] d = new Table[(int) dirSize];
        for (int i = 0; i < d.length; i++) {
            d[i] = new Table(target / dirSize, i, depth, layout);
        }
        setDirectory(d, depth);
    }

    /** Installs a new directory of 2^depth entries. */
    private void setDirectory(Table[] d, int depth) {
        dir = d;
        dirLen = d.length;
        globalDepth = depth;
    }

    // ------------------------------------------------------------------ accessors

    /** Entries in the map. */
    public int size() {
        return used;
    }

    /** Whether the map holds no entry. */
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

    /** Where each table keeps its control words. */
    public SwissLayout layout() {
        return layout;
    }

    /** The hasher. */
    public Hasher hasher() {
        return hasher;
    }

    /** Go's clearSeq: the number of clears that did work. */
    public long clearSeq() {
        return clearSeq;
    }

    /** Go's export_test GroupCount: groups summed over distinct tables; 1 for a small map with its group. */
    public long groupCount() {
        if (dir == null) {
            return small == null ? 0 : 1;
        }
        long n = 0;
        Table last = null;
        for (int i = 0; i < dirLen; i++) {
            final Table t = dir[i];
            if (t != last) {
                n += t.lengthMask + 1;
                last = t;
            }
        }
        return n;
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
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        final long hash = hasher.hashLong(key, seed);
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ 1);
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

    /** growToTable (map.go:600-637): the small group's entries into a 16-slot table, a one-entry directory. */
    private Table growToTable() {
        final Table t = new Table(SwissRules.FIRST_TABLE_CAPACITY, 0, 0, layout);
        final long[] g = small;
        for (int i = 0; i < SLOTS; i++) {
            if ((SwissCtrl.get(g[0], i) & EMPTY) == EMPTY) {
                continue;
            }
            final long k = g[1 + 2 * i];
            uncheckedPut(t, hasher.hashLong(k, seed), k, g[2 + 2 * i]);
        }
        setDirectory(new Table[] {t}, 0);
        small = null;
        return t;
    }

    /** rehash (table.go:1009-1032): double up to 1024 slots, else split. */
    private void rehash(Table t) {
        final int newCapacity = 2 * t.capacity;
        if (newCapacity <= SwissRules.MAX_TABLE_CAPACITY) {
            grow(t, newCapacity);
        } else {
            split(t);
        }
    }

    /** grow (table.go:1091-1123): every full slot, in group and slot order, into a table twice as big. */
    private void grow(Table t, int newCapacity) {
        final Table nt = new Table(newCapacity, t.index, t.localDepth, layout);
        copyFull(t, nt, null, 0);
        replaceTable(nt);
        t.index = -1;
    }

    /** split (table.go:1043-1085): two full-size tables one level deeper, chosen by the next hash bit. */
    private void split(Table t) {
        final int depth = t.localDepth + 1;
        if (depth > SwissRules.MAX_GLOBAL_DEPTH) {
            WRITING.setOpaque(this, 0);
            throw new IllegalStateException("the map would need a directory of 2^" + depth
                + " tables; at most 2^" + SwissRules.MAX_GLOBAL_DEPTH + " are supported");
        }
        final Table left = new Table(SwissRules.MAX_TABLE_CAPACITY, -1, depth, layout);
        final Table right = new Table(SwissRules.MAX_TABLE_CAPACITY, -1, depth, layout);
        copyFull(t, left, right, SwissRules.localDepthMask(depth));
        installTableSplit(t, left, right);
        t.index = -1;
    }

    /** Re-inserts every full slot of {@code from} into {@code to}, or into {@code right} when hash &amp; bit != 0. */
    private void copyFull(Table from, Table to, Table right, long bit) {
        final long[] data = from.data;
        for (int g = 0; g <= from.lengthMask; g++) {
            final int base = from.slotBase(g);
            final long ctrl = data[from.ctrlIndex(g)];
            for (int j = 0; j < SLOTS; j++) {
                if ((SwissCtrl.get(ctrl, j) & EMPTY) == EMPTY) {
                    continue;
                }
                final long k = data[base + 1 + 2 * j];
                final long hash = hasher.hashLong(k, seed);
                uncheckedPut(right != null && (hash & bit) != 0 ? right : to, hash, k, data[base + 2 + 2 * j]);
            }
        }
    }

    /** replaceTable (map.go:344-352): the table into its 2^(globalDepth - localDepth) directory entries. */
    private void replaceTable(Table nt) {
        final int entries = 1 << (globalDepth - nt.localDepth);
        for (int i = 0; i < entries; i++) {
            dir[nt.index + i] = nt;
        }
    }

    /** installTableSplit (map.go:354-386): double the directory when needed, then install both halves. */
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
            setDirectory(newDir, globalDepth + 1);
        }
        left.index = old.index;
        replaceTable(left);
        final int entries = 1 << (globalDepth - left.localDepth);
        right.index = left.index + entries;
        replaceTable(right);
    }

    /**
     * pruneTombstones (1.26 table.go:497-585): when tombstones are at least 10 % of the table, mark
     * the groups some key's probe sequence passes through with a tombstone (and groups with an empty
     * slot) as needed; if the other groups' tombstones are at least 10 % of the table, make them empty.
     */
    private void pruneTombstones(Table t) {
        if (SwissRules.tombstones(t.capacity, t.used, t.growthLeft) * SwissRules.PRUNE_DIVISOR < t.capacity) {
            return;
        }
        final long[] data = t.data;
        final int mask = t.lengthMask;
        long neededLow = 0;
        long neededHigh = 0;
        for (int i = 0; i <= mask; i++) {
            final long ctrl = data[t.ctrlIndex(i)];
            long full = SwissCtrl.matchFull(ctrl);
            while (full != 0) {
                final int j = SwissCtrl.first(full);
                full = SwissCtrl.removeFirst(full);
                final long hash = hasher.hashLong(data[t.slotBase(i) + 1 + 2 * j], seed);
                int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
                for (int step = 1; g != i; g = (g + step++) & mask) {
                    if (SwissCtrl.matchEmptyOrDeleted(data[t.ctrlIndex(g)]) != 0) {
                        if (g < Long.SIZE) {
                            neededLow |= 1L << g;
                        } else {
                            neededHigh |= 1L << (g - Long.SIZE);
                        }
                    }
                }
            }
            if (SwissCtrl.matchEmpty(ctrl) != 0) {
                if (i < Long.SIZE) {
                    neededLow |= 1L << i;
                } else {
                    neededHigh |= 1L << (i - Long.SIZE);
                }
            }
        }
        int count = 0;
        for (int i = 0; i <= mask; i++) {
            if (!isNeeded(neededLow, neededHigh, i)) {
                count += Long.bitCount(SwissCtrl.matchEmptyOrDeleted(data[t.ctrlIndex(i)]));
            }
        }
        if (count * SwissRules.PRUNE_DIVISOR < t.capacity) {
            return;
        }
        for (int i = 0; i <= mask; i++) {
            if (isNeeded(neededLow, neededHigh, i)) {
                continue;
            }
            final int cb = t.ctrlIndex(i);
            long m = SwissCtrl.matchEmptyOrDeleted(data[cb]);
            while (m != 0) {
                final int k = SwissCtrl.first(m);
                m = SwissCtrl.removeFirst(m);
                data[cb] = SwissCtrl.set(data[cb], k, EMPTY);
                t.growthLeft++;
            }
        }
    }

    private static boolean isNeeded(long low, long high, int group) {
        return group < Long.SIZE ? (low >>> group & 1) != 0 : (high >>> (group - Long.SIZE) & 1) != 0;
    }

    // ------------------------------------------------------------------ delete and clear

    /** Removes {@code key}; returns its value, or {@code missing} if absent (Map.Delete, map.go:639-675). */
    public long remove(long key, long missing) {
        if (used == 0) {
            return missing;
        }
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        final long hash = hasher.hashLong(key, seed);
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ 1);
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

    /**
     * Removes every entry, keeping the capacity, and re-draws the seed (Map.Clear, map.go:725-760;
     * 1.26: also when the map holds only tombstones).
     */
    public void clear() {
        if (used == 0 && !tombstonePossible) {
            return;
        }
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ 1);
        if (dir == null) {
            Arrays.fill(small, 0L);
            small[0] = ALL_EMPTY;
            used = 0;
        } else {
            Table last = null;
            for (int i = 0; i < dirLen; i++) {
                final Table t = dir[i];
                if (t != last) {
                    clearTable(t);
                    last = t;
                }
            }
            used = 0;
            tombstonePossible = false;
        }
        clearSeq++;
        seed = seeds.getAsLong();
        endWrite();
    }

    /** table.Clear (table.go:494-503; 1.26: nothing to do without entries and tombstones). */
    private void clearTable(Table t) {
        final int max = SwissRules.maxGrowthLeft(t.capacity);
        if (version.prunesTombstones() && t.used == 0 && t.growthLeft == max) {
            return;
        }
        Arrays.fill(t.data, 0L);
        for (int g = 0; g <= t.lengthMask; g++) {
            t.data[t.ctrlIndex(g)] = ALL_EMPTY;
        }
        t.used = 0;
        t.growthLeft = max;
    }

    // ------------------------------------------------------------------ flags and randomness

    private void endWrite() {
        final int f = (int) WRITING.getOpaque(this);
        if (f == 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        WRITING.setOpaque(this, f ^ 1);
    }

    /** Test hook: sets Go's writing flag as a concurrent writer would. */
    void setWritingForTest(boolean on) {
        WRITING.setOpaque(this, on ? 1 : 0);
    }

    private static ConcurrentModificationException misuse(String message) {
        return new ConcurrentModificationException(message);
    }

    private long nextRandom() {
        long z = randomState += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
     */
    public final class Iterator {
        private final boolean active;
        private long entryOffset;
        private long dirOffset;
        private int itGlobalDepth;
        private int dirIdx;
        private Table tab;
        private long[] groupData;
        /** Start of the current group in groupData; -1 when Go's it.group is nil. */
        private int groupBase = -1;
        /** Index of the current group's control word in groupData. */
        private int groupCtrl;
        private long entryIdx;
        private boolean positioned;
        private long key;
        private long value;

        Iterator() {
            if (used == 0) {
                active = false;
                return;
            }
            active = true;
            if (dir == null) {
                dirIdx = -1;
                groupData = small;
                groupBase = 0;
                groupCtrl = 0;
            }
            entryOffset = nextRandom();
            dirOffset = nextRandom();
            itGlobalDepth = globalDepth;
        }

        /** Moves to the next entry; false when the iteration is over (Iter.Next). */
        public boolean next() {
            positioned = false;
            if (!active) {
                return false;
            }
            if (writing != 0) {
                throw misuse(GoMapRules.CONCURRENT_ITERATION_WRITE);
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
                    int di = (int) ((dirIdx + dirOffset) & (dirLen - 1));
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
                if (slot == 0 || groupBase < 0) {
                    groupData = tab.data;
                    groupBase = tab.slotBase((int) (ei >>> 3));
                    groupCtrl = tab.ctrlIndex((int) (ei >>> 3));
                }
                if ((SwissCtrl.get(groupData[groupCtrl], slot) & EMPTY) == 0) {
                    if (emit(slot)) {
                        entryIdx++;
                        return true;
                    }
                }
                entryIdx++;
                long groupMatch = 0;
                while (entryIdx <= entryMask) {
                    ei = (entryIdx + entryOffset) & entryMask;
                    slot = (int) (ei & (SLOTS - 1));
                    if (slot == 0 || groupBase < 0) {
                        groupData = tab.data;
                        groupBase = tab.slotBase((int) (ei >>> 3));
                        groupCtrl = tab.ctrlIndex((int) (ei >>> 3));
                    }
                    if (groupMatch == 0) {
                        groupMatch = SwissCtrl.matchFull(groupData[groupCtrl]);
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

        /**
         * Reads the full slot of the current group into key/value: directly from a live table, or by
         * a lookup in the map when the table was replaced since (false if the key is gone).
         */
        private boolean emit(int slot) {
            final long k = groupData[groupBase + 1 + 2 * slot];
            if (tab.index == -1) {
                final int at = locate(k);
                if (at == NOT_FOUND) {
                    return false;
                }
                value = locatedData[at];
            } else {
                value = groupData[groupBase + 2 + 2 * slot];
            }
            key = k;
            positioned = true;
            return true;
        }

        /** The small-map walk (table.go:687-740): the group seen at the start, looked up again after growth. */
        private boolean nextSmall() {
            for (; entryIdx < SLOTS; entryIdx++) {
                final int k = (int) ((entryIdx + entryOffset) & (SLOTS - 1));
                if ((SwissCtrl.get(groupData[0], k) & EMPTY) == EMPTY) {
                    continue;
                }
                final long slotKey = groupData[1 + 2 * k];
                if (dir != null) {
                    final int at = locate(slotKey);
                    if (at == NOT_FOUND) {
                        continue;
                    }
                    value = locatedData[at];
                } else {
                    value = groupData[2 + 2 * k];
                }
                key = slotKey;
                positioned = true;
                entryIdx++;
                return true;
            }
            return false;
        }

        /** nextDirIdx (table.go:590-622): skip every directory entry the finished table covered. */
        private void nextDirIdx() {
            dirIdx += 1 << (globalDepth - tab.localDepth);
            tab = null;
            groupBase = -1;
            entryIdx = 0;
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
            Table last = null;
            for (int d = 0; d < dirLen; d++) {
                final Table t = dir[d];
                if (t == last) {
                    continue;
                }
                last = t;
                for (int g = 0; g <= t.lengthMask; g++) {
                    long full = SwissCtrl.matchFull(t.data[t.ctrlIndex(g)]);
                    while (full != 0) {
                        probeCost(t.data[t.slotBase(g) + 1 + 2 * SwissCtrl.first(full)], hit);
                        full = SwissCtrl.removeFirst(full);
                    }
                }
            }
            for (long k : absentKeys) {
                probeCost(k, miss);
            }
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
     * Checks every structural invariant and throws IllegalStateException naming the first broken
     * one: control bytes valid and agreeing with the keys' H2, every key reachable on its probe
     * sequence and in the right table, no key twice, used/growthLeft/tombstone counts consistent,
     * directory entries consistent with the tables' local depths and indexes.
     */
    public void verifyInvariants() {
        if (dir == null) {
            verifySmall();
            return;
        }
        check(dirLen == 1 << globalDepth, "dirLen " + dirLen + " != 2^globalDepth " + globalDepth);
        check(small == null, "a map with tables still has a small group");
        long total = 0;
        final Set<Long> seen = new HashSet<>();
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

    private void verifySmall() {
        if (small == null) {
            check(used == 0, "no storage but used = " + used);
            return;
        }
        int full = 0;
        final Set<Long> seen = new HashSet<>();
        for (int i = 0; i < SLOTS; i++) {
            final int c = SwissCtrl.get(small[0], i);
            check(c == EMPTY || c < EMPTY, "small map slot " + i + " has control byte " + c);
            if (c < EMPTY) {
                full++;
                final long k = small[1 + 2 * i];
                check(seen.add(k), "small map holds key " + k + " twice");
                check(c == (hasher.hashLong(k, seed) & SwissCtrl.H2_MASK), "small map key " + k + " has a wrong H2");
            }
        }
        check(full == used, "small map has " + full + " full slots, used says " + used);
    }

    private void verifyTable(Table t, int index, int span, Set<Long> seen) {
        check(t.capacity >= SLOTS && t.capacity <= SwissRules.MAX_TABLE_CAPACITY
            && Integer.bitCount(t.capacity) == 1, "table capacity " + t.capacity);
        check(t.data.length == (t.lengthMask + 1) * GROUP_LONGS, "table array length");
        int full = 0;
        int deleted = 0;
        for (int g = 0; g <= t.lengthMask; g++) {
            final int base = t.slotBase(g);
            for (int s = 0; s < SLOTS; s++) {
                final int c = SwissCtrl.get(t.data[t.ctrlIndex(g)], s);
                if (c == DELETED) {
                    deleted++;
                } else if (c < EMPTY) {
                    full++;
                    final long k = t.data[base + 1 + 2 * s];
                    check(seen.add(k), "key " + k + " is in the map twice");
                    final long hash = hasher.hashLong(k, seed);
                    check(c == (hash & SwissCtrl.H2_MASK), "key " + k + " has control byte " + c);
                    final int di = SwissRules.directoryIndex(hash, dirLen, globalDepth);
                    check(di >= index && di < index + span, "key " + k + " belongs to directory entry " + di);
                    verifyReachable(t, hash, g, k);
                } else {
                    check(c == EMPTY, "control byte " + c + " is neither empty, deleted nor full");
                }
            }
        }
        check(full == t.used, "table at " + index + " has " + full + " full slots, used says " + t.used);
        check(t.growthLeft >= 0, "negative growthLeft");
        check(deleted == SwissRules.tombstones(t.capacity, t.used, t.growthLeft), "table at " + index + " has "
            + deleted + " tombstones, capacity*7/8 - used - growthLeft = "
            + SwissRules.tombstones(t.capacity, t.used, t.growthLeft));
    }

    private void verifyReachable(Table t, long hash, int home, long k) {
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & t.lengthMask;
        for (int step = 1; g != home; g = (g + step++) & t.lengthMask) {
            check(SwissCtrl.matchEmpty(t.data[t.ctrlIndex(g)]) == 0,
                "key " + k + " is unreachable: group " + g + " on its probe sequence has an empty slot");
            check(step <= t.lengthMask + 1, "key " + k + " is not on its probe sequence");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
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

    /** Package-private for tests: whether a table delete may have left a tombstone (Go's tombstonePossible). */
    boolean tombstonePossible() {
        return tombstonePossible;
    }
}
