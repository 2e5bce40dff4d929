package org.hmaplab.harness.stats;

/**
 * A ratio of two means with its confidence interval, e.g. the time of A over the time of B.
 * An interval that the data cannot bound has {@code high = +Infinity} (and {@code low} may be 0).
 *
 * @param estimate   the ratio of the two sample means
 * @param low        the lower end of the interval
 * @param high       the upper end, {@code Double.POSITIVE_INFINITY} when unbounded
 * @param confidence the confidence level, e.g. 0.95
 * @param method     how the interval was computed
 * @param seed       the bootstrap's seed (0 for the other methods), recorded so the same data always
 *                   gives the same interval
 * @param nA         the samples (forks, or iterations for {@link IntervalMethod#FIELLER_ITERATIONS}) of A
 * @param nB         the samples of B
 */
public record RatioInterval(double estimate, double low, double high, double confidence, IntervalMethod method,
                            long seed, int nA, int nB) {

    /** Whether the interval is finite. */
    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Whether {@code x} lies inside the interval (ends included). */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** The interval of the reciprocal ratio (B over A): a speedup from a time ratio. */
    public RatioInterval inverse() {
        double lo = high == Double.POSITIVE_INFINITY ? 0 : 1 / high;
        double hi = low <= 0 ? Double.POSITIVE_INFINITY : 1 / low;
        return new RatioInterval(1 / estimate, lo, hi, confidence, method, seed, nB, nA);
    }

    /** The interval as text, e.g. {@code 0.91 (0.87-0.95)}, with {@code digits} decimals. */
    public String format(int digits) {
        String f = "%." + digits + "f";
        String hi = Double.isFinite(high) ? String.format(java.util.Locale.ROOT, f, high) : "inf";
        return String.format(java.util.Locale.ROOT, f, estimate) + " (" + String.format(java.util.Locale.ROOT, f, low)
            + "-" + hi + ")";
    }
}
