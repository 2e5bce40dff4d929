package org.hmaplab.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Interleaved rounds: each a permutation, the same for the same seed. */
class RoundPlanTest {
    private static final List<Integer> CELLS = IntStream.range(0, 40).boxed().toList();

    @Test
    void everyRoundIsAPermutationOfTheCells() {
        List<List<Integer>> plan = RoundPlan.rounds(CELLS, 3, 99);
        assertEquals(3, plan.size());
        for (List<Integer> round : plan) {
            assertEquals(CELLS.size(), round.size());
            assertEquals(new HashSet<>(CELLS), new HashSet<>(round));
        }
        assertNotEquals(plan.get(0), plan.get(1));
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertEquals(RoundPlan.rounds(CELLS, 4, 7), RoundPlan.rounds(CELLS, 4, 7));
        assertNotEquals(RoundPlan.rounds(CELLS, 4, 7), RoundPlan.rounds(CELLS, 4, 8));
    }
}
