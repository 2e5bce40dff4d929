package org.hmaplab.core.swiss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hmaplab.hash.GoKeyedFallbackHasher;
import org.hmaplab.hash.Hasher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against the real Go runtime: every trace recorded by
 * {@code src/test/go/swisstrace} (Go 1.24, 1.26 and 1.27, {@code map[int64]int64} with the fallback
 * hash; the format is in that folder's README.md) is replayed through {@link SwissLongLongMap} and
 * {@code SwissMap<Long, Long>} with the matching {@link SwissVersion}, a
 * {@link GoKeyedFallbackHasher} built from the process keys Go printed, and the seeds Go drew fed
 * through the seed supplier. After every operation each map's {@link SwissMap#stats() stats} must
 * equal Go's header and tables: used, dirLen, globalDepth, the distinct tables in directory order
 * with their capacity, localDepth, used, growthLeft and index, and the tombstones
 * ({@code capacity*7/8 - used - growthLeft} per table). A map must also draw a seed in exactly the
 * operations where Go's seed changed (a delete that empties the map, a clear that does something).
 *
 * <h2>Cost</h2>
 * {@code stats()} lists every table, so comparing all of them after each of the 1.4 million
 * operations per version took about 100 s. The full comparison (header, every table, tombstones)
 * therefore runs after every operation while Go has at most {@value #FULL_CHECK_TABLES} tables,
 * and beyond that after every operation that changed the set of tables (growth, split, directory
 * doubling), drew a seed or cleared, after every {@value #FULL_CHECK_EVERY}th operation and at the
 * end; the operations between compare {@code used} only. A table's used and growthLeft are running
 * counts, so a divergence in between persists to the next full comparison, which names the
 * operation it reached.
 */
class SwissHeaderDifferentialTest {
    private static final String DIR = "/swiss-diff/";
    private static final List<String> SCENARIOS = List.of("fill-empty", "fill-hint-0", "fill-hint-8", "fill-hint-9",
        "fill-hint-1000", "fill-hint-7000", "fill-hint-100000", "churn-window-8", "churn-window-100",
        "churn-window-1000", "churn-window-6000", "churn-window-50000", "churn-random-3000", "delete-to-empty",
        "clear-live", "clear-tombstones", "small", "small-churn");
    private static final int HEX = 16;
    private static final List<String> LONG_SCENARIOS = List.of("fill-empty", "churn-window-100",
        "churn-window-1000", "churn-window-50000", "churn-random-3000");
    private static final int MIN_LONG_OPS = 200_000;
    /** Up to this many tables every op compares every table; beyond, see the class comment. */
    private static final int FULL_CHECK_TABLES = 16;
    private static final int FULL_CHECK_EVERY = 16;
    /** Fields of a table in a snapshot: capacity/localDepth/used/growthLeft/index. */
    private static final int CAP = 0;
    private static final int LOCAL_DEPTH = 1;
    private static final int USED = 2;
    private static final int GROWTH_LEFT = 3;
    private static final int INDEX = 4;
    private static final int TABLE_FIELDS = 5;

    static Stream<Arguments> traces() {
        final List<Arguments> all = new ArrayList<>();
        for (SwissVersion v : new SwissVersion[] {SwissVersion.GO1_24, SwissVersion.GO1_26, SwissVersion.GO1_27}) {
            for (String s : SCENARIOS) {
                all.add(Arguments.of(v, s));
            }
        }
        return all.stream();
    }

    /** A seed supplier giving the seed Go holds after the current op, counting how often it is asked. */
    private static final class GoSeeds implements LongSupplier {
        long next;
        int draws;

        @Override
        public long getAsLong() {
            draws++;
            return next;
        }
    }

    /** Go's state after the last op read, updated line by line. */
    private static final class GoState {
        long used;
        int dirLen;
        int globalDepth;
        long seed;
        final List<int[]> tables = new ArrayList<>();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("traces")
    void everyOperationLeavesTheHeaderAndTablesGoLeft(SwissVersion version, String scenario) throws IOException {
        final String release = "go" + version.name().substring(2).replace('_', '.');
        final String path = DIR + release + "/" + scenario + ".txt.gz";
        try (InputStream raw = getClass().getResourceAsStream(path)) {
            assertNotNull(raw, path);
            final BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                StandardCharsets.US_ASCII));
            replay(in, version, release + " " + scenario);
        }
    }

    private static void replay(BufferedReader in, SwissVersion version, String where) throws IOException {
        Hasher hasher = null;
        final GoState go = new GoState();
        final GoSeeds seedsA = new GoSeeds();
        final GoSeeds seedsB = new GoSeeds();
        final GoSeeds seedsC = new GoSeeds();
        SwissLongLongMap prim = null;
        SwissLongLongMap ctrlFirst = null;
        SwissMap<Long, Long> boxed = null;
        int hint = -1;
        int ops = 0;
        String last = "";
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            final String[] f = line.split(" ");
            switch (f[0]) {
                case "go" -> assertTrue(f[1].startsWith(where.substring(0, where.indexOf(' '))), line);
                case "hashkey" -> hasher = GoKeyedFallbackHasher.withProcessKeys(hex(f[1]), hex(f[2]), hex(f[3]),
                    hex(f[4]));
                case "scenario" -> {
                    hint = "hint=none".equals(f[2]) ? -1 : Integer.parseInt(f[2].substring("hint=".length()));
                    go.seed = hex(f[3].substring("seed=".length()));
                }
                case "hash" -> assertEquals(hex(f[3]), hasher.hashLong(Long.parseLong(f[1]), hex(f[2])),
                    where + ": Go's memhash64 of " + f[1]);
                case "new" -> {
                    applyChanges(f, 1, 'n', go);
                    seedsA.next = go.seed;
                    seedsB.next = go.seed;
                    seedsC.next = go.seed;
                    final int h = Math.max(hint, 0);
                    prim = new SwissLongLongMap(hasher, seedsA, h, version);
                    ctrlFirst = new SwissLongLongMap(hasher, seedsC, h, version, SwissLookupStyle.DEFAULT,
                        SwissLayout.CONTROL_WORDS_FIRST);
                    boxed = new SwissMap<>(hasher, seedsB, h, version);
                    assertEquals(1, seedsA.draws, where + ": seeds drawn by the constructor");
                    assertEquals(1, seedsB.draws, where + ": seeds drawn by the constructor");
                    compare(go, prim.stats(), where, 0, line, "SwissLongLongMap");
                    compare(go, ctrlFirst.stats(), where, 0, line, "SwissLongLongMap (control words first)");
                    compare(go, boxed.stats(), where, 0, line, "SwissMap");
                }
                case "end" -> {
                    assertEquals(Integer.parseInt(f[1].substring("ops=".length())), ops, where + ": op count");
                    compare(go, prim.stats(), where, ops, last, "SwissLongLongMap");
                    compare(go, ctrlFirst.stats(), where, ops, last, "SwissLongLongMap (control words first)");
                    compare(go, boxed.stats(), where, ops, last, "SwissMap");
                    if (LONG_SCENARIOS.contains(where.substring(where.indexOf(' ') + 1))) {
                        assertTrue(ops >= MIN_LONG_OPS, where + ": a long scenario with only " + ops + " ops");
                    }
                    return;
                }
                default -> {
                    ops++;
                    final char op = f[0].charAt(0);
                    final long oldSeed = go.seed;
                    applyChanges(f, op == 'c' ? 1 : 2, op, go);
                    seedsA.next = go.seed;
                    seedsB.next = go.seed;
                    seedsC.next = go.seed;
                    final int drawsA = seedsA.draws;
                    final int drawsB = seedsB.draws;
                    final int drawsC = seedsC.draws;
                    switch (op) {
                        case 'P', 'p' -> {
                            final long k = Long.parseLong(f[1]);
                            prim.put(k, k, 0);
                            ctrlFirst.put(k, k, 0);
                            boxed.put(k, k);
                        }
                        case 'D', 'd' -> {
                            final long k = Long.parseLong(f[1]);
                            prim.remove(k, 0);
                            ctrlFirst.remove(k, 0);
                            boxed.remove(k);
                        }
                        case 'c' -> {
                            prim.clear();
                            ctrlFirst.clear();
                            boxed.clear();
                        }
                        default -> fail(where + ": unknown op line " + line);
                    }
                    final int goDraws = go.seed != oldSeed ? 1 : 0;
                    if (seedsA.draws - drawsA != goDraws || seedsB.draws - drawsB != goDraws
                        || seedsC.draws - drawsC != goDraws) {
                        fail(where + " op " + ops + " (" + line + "): Go drew " + goDraws + " seed(s), "
                            + "SwissLongLongMap " + (seedsA.draws - drawsA) + ", SwissMap " + (seedsB.draws - drawsB));
                    }
                    if (go.tables.size() <= FULL_CHECK_TABLES || line.contains(" *") || goDraws > 0 || op == 'c'
                        || ops % FULL_CHECK_EVERY == 0) {
                        compare(go, prim.stats(), where, ops, line, "SwissLongLongMap");
                        compare(go, ctrlFirst.stats(), where, ops, line, "SwissLongLongMap (control words first)");
                        compare(go, boxed.stats(), where, ops, line, "SwissMap");
                    } else if (prim.size() != go.used || boxed.size() != go.used || ctrlFirst.size() != go.used) {
                        fail(where + " op " + ops + " (" + line + "): used " + go.used + " in Go, SwissLongLongMap "
                            + prim.size() + ", SwissMap " + boxed.size());
                    }
                    last = line;
                }
            }
        }
        fail(where + ": no end line");
    }

    /** Applies the fields of an op line from index {@code from} on to Go's state (README.md). */
    private static void applyChanges(String[] f, int from, char op, GoState go) {
        final int implied = op == 'P' ? 1 : op == 'D' ? -1 : 0;
        go.used += implied;
        int i = from;
        for (; i < f.length && !"*".equals(f[i]) && !Character.isDigit(f[i].charAt(0)); i++) {
            final String v = f[i].substring(1);
            switch (f[i].charAt(0)) {
                case 'u' -> go.used = Long.parseLong(v);
                case 'D' -> go.dirLen = Integer.parseInt(v);
                case 'G' -> go.globalDepth = Integer.parseInt(v);
                case 'T' -> { } // the table count, checked through the table list
                case 's' -> go.seed = hex(v);
                default -> throw new IllegalArgumentException("unknown field " + f[i]);
            }
        }
        if (i < f.length && "*".equals(f[i])) {
            go.tables.clear();
            for (i++; i < f.length; i++) {
                final String[] t = f[i].split("/");
                final int[] table = new int[TABLE_FIELDS];
                for (int k = 0; k < TABLE_FIELDS; k++) {
                    table[k] = Integer.parseInt(t[k]);
                }
                go.tables.add(table);
            }
            return;
        }
        for (; i < f.length; i++) {
            final String s = f[i];
            final int colon = s.indexOf(':');
            if (colon >= 0) {
                final int[] t = go.tables.get(Integer.parseInt(s.substring(0, colon)));
                final String[] v = s.substring(colon + 1).split("/");
                t[USED] = Integer.parseInt(v[0]);
                t[GROWTH_LEFT] = Integer.parseInt(v[1]);
            } else if (s.endsWith("+")) {
                final int[] t = go.tables.get(Integer.parseInt(s.substring(0, s.length() - 1)));
                t[USED]--;
                t[GROWTH_LEFT]++;
            } else {
                final int[] t = go.tables.get(Integer.parseInt(s));
                t[USED] += implied;
                if (op == 'P') {
                    t[GROWTH_LEFT]--;
                }
            }
        }
    }

    private static void compare(GoState go, SwissStats java, String where, int op, String line, String map) {
        final List<SwissTableStats> tables = java.tables();
        boolean same = go.used == java.used() && go.dirLen == java.dirLen() && go.globalDepth == java.globalDepth()
            && go.tables.size() == java.tableCount() && tables.size() == java.tableCount();
        long tombstones = 0;
        for (int i = 0; same && i < tables.size(); i++) {
            final int[] g = go.tables.get(i);
            final SwissTableStats t = tables.get(i);
            same = g[CAP] == t.capacity() && g[LOCAL_DEPTH] == t.localDepth() && g[USED] == t.used()
                && g[GROWTH_LEFT] == t.growthLeft() && g[INDEX] == t.index();
            tombstones += SwissRules.tombstones(g[CAP], g[USED], g[GROWTH_LEFT]);
        }
        if (same && tombstones == java.tombstones()) {
            return;
        }
        fail(where + " op " + op + " (" + line + "), " + map + ":\n  Go:   " + describe(go) + "\n  Java: "
            + describe(java));
    }

    private static String describe(GoState go) {
        final StringBuilder b = new StringBuilder("used=" + go.used + " dirLen=" + go.dirLen + " globalDepth="
            + go.globalDepth + " tables=" + go.tables.size() + " [cap/localDepth/used/growthLeft/index]");
        for (int[] t : go.tables) {
            b.append(' ').append(t[CAP]).append('/').append(t[LOCAL_DEPTH]).append('/').append(t[USED]).append('/')
                .append(t[GROWTH_LEFT]).append('/').append(t[INDEX]);
        }
        return b.toString();
    }

    private static String describe(SwissStats s) {
        final StringBuilder b = new StringBuilder("used=" + s.used() + " dirLen=" + s.dirLen() + " globalDepth="
            + s.globalDepth() + " tables=" + s.tableCount() + " tombstones=" + s.tombstones()
            + " [cap/localDepth/used/growthLeft/index]");
        for (SwissTableStats t : s.tables()) {
            b.append(' ').append(t.capacity()).append('/').append(t.localDepth()).append('/').append(t.used())
                .append('/').append(t.growthLeft()).append('/').append(t.index());
        }
        return b.toString();
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s, HEX);
    }
}
