package org.hmaplab.hash.quality;

/** Outcome of one quality row: the statistic is at most the threshold (PASS), above it (FAIL), or not applicable. */
public enum Verdict {
    PASS, FAIL, SKIP;

    /** PASS when {@code statistic <= threshold}, else FAIL. */
    static Verdict of(double statistic, double threshold) {
        return statistic <= threshold ? PASS : FAIL;
    }
}
