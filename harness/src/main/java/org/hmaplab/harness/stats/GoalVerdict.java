package org.hmaplab.harness.stats;

/**
 * Whether an interval meets a goal stated as a bound: met only when the whole interval is on the
 * right side of the bound, missed only when the whole interval is on the wrong side, undecided
 * otherwise (and never counted as met).
 */
public enum GoalVerdict {
    MET("met"),
    MISSED("missed"),
    UNDECIDED("undecided");

    private final String label;

    GoalVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A goal {@code value >= bound} (e.g. a speedup of at least 1.5). */
    public static GoalVerdict atLeast(RatioInterval interval, double bound) {
        if (interval.low() >= bound) {
            return MET;
        }
        return interval.high() < bound ? MISSED : UNDECIDED;
    }

    /** A goal {@code value <= bound} (e.g. a time ratio of at most 1.0). */
    public static GoalVerdict atMost(RatioInterval interval, double bound) {
        if (interval.high() <= bound) {
            return MET;
        }
        return interval.low() > bound ? MISSED : UNDECIDED;
    }
}
