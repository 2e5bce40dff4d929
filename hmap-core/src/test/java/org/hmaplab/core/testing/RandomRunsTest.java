package org.hmaplab.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hmaplab.core.testing.RandomRuns.Case;
import org.hmaplab.core.testing.RandomRuns.PropertyFailure;
import org.junit.jupiter.api.Test;

/** The driver itself: it runs every try, reports the seed, and shrinks a planted failure to its core. */
class RandomRunsTest {

    /** A planted bug: a list fails when a 3 comes somewhere before a 7. */
    private static void failsOnThreeThenSeven(Object params, List<Integer> ops) {
        boolean three = false;
        for (int op : ops) {
            if (op == 3) {
                three = true;
            } else if (op == 7 && three) {
                throw new AssertionError("3 then 7");
            }
        }
    }

    private static Case<String, Integer> randomDigits(java.util.SplittableRandom rnd, int t) {
        return new Case<>("p" + t, RandomRuns.listOf(rnd.nextInt(50, 400), rnd, r -> r.nextInt(10)));
    }

    @Test
    void aPassingPropertyRunsEveryTry() {
        List<Integer> tries = new ArrayList<>();
        RandomRuns.<Integer, Integer>check("passes", 37, (rnd, t) -> new Case<>(t, List.of()),
            (t, ops) -> tries.add(t));
        assertEquals(37, tries.size());
        assertEquals(36, tries.get(36));
    }

    @Test
    void aFailingSequenceIsShrunkToTheTwoOperationsThatMatter() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
            () -> RandomRuns.check("planted", 20, RandomRunsTest::randomDigits, RandomRunsTest::failsOnThreeThenSeven));
        assertEquals(List.of(3, 7), f.shrunk().ops());
        assertTrue(f.getMessage().contains("shrunk to 2"), f.getMessage());
        assertEquals("3 then 7", f.getCause().getMessage());
    }

    @Test
    void theReportedSeedRegeneratesTheFailingCaseInItsFirstTry() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
            () -> RandomRuns.check("planted", 20, RandomRunsTest::randomDigits, RandomRunsTest::failsOnThreeThenSeven));
        assertTrue(f.getMessage().contains("-Dhmap.randomRuns.seed=0x" + Long.toHexString(f.seed())), f.getMessage());
        // Try 0 of a run from that base seed draws from exactly that seed, so the case comes back.
        assertEquals(f.seed(), RandomRuns.seedOf(f.seed(), 0));
        Case<String, Integer> again = randomDigits(new java.util.SplittableRandom(f.seed()), 0);
        assertThrows(AssertionError.class, () -> failsOnThreeThenSeven(again.params(), again.ops()));
    }

    @Test
    void aFailureThatNeedsNoOperationsShrinksToAnEmptyList() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
            () -> RandomRuns.<String, Integer>check("params", 5, RandomRunsTest::randomDigits, (p, ops) -> {
                throw new IllegalStateException("always");
            }));
        assertEquals(List.of(), f.shrunk().ops());
        assertTrue(f.getMessage().contains("failed on try 0"), f.getMessage());
    }

    @Test
    void aRuntimeExceptionInTheCheckIsAFailureToo() {
        PropertyFailure f = assertThrows(PropertyFailure.class,
            () -> RandomRuns.<String, Integer>check("throws", 5, RandomRunsTest::randomDigits, (p, ops) -> {
                if (ops.contains(9)) {
                    throw new IndexOutOfBoundsException("9");
                }
            }));
        assertEquals(List.of(9), f.shrunk().ops());
        assertTrue(f.getCause() instanceof IndexOutOfBoundsException);
    }
}
