package org.hmaplab.harness.study;

/** Small statistics helpers for the studies: the normal tail and the chi-square tail. */
public final class Stats {

    private Stats() {
    }

    /**
     * The complementary error function, by Abramowitz and Stegun 7.1.26 (absolute error below
     * 1.5e-7), extended to negative arguments by erfc(-x) = 2 - erfc(x).
     */
    public static double erfc(double x) {
        final double z = Math.abs(x);
        final double t = 1.0 / (1.0 + 0.3275911 * z);
        final double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
            + t * 1.061405429))));
        final double r = poly * Math.exp(-z * z);
        return x >= 0 ? r : 2.0 - r;
    }

    /** P(Z &gt; z) for a standard normal Z. */
    public static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2.0));
    }

    /**
     * P(X &gt; x) for X chi-square with {@code df} degrees of freedom, by the Wilson-Hilferty cube-root
     * normal approximation (good for large df, as here: thousands of buckets).
     */
    public static double chiSquareUpperTail(double x, double df) {
        final double v = 2.0 / (9.0 * df);
        final double z = (Math.cbrt(x / df) - (1.0 - v)) / Math.sqrt(v);
        return normalUpperTail(z);
    }
}
