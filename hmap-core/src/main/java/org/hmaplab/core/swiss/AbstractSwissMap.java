package org.hmaplab.core.swiss;

import static org.hmaplab.core.swiss.SwissCtrl.DELETED;
import static org.hmaplab.core.swiss.SwissCtrl.EMPTY;
import static org.hmaplab.core.swiss.SwissCtrl.SLOTS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.hmaplab.core.GoMapRules;
import org.hmaplab.hash.Hasher;

/**
 * The state machine of Go's Swiss-table map ({@code internal/runtime/maps}: map.go, table.go),
 * written once for both Swiss maps. Rule numbers and Go source lines are in docs/go-swiss-map.md.
 *
 * <h2>The split</h2>
 * Go keeps its state machine in map.go and table.go and copies only the per-key-type access,
 * assign and delete paths into {@code runtime_fast64.go}. This class is the map.go/table.go part,
 * with the storage left to its two subclasses:
 * <ul>
 * <li><b>Here, once:</b> the header ({@code Map}: used, seed, directory, dirLen, globalDepth,
 * writing, clearSeq, tombstonePossible), the writing flag and the misuse checks, the seeds and the
 * private random stream, NewMap's directory for a size hint, growToTable, rehash (grow or split),
 * replaceTable, installTableSplit, pruneTombstones, Clear, the iterator's walk ({@link Cursor}:
 * Iter.Init and Iter.Next), {@code stats()}, the shared part of {@code probeStats} and
 * {@code verifyInvariants()}.</li>
 * <li><b>In the subclass:</b> the storage (a {@link SwissTable} subclass and the small group),
 * the hashing of its key type, and the hot paths: the lookup probes of every style and layout,
 * assign's probe (PutSlot) and delete's probe, read straight from the subclass's own arrays with
 * nothing virtual in a probe loop. The state machine reaches a slot's key and value only through
 * the storage hooks below ({@link #slotHash}, {@link #copySlot}, {@link #slotKey}, ...).</li>
 * </ul>
 * {@link SwissRules} and {@link SwissCtrl} hold the pure rules both use (constants, capacities,
 * the control-word matches). Built with the same seeds, both maps make the same growths and
 * iterate in the same order; every recorded trace of the real Go runtime is replayed through both
 * ({@code SwissHeaderDifferentialTest}).
 *
 * <p>Not thread-safe; the misuse checks are best effort, as Go's are.
 *
 * @param <T> the table storage of the subclass
 */
abstract class AbstractSwissMap<T extends SwissTable> {
    /** Where random seeds come from when the caller gives none. */
    static final SecureRandom SEED_SOURCE = new SecureRandom();
    /** The splitmix64 increment of the private random stream. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** probeStats counters: groups read, lookups, keys found, false H2 candidates. */
    static final int PROBE_GROUPS = 0;
    static final int PROBE_LOOKUPS = 1;
    static final int PROBE_FOUND = 2;
    static final int PROBE_FALSE = 3;
    static final int PROBE_COUNTERS = 4;
    private static final VarHandle WRITING;

    static {
        try {
            WRITING = MethodHandles.lookup().findVarHandle(AbstractSwissMap.class, "writing", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Hasher hasher;
    final LongSupplier seeds;
    final SwissVersion version;
    final SwissLookupStyle style;
    /** style == VECTOR, read by the hot paths' match. */
    final boolean vector;
    /** {@link SwissCtrl#firstShift}: bit index of a match to slot index. */
    final int firstShift;

    /** Map.seed (64 bits here). */
    long seed;
    /** Map.used. */
    int used;
    /** Map.dirPtr with dirLen &gt; 0: 2^globalDepth entries; null while the map is small or has no storage. */
    T[] dir;
    /** Map.dirLen. */
    int dirLen;
    /** Map.globalDepth. */
    int globalDepth;
    /**
     * Go's writing flag, toggled by writers. Writers use opaque access through {@link #WRITING}, so
     * that the JIT cannot fold a write's toggle pair away; readers read it plainly, as Go's
     * lookups do.
     */
    int writing;
    /** Map.clearSeq: the number of clears that did work. */
    long clearSeq;
    /** Map.tombstonePossible (1.25+): a table delete may have left a tombstone. */
    boolean tombstonePossible;
    /** State of the map's private random stream (Go's rand()): iteration offsets. */
    private long randomState;

    /**
     * The header of a map whose seeds come from {@code seeds} (the first call gives the initial
     * seed, every later call a re-drawn one); the subclass then calls {@link #allocateForHint}.
     */
    AbstractSwissMap(Hasher hasher, LongSupplier seeds, SwissVersion version, SwissLookupStyle style) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.seeds = Objects.requireNonNull(seeds, "seeds");
        this.version = Objects.requireNonNull(version, "version");
        this.style = Objects.requireNonNull(style, "style");
        this.vector = style == SwissLookupStyle.VECTOR;
        this.firstShift = SwissCtrl.firstShift(style);
        this.seed = seeds.getAsLong();
        this.randomState = seed ^ GOLDEN_GAMMA;
    }

    /**
     * A seed supplier that gives {@code first}, then values of {@code new SplittableRandom(first)}:
     * the classic maps' {@link GoMapRules#seedsStartingWith}, so both models re-draw alike.
     */
    static LongSupplier firstThen(long first) {
        return GoMapRules.seedsStartingWith(first);
    }

    /**
     * NewMap (map.go:280-318): above 8 entries, a directory of 2^k tables sharing the target
     * capacity; nothing for smaller hints.
     */
    final void allocateForHint(int hint) {
        if (hint <= SLOTS) {
            return;
        }
        final long target = SwissRules.targetCapacity(hint);
        final long dirSize = SwissRules.directorySize(target);
        final int depth = Long.numberOfTrailingZeros(dirSize);
        if (depth > SwissRules.MAX_GLOBAL_DEPTH) {
            throw new IllegalArgumentException("size hint " + hint + " needs 2^" + depth + " tables; at most 2^"
                + SwissRules.MAX_GLOBAL_DEPTH + " are supported");
        }
        final T[] d = newDirectory((int) dirSize);
        for (int i = 0; i < d.length; i++) {
            d[i] = newTable(target / dirSize, i, depth);
        }
        setDirectory(d, depth);
    }

    /** Installs a new directory of 2^depth entries. */
    private void setDirectory(T[] d, int depth) {
        dir = d;
        dirLen = d.length;
        globalDepth = depth;
    }

    // ------------------------------------------------------------------ storage hooks

    /** An empty table (newTable, table.go:74-98) of {@code tableCapacity(capacity)} slots. */
    abstract T newTable(long capacity, int index, int localDepth);

    /** A directory array of this map's table type (the hot paths read it without a failing cast). */
    abstract T[] newDirectory(int length);

    /** The hash, under the current seed, of the key in a full slot. */
    abstract long slotHash(T t, int g, int slot);

    /** uncheckedPutSlot (table.go:376-413) of a full slot's key and value (hash {@code hash}) into {@code to}. */
    abstract void copySlot(T from, int g, int slot, T to, long hash);

    /** Whether a full slot's key equals itself (pruneTombstones protects only keys a lookup can find). */
    boolean findableKey(T t, int g, int slot) {
        return true;
    }

    /** The key of a full slot, boxed (verifyInvariants and its messages). */
    abstract Object slotKey(T t, int g, int slot);

    /** verifyInvariants: storage checks of a table (none by default). */
    void checkStorage(T t) {
    }

    /** Whether the map holds a small group (Go's dirPtr with dirLen 0). */
    abstract boolean hasSmallGroup();

    /** The control word of the small group. */
    abstract long smallCtrl();

    /** The key of a full slot of the small group, boxed. */
    abstract Object smallKey(int slot);

    /** The hash, under the current seed, of the key in a full slot of the small group. */
    abstract long smallSlotHash(int slot);

    /** uncheckedPutSlot of a full slot of the small group into {@code to}. */
    abstract void copySmallSlot(int slot, T to, long hash);

    /** Forgets the small group (its storage stays as it is for iterators that still walk it). */
    abstract void dropSmallGroup();

    /** Clear of a small map: every slot of the group empty, keys and values dropped. */
    abstract void clearSmallGroup();

    /** probeStats: adds the probe of a full slot's key to {@code cost}. */
    abstract void probeSlot(T t, int g, int slot, long[] cost);

    // ------------------------------------------------------------------ the writing flag (rule 10.1)

    /** A writer's check before it hashes: a writer that finds the flag set fails. */
    final void checkNotWriting() {
        if ((int) WRITING.getOpaque(this) != 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
    }

    /** {@code m.writing ^= 1} (map.go:487), after hashing. */
    final void toggleWriting() {
        WRITING.setOpaque(this, (int) WRITING.getOpaque(this) ^ 1);
    }

    /** A writer's end: fails if another writer cleared the flag meanwhile, else clears it. */
    final void endWrite() {
        final int f = (int) WRITING.getOpaque(this);
        if (f == 0) {
            throw misuse(GoMapRules.CONCURRENT_WRITES);
        }
        WRITING.setOpaque(this, f ^ 1);
    }

    /** A write that fails (a size limit, a key's own exception) clears its flag, so later calls see that error. */
    final void abandonWrite() {
        WRITING.setOpaque(this, 0);
    }

    /** Test hook: sets Go's writing flag as a concurrent writer would. */
    final void setWritingForTest(boolean on) {
        WRITING.setOpaque(this, on ? 1 : 0);
    }

    /** Go's fatal for a misuse, as an exception with Go's message. */
    static ConcurrentModificationException misuse(String message) {
        return new ConcurrentModificationException(message);
    }

    /** One draw of the per-map random stream (splitmix64), standing in for Go's rand(). */
    private long nextRandom() {
        long z = randomState += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
            return hasSmallGroup() ? 1 : 0;
        }
        long n = 0;
        T last = null;
        for (int i = 0; i < dirLen; i++) {
            final T t = dir[i];
            if (t != last) {
                n += t.lengthMask + 1;
                last = t;
            }
        }
        return n;
    }

    /** Package-private for tests: whether a table delete may have left a tombstone (Go's tombstonePossible). */
    final boolean tombstonePossible() {
        return tombstonePossible;
    }

    // ------------------------------------------------------------------ growth (rules 4.5, 5.1-5.4, 7.1)

    /** growToTable (map.go:600-637): the small group's entries into a 16-slot table, a one-entry directory. */
    final T growToTable() {
        final T t = newTable(SwissRules.FIRST_TABLE_CAPACITY, 0, 0);
        final long ctrl = smallCtrl();
        for (int i = 0; i < SLOTS; i++) {
            if ((SwissCtrl.get(ctrl, i) & EMPTY) == EMPTY) {
                continue;
            }
            copySmallSlot(i, t, smallSlotHash(i));
        }
        final T[] d = newDirectory(1);
        d[0] = t;
        setDirectory(d, 0);
        dropSmallGroup();
        return t;
    }

    /** rehash (table.go:1009-1032): double up to 1024 slots, else split. */
    final void rehash(T t) {
        final int newCapacity = 2 * t.capacity;
        if (newCapacity <= SwissRules.MAX_TABLE_CAPACITY) {
            grow(t, newCapacity);
        } else {
            split(t);
        }
    }

    /** grow (table.go:1091-1123): every full slot, in group and slot order, into a table twice as big. */
    private void grow(T t, int newCapacity) {
        final T nt = newTable(newCapacity, t.index, t.localDepth);
        copyFull(t, nt, null, 0);
        replaceTable(nt);
        t.index = -1;
    }

    /**
     * split (table.go:1043-1085): two full-size tables one level deeper, chosen by the next hash bit.
     * A split beyond {@link SwissRules#MAX_GLOBAL_DEPTH} changes nothing and throws, after clearing
     * the writing flag.
     */
    private void split(T t) {
        final int depth = t.localDepth + 1;
        if (depth > SwissRules.MAX_GLOBAL_DEPTH) {
            abandonWrite();
            throw new IllegalStateException("the map would need a directory of 2^" + depth
                + " tables; at most 2^" + SwissRules.MAX_GLOBAL_DEPTH + " are supported");
        }
        final T left = newTable(SwissRules.MAX_TABLE_CAPACITY, -1, depth);
        final T right = newTable(SwissRules.MAX_TABLE_CAPACITY, -1, depth);
        copyFull(t, left, right, SwissRules.localDepthMask(depth));
        installTableSplit(t, left, right);
        t.index = -1;
    }

    /** Re-inserts every full slot of {@code from} into {@code to}, or into {@code right} when hash &amp; bit != 0. */
    private void copyFull(T from, T to, T right, long bit) {
        for (int g = 0; g <= from.lengthMask; g++) {
            final long ctrl = from.ctrl(g);
            for (int j = 0; j < SLOTS; j++) {
                if ((SwissCtrl.get(ctrl, j) & EMPTY) == EMPTY) {
                    continue;
                }
                final long hash = slotHash(from, g, j);
                copySlot(from, g, j, right != null && (hash & bit) != 0 ? right : to, hash);
            }
        }
    }

    /** replaceTable (map.go:344-352): the table into its 2^(globalDepth - localDepth) directory entries. */
    private void replaceTable(T nt) {
        final int entries = 1 << (globalDepth - nt.localDepth);
        for (int i = 0; i < entries; i++) {
            dir[nt.index + i] = nt;
        }
    }

    /** installTableSplit (map.go:354-386): double the directory when needed, then install both halves. */
    private void installTableSplit(T old, T left, T right) {
        if (old.localDepth == globalDepth) {
            final T[] newDir = newDirectory(dirLen * 2);
            for (int i = 0; i < dirLen; i++) {
                final T t = dir[i];
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
     * A key not equal to itself is never looked up, so its probe sequence needs no protection.
     */
    final void pruneTombstones(T t) {
        if (SwissRules.tombstones(t.capacity, t.used, t.growthLeft) * SwissRules.PRUNE_DIVISOR < t.capacity) {
            return;
        }
        final int mask = t.lengthMask;
        long neededLow = 0;
        long neededHigh = 0;
        for (int i = 0; i <= mask; i++) {
            final long ctrl = t.ctrl(i);
            long full = SwissCtrl.matchFull(ctrl);
            while (full != 0) {
                final int j = SwissCtrl.first(full);
                full = SwissCtrl.removeFirst(full);
                if (!findableKey(t, i, j)) {
                    continue;
                }
                final long hash = slotHash(t, i, j);
                int g = (int) (hash >>> SwissCtrl.H2_BITS) & mask;
                for (int step = 1; g != i; g = (g + step++) & mask) {
                    if (SwissCtrl.matchEmptyOrDeleted(t.ctrl(g)) != 0) {
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
                count += Long.bitCount(SwissCtrl.matchEmptyOrDeleted(t.ctrl(i)));
            }
        }
        if (count * SwissRules.PRUNE_DIVISOR < t.capacity) {
            return;
        }
        for (int i = 0; i <= mask; i++) {
            if (isNeeded(neededLow, neededHigh, i)) {
                continue;
            }
            long m = SwissCtrl.matchEmptyOrDeleted(t.ctrl(i));
            while (m != 0) {
                final int k = SwissCtrl.first(m);
                m = SwissCtrl.removeFirst(m);
                t.setCtrl(i, SwissCtrl.set(t.ctrl(i), k, EMPTY));
                t.growthLeft++;
            }
        }
    }

    /** Whether group {@code group} is marked in the 128-bit set low/high (a table has at most 128 groups). */
    private static boolean isNeeded(long low, long high, int group) {
        return group < Long.SIZE ? (low >>> group & 1) != 0 : (high >>> (group - Long.SIZE) & 1) != 0;
    }

    // ------------------------------------------------------------------ clear (rules 8.1, 8.2)

    /**
     * Removes every entry, keeping the capacity, and re-draws the seed (Map.Clear, map.go:725-760;
     * 1.26: also when the map holds only tombstones).
     */
    public void clear() {
        if (used == 0 && !tombstonePossible) {
            return;
        }
        checkNotWriting();
        toggleWriting();
        if (dir == null) {
            clearSmallGroup();
            used = 0;
        } else {
            T last = null;
            for (int i = 0; i < dirLen; i++) {
                final T t = dir[i];
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
    private void clearTable(T t) {
        final int max = SwissRules.maxGrowthLeft(t.capacity);
        if (version.prunesTombstones() && t.used == 0 && t.growthLeft == max) {
            return;
        }
        t.reset();
        t.used = 0;
        t.growthLeft = max;
    }

    // ------------------------------------------------------------------ iteration (rules 9.1-9.5)

    /**
     * Go's Iter (table.go:505-1004): Init and Next over the storage. It starts at a random entry
     * offset and a random directory offset, walks the table it found even after that table was
     * replaced, and adjusts its directory index when the directory doubles. The subclass reads the
     * entry: {@link #emit} for a slot of a table (looking the key up in the live map when the table
     * was replaced), {@link #emitSmall} for a slot of the small group seen at the start (looked up
     * again when the map has grown since).
     */
    abstract class Cursor {
        private final boolean active;
        private long entryOffset;
        private long dirOffset;
        private int itGlobalDepth;
        private int dirIdx;
        private T tab;
        /** The current group of {@link #tab}; -1 when Go's it.group is nil. */
        private int group = -1;
        private long entryIdx;

        /** Iter.Init (table.go:542-564): nothing to do on an empty map, else two random offsets. */
        Cursor() {
            if (used == 0) {
                active = false;
                return;
            }
            active = true;
            if (dir == null) {
                dirIdx = -1;
                group = 0;
            }
            entryOffset = nextRandom();
            dirOffset = nextRandom();
            itGlobalDepth = globalDepth;
        }

        /**
         * Reads the full slot {@code slot} of group {@code g} of {@code t} as the current entry:
         * directly from a live table, or by a lookup in the map when the table was replaced since
         * (false if the key is gone).
         */
        abstract boolean emit(T t, int g, int slot);

        /**
         * Reads the full slot {@code slot} of the small group seen at the start as the current
         * entry: directly while the map is small, else by a lookup in the map (false if gone).
         */
        abstract boolean emitSmall(int slot);

        /** The control word of the small group seen at the start. */
        abstract long smallCtrlWord();

        /** Iter.Next: moves to the next entry; false when the iteration is over. */
        final boolean advance() {
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
                    final int di = (int) ((dirIdx + dirOffset) & (dirLen - 1));
                    final T nt = dir[di];
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
                    group = (int) (ei >>> 3);
                }
                if ((SwissCtrl.get(tab.ctrl(group), slot) & EMPTY) == 0 && emit(tab, group, slot)) {
                    entryIdx++;
                    return true;
                }
                entryIdx++;
                long groupMatch = 0;
                while (entryIdx <= entryMask) {
                    ei = (entryIdx + entryOffset) & entryMask;
                    slot = (int) (ei & (SLOTS - 1));
                    if (slot == 0 || group < 0) {
                        group = (int) (ei >>> 3);
                    }
                    if (groupMatch == 0) {
                        groupMatch = SwissCtrl.matchFull(tab.ctrl(group));
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
                    final boolean found = emit(tab, group, slot);
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

        /** The small-map walk (table.go:687-740): the group seen at the start, looked up again after growth. */
        private boolean nextSmall() {
            for (; entryIdx < SLOTS; entryIdx++) {
                final int k = (int) ((entryIdx + entryOffset) & (SLOTS - 1));
                if ((SwissCtrl.get(smallCtrlWord(), k) & EMPTY) == EMPTY) {
                    continue;
                }
                if (emitSmall(k)) {
                    entryIdx++;
                    return true;
                }
            }
            return false;
        }

        /** nextDirIdx (table.go:590-622): skip every directory entry the finished table covered. */
        private void nextDirIdx() {
            dirIdx += 1 << (globalDepth - tab.localDepth);
            tab = null;
            group = -1;
            entryIdx = 0;
        }
    }

    // ------------------------------------------------------------------ introspection

    /** Go's header and table fields now (see {@link SwissStats}). */
    public SwissStats stats() {
        final List<SwissTableStats> tables = new ArrayList<>();
        if (dir == null) {
            return SwissStats.of(used, 0, 0, tables);
        }
        T last = null;
        for (int i = 0; i < dirLen; i++) {
            final T t = dir[i];
            if (t != last) {
                tables.add(new SwissTableStats(t.capacity, t.localDepth, t.used, t.growthLeft, t.index));
                last = t;
            }
        }
        return SwissStats.of(used, dirLen, globalDepth, tables);
    }

    /** probeStats: one probe of every full slot's key of every distinct table, added to {@code hit}. */
    final void probeEveryTableKey(long[] hit) {
        T last = null;
        for (int d = 0; d < dirLen; d++) {
            final T t = dir[d];
            if (t == last) {
                continue;
            }
            last = t;
            for (int g = 0; g <= t.lengthMask; g++) {
                long full = SwissCtrl.matchFull(t.ctrl(g));
                while (full != 0) {
                    probeSlot(t, g, SwissCtrl.first(full), hit);
                    full = SwissCtrl.removeFirst(full);
                }
            }
        }
    }

    /** probeStats' answer from its counters; a miss that found its key is an error of the caller. */
    static SwissProbeStats probeResult(long[] hit, long[] miss) {
        if (miss[PROBE_FOUND] != 0) {
            throw new IllegalArgumentException("probeStats: a key given as absent is in the map");
        }
        return new SwissProbeStats(hit[PROBE_LOOKUPS], ratio(hit[PROBE_GROUPS], hit[PROBE_LOOKUPS]),
            ratio(hit[PROBE_FALSE], hit[PROBE_LOOKUPS]), miss[PROBE_LOOKUPS],
            ratio(miss[PROBE_GROUPS], miss[PROBE_LOOKUPS]), ratio(miss[PROBE_FALSE], miss[PROBE_LOOKUPS]));
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    // ------------------------------------------------------------------ invariants

    /**
     * Checks every structural invariant and throws IllegalStateException naming the first broken
     * one: control bytes valid and agreeing with the keys' H2, every key reachable on its probe
     * sequence and in the right table, no key twice (and no null key), used/growthLeft/tombstone
     * counts consistent, directory entries consistent with the tables' local depths and indexes.
     */
    public void verifyInvariants() {
        final Set<Object> seen = new HashSet<>();
        if (dir == null) {
            verifySmall(seen);
            return;
        }
        check(dirLen == 1 << globalDepth, "dirLen " + dirLen + " != 2^globalDepth " + globalDepth);
        check(!hasSmallGroup(), "a map with tables still has a small group");
        long total = 0;
        int i = 0;
        while (i < dirLen) {
            final T t = dir[i];
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

    private void verifySmall(Set<Object> seen) {
        if (!hasSmallGroup()) {
            check(used == 0, "no storage but used = " + used);
            return;
        }
        final long ctrl = smallCtrl();
        int full = 0;
        for (int i = 0; i < SLOTS; i++) {
            final int c = SwissCtrl.get(ctrl, i);
            check(c == EMPTY || c < EMPTY, "small map slot " + i + " has control byte " + c);
            if (c < EMPTY) {
                full++;
                final Object k = smallKey(i);
                check(k != null && seen.add(k), "small map slot " + i + " holds key " + k + ": null or twice");
                check(c == (smallSlotHash(i) & SwissCtrl.H2_MASK), "small map key " + k + " has a wrong H2");
            }
        }
        check(full == used, "small map has " + full + " full slots, used says " + used);
    }

    private void verifyTable(T t, int index, int span, Set<Object> seen) {
        check(t.capacity >= SLOTS && t.capacity <= SwissRules.MAX_TABLE_CAPACITY
            && Integer.bitCount(t.capacity) == 1, "table capacity " + t.capacity);
        checkStorage(t);
        int full = 0;
        int deleted = 0;
        for (int g = 0; g <= t.lengthMask; g++) {
            for (int s = 0; s < SLOTS; s++) {
                final int c = SwissCtrl.get(t.ctrl(g), s);
                if (c == DELETED) {
                    deleted++;
                } else if (c < EMPTY) {
                    full++;
                    final Object k = slotKey(t, g, s);
                    check(k != null && seen.add(k), "key " + k + " is null or in the map twice");
                    final long hash = slotHash(t, g, s);
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

    private void verifyReachable(T t, long hash, int home, Object k) {
        int g = (int) (hash >>> SwissCtrl.H2_BITS) & t.lengthMask;
        for (int step = 1; g != home; g = (g + step++) & t.lengthMask) {
            check(SwissCtrl.matchEmpty(t.ctrl(g)) == 0,
                "key " + k + " is unreachable: group " + g + " on its probe sequence has an empty slot");
            check(step <= t.lengthMask + 1, "key " + k + " is not on its probe sequence");
        }
    }

    /** Throws IllegalStateException with {@code what} unless {@code ok}. */
    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
