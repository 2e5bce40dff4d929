package org.hmaplab.hash.quality;

/**
 * Outcome of one quality row: the statistic is at most the threshold (PASS), above it (FAIL), the
 * test does not apply (SKIP), or the hasher threw instead of hashing (ERROR, the exception in the
 * row's measure).
 */
public enum Verdict {
    PASS, FAIL, SKIP, ERROR;

    /** PASS when {@code statistic <= threshold}, else FAIL. */
    static Verdict of(double statistic, double threshold) {
        return statistic <= threshold ? PASS : FAIL;
    }
}
