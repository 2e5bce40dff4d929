package org.hmaplab.harness.stats;

import static org.hmaplab.harness.stats.Verdict.FASTER;
import static org.hmaplab.harness.stats.Verdict.NO_DIFFERENCE;
import static org.hmaplab.harness.stats.Verdict.SLOWER;
import static org.hmaplab.harness.stats.Verdict.UNDECIDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.hmaplab.harness.stats.VerdictStability.Agreement;
import org.hmaplab.harness.stats.VerdictStability.Row;
import org.hmaplab.harness.stats.VerdictStability.Tally;
import org.junit.jupiter.api.Test;

/** The agreement of verdicts across runs, with planted verdicts and intervals. */
class VerdictStabilityTest {

    @Test
    void theSameVerdictInEveryRunAgreesUndecidedIncluded() {
        assertEquals(Agreement.AGREE, VerdictStability.ofVerdicts(List.of(FASTER, FASTER, FASTER)));
        assertEquals(Agreement.AGREE, VerdictStability.ofVerdicts(List.of(UNDECIDED, UNDECIDED)));
        assertEquals(Agreement.AGREE, VerdictStability.ofVerdicts(List.of(NO_DIFFERENCE, NO_DIFFERENCE)));
    }

    @Test
    void runsThatDecidedTheSameWayWithTheRestUndecidedAreConsistent() {
        assertEquals(Agreement.CONSISTENT, VerdictStability.ofVerdicts(List.of(SLOWER, UNDECIDED, SLOWER)));
        assertEquals(Agreement.CONSISTENT, VerdictStability.ofVerdicts(List.of(UNDECIDED, NO_DIFFERENCE)));
    }

    @Test
    void fasterInOneRunAndSlowerInAnotherContradictsWhateverElseTheRunsSaid() {
        assertEquals(Agreement.CONTRADICT, VerdictStability.ofVerdicts(List.of(FASTER, SLOWER)));
        assertEquals(Agreement.CONTRADICT, VerdictStability.ofVerdicts(List.of(UNDECIDED, SLOWER, NO_DIFFERENCE,
            FASTER)));
    }

    @Test
    void fasterAndNoDifferenceAreDifferentButCompatibleClaims() {
        assertEquals(Agreement.DIFFER, VerdictStability.ofVerdicts(List.of(FASTER, NO_DIFFERENCE)));
        assertFalse(Agreement.DIFFER.compatible());
        assertTrue(Agreement.CONSISTENT.compatible());
    }

    @Test
    void goalsMetInOneRunAndMissedInAnotherContradict() {
        assertEquals(Agreement.CONTRADICT, VerdictStability.ofGoals(List.of(GoalVerdict.MET, GoalVerdict.MISSED)));
        assertEquals(Agreement.CONSISTENT, VerdictStability.ofGoals(List.of(GoalVerdict.MET, GoalVerdict.UNDECIDED)));
        assertEquals(Agreement.AGREE, VerdictStability.ofGoals(List.of(GoalVerdict.MISSED, GoalVerdict.MISSED)));
    }

    @Test
    void oneRunIsNoStudy() {
        assertThrows(IllegalArgumentException.class, () -> VerdictStability.ofVerdicts(List.of(FASTER)));
    }

    @Test
    void aRowIsJudgedFromItsIntervalsWithTheBand() {
        RatioInterval tightFaster = interval(0.90, 0.88, 0.92);
        RatioInterval insideBand = interval(0.99, 0.98, 1.01);
        RatioInterval wide = interval(1.00, 0.50, 2.00);
        Row row = Row.judge("get-hit", List.of(tightFaster, insideBand, wide), 0.03);
        assertEquals(List.of(FASTER, NO_DIFFERENCE, UNDECIDED), row.verdicts());
        assertEquals(Agreement.DIFFER, row.agreement());
        // with a 15 % band the tight 0.88-0.92 interval is "no difference" too
        assertEquals(Agreement.CONSISTENT, Row.judge("get-hit", List.of(tightFaster, insideBand, wide), 0.15)
            .agreement());
    }

    @Test
    void ninetyPercentAgreementWithoutContradictionMeetsTheStrictGoal() {
        List<Agreement> nineOfTen = new java.util.ArrayList<>(Collections.nCopies(9, Agreement.AGREE));
        nineOfTen.add(Agreement.CONSISTENT);
        Tally t = Tally.of(nineOfTen);
        assertEquals(0.9, t.strictShare(), 1e-12);
        assertTrue(t.strictGoalMet());
        assertTrue(t.lenientGoalMet());
    }

    @Test
    void eightyNinePercentMissesTheStrictGoalButMeetsTheLenientOne() {
        List<Agreement> a = new java.util.ArrayList<>(Collections.nCopies(89, Agreement.AGREE));
        a.addAll(Collections.nCopies(11, Agreement.CONSISTENT));
        Tally t = Tally.of(a);
        assertFalse(t.strictGoalMet());
        assertTrue(t.lenientGoalMet());
        assertEquals(1.0, t.lenientShare(), 1e-12);
    }

    @Test
    void oneContradictionMissesBothReadings() {
        List<Agreement> a = new java.util.ArrayList<>(Collections.nCopies(99, Agreement.AGREE));
        a.add(Agreement.CONTRADICT);
        Tally t = Tally.of(a);
        assertEquals(0.99, t.strictShare(), 1e-12);
        assertFalse(t.strictGoalMet());
        assertFalse(t.lenientGoalMet());
    }

    @Test
    void differingClaimsCountAgainstBothReadings() {
        List<Agreement> a = new java.util.ArrayList<>(Collections.nCopies(8, Agreement.AGREE));
        a.addAll(Collections.nCopies(2, Agreement.DIFFER));
        Tally t = Tally.of(a);
        assertEquals(0.8, t.lenientShare(), 1e-12);
        assertFalse(t.lenientGoalMet());
    }

    private static RatioInterval interval(double estimate, double low, double high) {
        return new RatioInterval(estimate, low, high, 0.95, IntervalMethod.FIELLER, 0, 3, 3);
    }
}
