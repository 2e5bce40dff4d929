package org.hmaplab.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The verdict rules on hand-made intervals. */
class VerdictTest {
    private static RatioInterval ci(double low, double high) {
        return new RatioInterval((low + high) / 2, low, high, 0.95, IntervalMethod.FIELLER, 0, 5, 5);
    }

    @Test
    void anIntervalInsideTheBandIsNoDifferenceEvenWhenItExcludesOne() {
        assertEquals(Verdict.NO_DIFFERENCE, Verdict.of(ci(0.98, 0.99), 0.03));
        assertEquals(Verdict.NO_DIFFERENCE, Verdict.of(ci(0.97, 1.03), 0.03));
    }

    @Test
    void belowOneIsFasterAboveOneSlowerAndAcrossOneUndecided() {
        assertEquals(Verdict.FASTER, Verdict.of(ci(0.80, 0.99), 0.03));
        assertEquals(Verdict.SLOWER, Verdict.of(ci(1.01, 1.20), 0.03));
        assertEquals(Verdict.UNDECIDED, Verdict.of(ci(0.90, 1.10), 0.03));
        assertEquals(Verdict.UNDECIDED, Verdict.of(ci(0.5, Double.POSITIVE_INFINITY), 0.03));
    }

    @Test
    void aGoalIsMetOnlyWhenTheWholeIntervalSaysSo() {
        assertEquals(GoalVerdict.MET, GoalVerdict.atLeast(ci(1.5, 1.8), 1.5));
        assertEquals(GoalVerdict.UNDECIDED, GoalVerdict.atLeast(ci(1.4, 1.8), 1.5));
        assertEquals(GoalVerdict.MISSED, GoalVerdict.atLeast(ci(1.1, 1.4), 1.5));
        assertEquals(GoalVerdict.MET, GoalVerdict.atMost(ci(0.7, 1.0), 1.0));
        assertEquals(GoalVerdict.MISSED, GoalVerdict.atMost(ci(1.01, 1.2), 1.0));
    }

    @Test
    void theInverseOfATimeRatioIsTheSpeedup() {
        RatioInterval s = ci(0.5, 0.8).inverse();
        assertEquals(1.25, s.low(), 1e-12);
        assertEquals(2.0, s.high(), 1e-12);
        RatioInterval unbounded = ci(0, Double.POSITIVE_INFINITY).inverse();
        assertFalse(unbounded.bounded());
    }

    @Test
    void aDecidedAaControlFlagsTheRunAsNoisy() {
        assertTrue(NoiseFloor.of(ci(1.04, 1.10), 0.03).noisy());
        NoiseFloor quiet = NoiseFloor.of(ci(0.98, 1.02), 0.03);
        assertFalse(quiet.noisy());
        assertEquals(0.02, quiet.spread(), 1e-12);
        assertTrue(quiet.line().contains("no difference"), quiet.line());
    }
}
