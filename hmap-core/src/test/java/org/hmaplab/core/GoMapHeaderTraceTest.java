package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks of the recorded Go traces and of their Java replay that do not involve GoLongLongMap:
 * the Java op generator reproduces the Go program's operations (a java.util.HashMap replay gives
 * Go's count after every op), the two sides' PRNGs agree, the {@code go} hasher reproduces the
 * runtime's own {@code memhash64} with the recorded effective seed, and the recorded numbers show
 * what GO-MAP-SPEC says Go does (doublings at 9, 14, 27, ...; same-size growths under churn; seed
 * re-draws on emptying and on clear). If one of these fails, a failure of
 * {@link GoHeaderDifferentialTest} says nothing about the map.
 */
class GoMapHeaderTraceTest {
    /** Spec 4.7: a map of B = 0 grows at its 9th entry, one of B = b at 13 * 2^(b-1) + 1. */
    private static final int FIRST_DOUBLING_COUNT = 9;
    private static final int LOAD_FACTOR_NUM = 13;
    /** 200,000 inserts take a map from B = 0 to B = 15 (the count 13 * 2^14 + 1 is never reached). */
    private static final int INSERT_ONLY_DOUBLINGS = 15;
    /** The window W = 100 keeps the map at B = 4 (104 entries fit). */
    private static final int CHURN_100_B = 4;
    /** Spec 10: "about 140-160" same-size growths for the W = 100 window; fewer would mean no churn. */
    private static final long MIN_SAME_SIZE_GROWTHS_W100 = 100;

    static GoHeaderTrace trace(String scenario) {
        return GoHeaderTrace.of(scenario);
    }

    static List<String> scenarios() {
        return GoHeaderTrace.SCENARIOS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void javaReplayMakesGosOperations(String scenario) {
        final GoHeaderTrace trace = trace(scenario);
        final Map<Long, Long> model = new HashMap<>();
        final int[] ops = new int[1];
        GoDiffOps.replay(trace, new GoDiffOps.Sink() {
            @Override
            public void insert(long key, long value) {
                if (model.put(key, value) != null) {
                    fail(scenario + " op " + ops[0] + ": a fresh key was already live");
                }
                check();
            }

            @Override
            public void update(long key, long value) {
                if (model.put(key, value) == null) {
                    fail(scenario + " op " + ops[0] + ": an update of a key that is not live");
                }
                check();
            }

            @Override
            public void delete(long key, boolean present) {
                if ((model.remove(key) != null) != present) {
                    fail(scenario + " op " + ops[0] + ": delete expected the key " + (present ? "live" : "absent"));
                }
                check();
            }

            @Override
            public void clear() {
                model.clear();
                check();
            }

            @Override
            public int ops() {
                return ops[0];
            }

            private void check() {
                final int i = ops[0];
                if (i >= trace.ops) {
                    fail(scenario + ": the replay makes more than the " + trace.ops + " ops Go recorded");
                }
                if (model.size() != trace.count[i]) {
                    fail(scenario + " op " + i + ": " + model.size() + " live keys, Go's count " + trace.count[i]);
                }
                ops[0]++;
            }
        });
        assertEquals(trace.ops, ops[0], scenario + ": ops replayed");
        assertTrue(trace.ops >= trace.targetOps, scenario + ": fewer ops than the scenario's target");
        assertEquals(trace.summary("count"), model.size(), scenario + ": final count");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void goHasherReproducesTheRuntimesMemhash64WithTheEffectiveSeed(String scenario) {
        final GoHeaderTrace trace = trace(scenario);
        final Hasher go = Hashers.byName("go");
        assertTrue(trace.sampleKeys.length > 0, scenario + ": the trace holds no sample hashes");
        for (int i = 0; i < trace.sampleKeys.length; i++) {
            assertEquals(trace.sampleHashes[i], go.hashLong(trace.sampleKeys[i], trace.initialSeed),
                () -> String.format("%s: runtime.memhash64 vs go hasher", scenario));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void splittableRandomDrawsTheGoProgramsSplitmix64Sequence(String scenario) {
        final GoHeaderTrace trace = trace(scenario);
        assertEquals(trace.prngFirst, new SplittableRandom(trace.prngSeed).nextLong(), scenario);
    }

    @Test
    void goStartsEachDoublingOfAnInsertOnlyMapAtTheSpecifiedCount() {
        final GoHeaderTrace trace = trace("insert-only");
        int doublings = 0;
        int previousB = trace.initialB;
        for (int i = 0; i < trace.ops; i++) {
            if (trace.b[i] != previousB) {
                final int expected = previousB == 0 ? FIRST_DOUBLING_COUNT
                    : LOAD_FACTOR_NUM * (1 << (previousB - 1)) + 1;
                assertEquals(previousB + 1, trace.b[i], "B at op " + i);
                assertEquals(expected, trace.count[i], "count at the doubling to B = " + trace.b[i]);
                doublings++;
                previousB = trace.b[i];
            }
        }
        assertEquals(INSERT_ONLY_DOUBLINGS, doublings, "doublings of 200,000 inserts");
        assertEquals(INSERT_ONLY_DOUBLINGS, trace.summary("doublings"));
    }

    @Test
    void goSizesAHintedMapAsSpecified() {
        // GO-MAP-SPEC 4.6: 9-13 gives B = 1, 833-1664 gives 8, 53249-106496 gives 14; no hint gives 0.
        assertEquals(0, trace("insert-only").initialB);
        assertEquals(1, trace("hinted-9").initialB);
        assertEquals(8, trace("hinted-1000").initialB);
        assertEquals(14, trace("hinted-100000").initialB);
    }

    @Test
    void goMakesManySameSizeGrowthsUnderChurnWithAWindowOf100() {
        final GoHeaderTrace trace = trace("churn-100");
        int starts = 0;
        for (int i = 1; i < trace.ops; i++) {
            if (trace.sameSizeGrow[i] && !trace.sameSizeGrow[i - 1]) {
                starts++;
                assertEquals(CHURN_100_B, trace.b[i], "B during a same-size growth at op " + i);
            }
        }
        assertTrue(starts >= MIN_SAME_SIZE_GROWTHS_W100, "same-size growths seen: " + starts);
        assertTrue(trace.summary("sameSize") >= starts, "summary vs flag transitions");
    }

    @Test
    void goRedrawsTheSeedWhenTheMapEmptiesAndOnClearEvenDuringAGrowth() {
        final GoHeaderTrace trace = trace("empty-and-clear");
        int duringGrowth = 0;
        for (int r = 0; r < trace.redrawOps.length; r++) {
            final int op = trace.redrawOps[r];
            assertEquals(0, trace.count[op], "count after the re-draw at op " + op);
            assertEquals(0, trace.noverflow[op], "noverflow after the re-draw at op " + op);
            if (op > 0 && trace.growing[op - 1]) {
                duringGrowth++;
                assertTrue(!trace.growing[op], "a clear abandons the growth (op " + op + ")");
            }
        }
        assertTrue(trace.redrawOps.length > GoDiffOps.STAIRCASE_STEPS, "re-draws: " + trace.redrawOps.length);
        assertTrue(duringGrowth > 0, "no re-draw met a growth in progress");
        assertEquals(trace.summary("redrawsWhileGrowing"), duringGrowth);
    }

}
