package org.hmaplab.hash.quality;

import java.util.Locale;

/**
 * One line of a quality report. Every test is phrased so that lower is better: the row passes
 * when {@code statistic <= threshold}.
 *
 * @param hasher     the hasher's name
 * @param test       the test ({@code avalanche}, {@code distribution}, {@code collisions},
 *                   {@code seed-independence}, {@code zero-keys})
 * @param parameters the case, e.g. {@code keys=8B n=300000 seed=0}
 * @param measure    what the statistic is, e.g. {@code worst bias |2P(flip)-1|}
 * @param statistic  the measured value
 * @param threshold  the largest value that passes
 * @param verdict    PASS, FAIL, SKIP (NaN statistic) when the test does not apply, ERROR (NaN
 *                   statistic) when the hasher threw
 */
public record QualityRow(String hasher, String test, String parameters, String measure,
                         double statistic, double threshold, Verdict verdict) {

    static QualityRow judged(String hasher, String test, String parameters, String measure,
                             double statistic, double threshold) {
        return new QualityRow(hasher, test, parameters, measure, statistic, threshold,
            Verdict.of(statistic, threshold));
    }

    static QualityRow skipped(String hasher, String test, String parameters, String why) {
        return new QualityRow(hasher, test, parameters, why, Double.NaN, Double.NaN, Verdict.SKIP);
    }

    /** The row recorded when {@code hasher} threw {@code e} instead of hashing. */
    public static QualityRow error(String hasher, RuntimeException e) {
        return new QualityRow(hasher, "suite", "-", "hasher threw " + e, Double.NaN, Double.NaN, Verdict.ERROR);
    }

    /** The statistic as printed: integers without a fraction, others with 4 significant digits. */
    public String statisticText() {
        return format(statistic);
    }

    /** The threshold as printed. */
    public String thresholdText() {
        return format(threshold);
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
