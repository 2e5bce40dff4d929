package org.hmaplab.hash.quality;

/**
 * The few distribution functions the quality tests need to turn a false-failure probability into
 * a threshold. Every test fixes the probability that a perfect random function fails it at
 * {@link #FAMILY_ALPHA} (one in a million per row), and spreads it over the many cells a row
 * looks at with the Bonferroni bound, which holds whatever the dependence between the cells.
 */
final class Stats {

    /** Probability that an ideal random function fails one row. */
    static final double FAMILY_ALPHA = 1e-6;

    private Stats() {
    }

    /**
     * Complementary error function, Chebyshev approximation with relative error below 1.2e-7
     * everywhere (Press et al., Numerical Recipes, 2nd ed., section 6.2, {@code erfcc}); its
     * relative accuracy holds in the far tail, which is where the thresholds live.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /** P(Z > z) for a standard normal Z. */
    static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2.0));
    }

    /** The z with P(Z > z) = alpha (bisection; alpha in (0, 0.5)). */
    static double normalQuantileUpper(double alpha) {
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (normalUpperTail(mid) > alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * Largest |2p-1| that an ideal hash may show over {@code cells} flip probabilities, each
     * estimated from {@code samples} trials, with family-wise false-failure probability
     * {@link #FAMILY_ALPHA}: the estimate of 2p-1 has standard deviation 1/sqrt(samples), and the
     * per-cell two-sided tail is FAMILY_ALPHA / cells. Never below SMHasher's 1 %.
     */
    static double biasThreshold(long samples, long cells) {
        double z = normalQuantileUpper(FAMILY_ALPHA / cells / 2);
        return Math.max(0.01, z / Math.sqrt(samples));
    }

    /**
     * Wilson-Hilferty transform of a chi-square value with {@code df} degrees of freedom to a
     * standard normal z (accurate to a few 0.01 in z for df >= 100, far better than needed here).
     */
    static double chiSquareZ(double chiSquare, double df) {
        double v = 2.0 / (9.0 * df);
        return (Math.cbrt(chiSquare / df) - (1.0 - v)) / Math.sqrt(v);
    }

    /** Smallest k with P(X > k) <= alpha for X ~ Poisson(lambda), summed in log space. */
    static long poissonUpperBound(double lambda, double alpha) {
        if (lambda <= 0) {
            return 0;
        }
        double logLambda = Math.log(lambda);
        double logPmf = -lambda;
        double cdf = Math.exp(logPmf);
        long k = 0;
        while (1.0 - cdf > alpha) {
            k++;
            logPmf += logLambda - Math.log(k);
            cdf += Math.exp(logPmf);
        }
        return k;
    }

    /**
     * Expected number of collisions (keys minus distinct values) when {@code n} keys fall
     * uniformly into {@code m} values: n - m(1 - (1 - 1/m)^n); for n/m below 1e-6 its first-order
     * form n(n-1)/(2m), because the exact difference cancels to nothing in double precision.
     */
    static double expectedCollisions(double n, double m) {
        if (n / m < 1e-6) {
            return n * (n - 1) / (2 * m);
        }
        return n - m * -Math.expm1(n * Math.log1p(-1.0 / m));
    }

    /**
     * Smallest t such that P(|X - 32| > t) <= alpha for X ~ Binomial(64, 1/2), the Hamming
     * distance between two independent random 64-bit values.
     */
    static int hammingDeviationBound(double alpha) {
        double[] pmf = new double[65];
        double c = 1;
        for (int k = 0; k <= 64; k++) {
            pmf[k] = c / Math.pow(2, 64);
            c = c * (64 - k) / (k + 1);
        }
        for (int t = 0; t <= 32; t++) {
            double tail = 0;
            for (int k = 0; k <= 64; k++) {
                if (Math.abs(k - 32) > t) {
                    tail += pmf[k];
                }
            }
            if (tail <= alpha) {
                return t;
            }
        }
        return 32;
    }
}
