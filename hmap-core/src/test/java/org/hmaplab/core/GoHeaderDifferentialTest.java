package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test of both classic maps, {@link GoLongLongMap} and {@code GoMap<Long, Long>}
 * (through {@link ClassicMapUnderTest}), against the real Go 1.19 runtime.
 *
 * <p>{@code src/test/go/mapheader} ran eight scenarios of at least 200,000 operations on a live Go
 * {@code map[int64]int64} under the runtime's fallback hash and recorded its {@code hmap} header
 * (count, B, the sameSizeGrow flag, noverflow, nevacuate, oldbuckets != nil, and the effective
 * seed {@code hash0 ^ hashkey[0]}) after every operation ({@code resources/go-diff}). This test
 * regenerates each scenario's operations ({@link GoDiffOps}, a mirror of the Go program), replays
 * them on each map, which uses the {@code go} hasher and is fed the same seeds Go drew, and
 * requires the header to agree after every operation, for every {@link LookupStyle}: lookups must
 * not change the structure. Because the header after a growth depends on which bucket every key
 * hashed to, agreement over a run pins the hash, the growth triggers, the incremental evacuation
 * order and the overflow accounting together.
 *
 * <p>Besides the header, each op checks what Go's semantics say it returns (put of a fresh key
 * returns the missing value, of a live key the old value, remove returns whether the key was
 * there, a get after a write sees it), {@code verifyInvariants()} runs at intervals, and at the
 * end the map's own growth counters must equal the doublings and same-size growths Go went
 * through.
 */
class GoHeaderDifferentialTest {
    /** Never an op's value (values are op indices), so it marks "absent". */
    private static final long MISSING = Long.MIN_VALUE;
    /** verifyInvariants() is O(size): run it every this many ops, and at every growth start and end. */
    private static final int VERIFY_EVERY = 1000;
    /** Above this many entries the periodic check runs only every VERIFY_EVERY_LARGE ops. */
    private static final int LARGE = 20_000;
    private static final int VERIFY_EVERY_LARGE = 25_000;

    /**
     * Every map, every scenario with every lookup style, once more with the hot-key cache on, and
     * for GoLongLongMap once with unpaged storage (the other rows use the default, paged; GoMap
     * has no paged storage).
     */
    static Stream<Arguments> scenariosAndOptions() {
        final List<Arguments> all = new ArrayList<>();
        for (ClassicMapUnderTest.Kind kind : ClassicMapUnderTest.Kind.values()) {
            for (String s : GoHeaderTrace.SCENARIOS) {
                for (LookupStyle style : LookupStyle.values()) {
                    all.add(Arguments.of(kind, s, style, false, true));
                }
                all.add(Arguments.of(kind, s, LookupStyle.GENERIC, true, true));
                if (kind == ClassicMapUnderTest.Kind.LONG_LONG) {
                    all.add(Arguments.of(kind, s, LookupStyle.GENERIC, false, false));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}, {2} lookups, hot-key cache {3}, paged {4}")
    @MethodSource("scenariosAndOptions")
    void headerAgreesWithTheGoRuntimeAfterEveryOperation(ClassicMapUnderTest.Kind kind, String scenario,
                                                         LookupStyle style, boolean hotKeyCache, boolean paged) {
        final GoHeaderTrace trace = GoHeaderTrace.of(scenario);
        final Replayer replayer = new Replayer(kind, trace, MapOptions.DEFAULT.withLookupStyle(style)
            .withHotKeyCache(hotKeyCache).withPaged(paged));
        final MapHeader initial = replayer.map.header();
        assertEquals(new MapHeader(0, trace.initialB, false, 0, 0, false, trace.initialSeed), initial,
            scenario + ": the new map's header differs from the runtime's before the first op");
        GoDiffOps.replay(trace, replayer);
        assertEquals(trace.ops, replayer.ops(), scenario + ": the Java replay made a different number of ops than Go");
        assertEquals(trace.redrawnSeeds.length + 1, replayer.seedsDrawn,
            scenario + ": seeds drawn by the map (initial one included)");
        final MapStats stats = replayer.map.stats();
        assertEquals(trace.summary("doublings"), stats.doublingGrowths(), scenario + ": doubling growths");
        assertEquals(trace.summary("sameSize"), stats.sameSizeGrowths(), scenario + ": same-size growths");
        replayer.map.verifyInvariants();
    }

    /** Performs each op on the map and compares its header with Go's after it. */
    private static final class Replayer implements GoDiffOps.Sink {
        private static final String[] OP_NAMES = {"insert", "update", "delete (present)", "delete (absent)", "clear"};
        private static final int INSERT = 0;
        private static final int UPDATE = 1;
        private static final int DELETE_PRESENT = 2;
        private static final int DELETE_ABSENT = 3;
        private static final int CLEAR = 4;

        final GoHeaderTrace trace;
        final MapOptions options;
        final ClassicMapUnderTest map;
        int seedsDrawn;
        private int ops;
        private int opKind;
        private long opKey;
        private boolean wasGrowing;

        Replayer(ClassicMapUnderTest.Kind kind, GoHeaderTrace trace, MapOptions options) {
            this.trace = trace;
            this.options = options;
            this.map = kind.create(Hashers.byName("go"), this::nextSeed, trace.hint, options);
        }

        /** The initial seed, then the re-drawn ones in the order Go drew them. */
        private long nextSeed() {
            final int k = seedsDrawn++;
            if (k == 0) {
                return trace.initialSeed;
            }
            if (k - 1 >= trace.redrawnSeeds.length) {
                throw new AssertionError(where() + ": the map re-drew its seed for the " + k
                    + "th time, but Go re-drew hash0 only " + trace.redrawnSeeds.length + " times");
            }
            return trace.redrawnSeeds[k - 1];
        }

        @Override
        public int ops() {
            return ops;
        }

        @Override
        public void insert(long key, long value) {
            begin(INSERT, key);
            final long old = map.put(key, value, MISSING);
            if (old != MISSING) {
                fail(where() + ": put of a fresh key returned " + old + ", not the missing value");
            }
            expectValue(key, value);
            compare();
        }

        @Override
        public void update(long key, long value) {
            begin(UPDATE, key);
            final long old = map.put(key, value, MISSING);
            if (old == MISSING) {
                fail(where() + ": put of a live key returned the missing value");
            }
            expectValue(key, value);
            compare();
        }

        @Override
        public void delete(long key, boolean present) {
            begin(present ? DELETE_PRESENT : DELETE_ABSENT, key);
            final long old = map.remove(key, MISSING);
            if ((old != MISSING) != present) {
                fail(where() + ": remove returned " + (old == MISSING ? "missing" : Long.toString(old)));
            }
            if (map.containsKey(key)) {
                fail(where() + ": the key is still there after remove");
            }
            compare();
        }

        @Override
        public void clear() {
            begin(CLEAR, 0);
            map.clear();
            if (map.size() != 0) {
                fail(where() + ": size " + map.size() + " after clear");
            }
            compare();
        }

        private void begin(int kind, long key) {
            opKind = kind;
            opKey = key;
            if (ops >= trace.ops) {
                fail(where() + ": the replay makes more ops than Go recorded (" + trace.ops + ")");
            }
        }

        private void expectValue(long key, long value) {
            final long got = map.get(key, MISSING);
            if (got != value) {
                fail(where() + ": get after the write returned " + got + ", expected " + value);
            }
        }

        private void compare() {
            final int i = ops;
            final MapHeader h = map.header();
            final GoHeaderTrace t = trace;
            if (h.count() != t.count[i] || h.B() != t.b[i] || h.sameSizeGrow() != t.sameSizeGrow[i]
                || h.noverflow() != t.noverflow[i] || h.nevacuate() != t.nevacuate[i]
                || h.growing() != t.growing[i] || h.seed() != t.seed[i]) {
                fail(where() + ": the header differs from the Go runtime's\n"
                    + "  Go   before: " + (i == 0 ? "(new map)" : t.describe(i - 1)) + "\n"
                    + "  Go   after:  " + t.describe(i) + "\n"
                    + "  Java after:  " + h);
            }
            if (map.size() != t.count[i]) {
                fail(where() + ": size() " + map.size() + " but Go's count is " + t.count[i]);
            }
            final boolean growthEdge = h.growing() != wasGrowing;
            wasGrowing = h.growing();
            if (growthEdge || (i + 1) % (h.count() > LARGE ? VERIFY_EVERY_LARGE : VERIFY_EVERY) == 0) {
                try {
                    map.verifyInvariants();
                } catch (IllegalStateException e) {
                    throw new AssertionError(where() + ": invariant broken: " + e.getMessage(), e);
                }
            }
            ops++;
        }

        private String where() {
            return String.format("%s, scenario %s (%s lookups%s), op %d = %s %s", map.kind(), trace.name,
                options.lookupStyle(), options.hotKeyCache() ? ", hot-key cache" : "", ops,
                OP_NAMES[opKind], opKind == CLEAR ? "" : String.format("key %016x", opKey));
        }
    }
}
