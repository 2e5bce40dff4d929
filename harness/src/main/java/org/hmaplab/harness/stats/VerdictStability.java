package org.hmaplab.harness.stats;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether verdicts repeat: the same comparisons judged in several independent runs, and how their
 * verdicts line up. This is the test a second lab applies to a published table: had we run it again,
 * would it say the same?
 *
 * <p>A comparison (one implementation against the reference in one cell, or one goal) gets one
 * verdict per run. Across the runs it is
 * <ul>
 *   <li>{@link Agreement#AGREE}: the same verdict in every run (undecided in every run included);</li>
 *   <li>{@link Agreement#CONSISTENT}: not the same, but the runs that decided agree, the others being
 *       undecided (an undecided verdict claims nothing, so it cannot be wrong);</li>
 *   <li>{@link Agreement#DIFFER}: two runs made different claims that do not exclude each other
 *       (faster in one, no difference in another: the intervals {@code [0.90, 0.99]} and
 *       {@code [0.97, 1.03]} overlap);</li>
 *   <li>{@link Agreement#CONTRADICT}: faster in one run and slower in another (for goals: met in one,
 *       missed in another), which no single true ratio allows.</li>
 * </ul>
 * The stability goal of the statistics issue is read two ways, both reported: strictly, at least
 * {@link #GOAL_AGREEMENT} of the comparisons {@code AGREE} and none {@code CONTRADICT}; leniently
 * ("undecided allowed"), at least that share {@code AGREE} or are {@code CONSISTENT}.
 */
public final class VerdictStability {
    /** The share of comparisons that must agree for the goal. */
    public static final double GOAL_AGREEMENT = 0.90;

    private VerdictStability() {
    }

    /** How one comparison's verdicts line up across runs. */
    public enum Agreement {
        AGREE("agree"),
        CONSISTENT("consistent"),
        DIFFER("differ"),
        CONTRADICT("contradict");

        private final String label;

        Agreement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The lenient reading: agree, or differ only by undecided runs. */
        public boolean compatible() {
            return this == AGREE || this == CONSISTENT;
        }
    }

    /** How the time-ratio verdicts of one comparison line up (at least two runs). */
    public static Agreement ofVerdicts(List<Verdict> verdicts) {
        checkRuns(verdicts.size());
        if (verdicts.stream().distinct().count() == 1) {
            return Agreement.AGREE;
        }
        Set<Verdict> claims = EnumSet.noneOf(Verdict.class);
        for (Verdict v : verdicts) {
            if (v != Verdict.UNDECIDED) {
                claims.add(v);
            }
        }
        if (claims.contains(Verdict.FASTER) && claims.contains(Verdict.SLOWER)) {
            return Agreement.CONTRADICT;
        }
        return claims.size() <= 1 ? Agreement.CONSISTENT : Agreement.DIFFER;
    }

    /** How the goal verdicts of one goal line up (at least two runs). */
    public static Agreement ofGoals(List<GoalVerdict> verdicts) {
        checkRuns(verdicts.size());
        if (verdicts.stream().distinct().count() == 1) {
            return Agreement.AGREE;
        }
        boolean met = verdicts.contains(GoalVerdict.MET);
        boolean missed = verdicts.contains(GoalVerdict.MISSED);
        return met && missed ? Agreement.CONTRADICT : Agreement.CONSISTENT;
    }

    /**
     * The counts of a set of comparisons and both readings of the goal.
     *
     * @param total      the comparisons
     * @param agree      those with the same verdict in every run
     * @param consistent those that differ only by undecided runs
     * @param differ     those with compatible but different claims
     * @param contradict those decided both ways
     */
    public record Tally(int total, int agree, int consistent, int differ, int contradict) {
        /** The tally of some agreements. */
        public static Tally of(List<Agreement> agreements) {
            int[] n = new int[Agreement.values().length];
            for (Agreement a : agreements) {
                n[a.ordinal()]++;
            }
            return new Tally(agreements.size(), n[Agreement.AGREE.ordinal()], n[Agreement.CONSISTENT.ordinal()],
                n[Agreement.DIFFER.ordinal()], n[Agreement.CONTRADICT.ordinal()]);
        }

        /** The share that agree strictly; 0 for no comparisons. */
        public double strictShare() {
            return total == 0 ? 0 : (double) agree / total;
        }

        /** The share that agree or are consistent; 0 for no comparisons. */
        public double lenientShare() {
            return total == 0 ? 0 : (double) (agree + consistent) / total;
        }

        /** The strict reading of the goal: no contradiction and at least 90 % agreeing. */
        public boolean strictGoalMet() {
            return total > 0 && contradict == 0 && strictShare() >= GOAL_AGREEMENT;
        }

        /** The lenient reading: no contradiction and at least 90 % agreeing or consistent. */
        public boolean lenientGoalMet() {
            return total > 0 && contradict == 0 && lenientShare() >= GOAL_AGREEMENT;
        }

        /** The tally of both sets together. */
        public Tally plus(Tally o) {
            return new Tally(total + o.total, agree + o.agree, consistent + o.consistent, differ + o.differ,
                contradict + o.contradict);
        }
    }

    /** The verdicts of one comparison in each run, with how they line up. */
    public record Row(String name, List<RatioInterval> intervals, List<Verdict> verdicts, Agreement agreement) {
        /** A row judged from its intervals with the equivalence band {@code band}. */
        public static Row judge(String name, List<RatioInterval> intervals, double band) {
            List<Verdict> verdicts = new ArrayList<>();
            for (RatioInterval r : intervals) {
                verdicts.add(Verdict.of(r, band));
            }
            return new Row(name, List.copyOf(intervals), List.copyOf(verdicts), ofVerdicts(verdicts));
        }
    }

    private static void checkRuns(int runs) {
        if (runs < 2) {
            throw new IllegalArgumentException("stability needs verdicts from at least two runs, got " + runs);
        }
    }
}
