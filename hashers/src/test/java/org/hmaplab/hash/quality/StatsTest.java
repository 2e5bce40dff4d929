package org.hmaplab.hash.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Reference values computed independently with SciPy 1.17.1 (Python 3): {@code norm.sf(2)},
 * {@code norm.sf(3)}, {@code norm.isf(1e-6)} = 4.753424, {@code norm.isf(0.025)},
 * {@code poisson.ppf(1 - 1e-6, lambda)}, {@code 2 * binom.sf(32 + t, 64, 0.5)}; the birthday
 * expectation with Python's decimal module at 60 digits: n - m(1 - (1 - 1/m)^n).
 */
class StatsTest {

    @Test
    void normalUpperTailMatchesTables() {
        assertEquals(0.5, Stats.normalUpperTail(0), 1e-7);
        assertEquals(0.02275013, Stats.normalUpperTail(2), 1e-7);
        assertEquals(1.349898e-3, Stats.normalUpperTail(3), 1e-8);
    }

    @Test
    void normalQuantileOfOneInAMillionIs4Point7534() {
        assertEquals(4.753424, Stats.normalQuantileUpper(1e-6), 1e-4);
        assertEquals(1.959964, Stats.normalQuantileUpper(0.025), 1e-5);
    }

    @Test
    void poissonBoundsMatchQpois() {
        assertEquals(0, Stats.poissonUpperBound(0, 1e-6));
        assertEquals(0, Stats.poissonUpperBound(1e-9, 1e-6));
        // scipy.stats.poisson.ppf(1 - 1e-6, 1) = 9, poisson.ppf(1 - 1e-6, 2048) = 2267
        assertEquals(9, Stats.poissonUpperBound(1, 1e-6));
        assertEquals(2267, Stats.poissonUpperBound(2048, 1e-6));
    }

    @Test
    void birthdayExpectationIsNSquaredOverTwoMForSmallLoads() {
        double n = 1 << 22;
        assertEquals(n * (n - 1) / 2 / Math.pow(2, 64), Stats.expectedCollisions(n, Math.pow(2, 64)), 1e-20);
        // 2^22 keys into 2^32 values: 2047.33300825732 (Python decimal, 60 digits)
        assertEquals(2047.33300825732, Stats.expectedCollisions(n, Math.pow(2, 32)), 1e-6);
    }

    @Test
    void avalancheThresholdIsTheBonferroniQuantileOverRootN() {
        // norm.isf(1e-6 / 4096 / 2) / sqrt(300000) = 0.0115581; at N = 10^9 the 1 % floor applies
        assertEquals(0.0115581, Stats.biasThreshold(300_000, 4096), 2e-6);
        assertEquals(0.01, Stats.biasThreshold(1_000_000_000L, 4096));
    }

    @Test
    void hammingBoundForSixtyFourStepsIsTwentyTwo() {
        // 2 * binom.sf(32 + 22, 64, 0.5) = 3.54e-9 <= 1e-6 / 64 = 1.5625e-8 < 2 * binom.sf(32 + 21, 64, 0.5) = 2.00e-8
        assertEquals(22, Stats.hammingDeviationBound(1e-6 / 64));
    }
}
