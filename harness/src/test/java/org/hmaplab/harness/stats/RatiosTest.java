package org.hmaplab.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ratio intervals with planted data, and their coverage measured by simulation: intervals from
 * many simulated runs of a known ratio must contain it about as often as their level says.
 */
class RatiosTest {

    private static double[] forks(SplittableRandom r, int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * r.nextGaussian();
        }
        return x;
    }

    @Test
    void aTenPercentDifferenceWithTightForksIsDecided() {
        double[] a = {11.0, 11.05, 10.98, 11.02, 10.97};
        double[] b = {10.0, 10.03, 9.98, 10.01, 9.99};
        RatioInterval r = Ratios.fieller(a, b, 0.95);
        assertEquals(1.1, r.estimate(), 0.005);
        assertTrue(r.low() > 1.09 && r.high() < 1.11, r.format(4));
        assertEquals(Verdict.SLOWER, Verdict.of(r, Verdict.DEFAULT_BAND));
        assertEquals(Verdict.FASTER, Verdict.of(Ratios.fieller(b, a, 0.95), Verdict.DEFAULT_BAND));
    }

    @Test
    void theSameDifferenceWithOneWildForkIsUndecided() {
        double[] a = {11.0, 11.05, 10.98, 11.02, 16.5};
        double[] b = {10.0, 10.03, 9.98, 10.01, 9.99};
        RatioInterval r = Ratios.fieller(a, b, 0.95);
        assertTrue(r.contains(1.0), r.format(4));
        assertEquals(Verdict.UNDECIDED, Verdict.of(r, Verdict.DEFAULT_BAND));
    }

    @Test
    void twoIdenticalSamplesAreNoDifference() {
        double[] a = {10.0, 10.1, 9.9, 10.05, 9.95};
        RatioInterval r = Ratios.fieller(a, a.clone(), 0.95);
        assertEquals(1.0, r.estimate(), 1e-12);
        assertEquals(Verdict.NO_DIFFERENCE, Verdict.of(r, Verdict.DEFAULT_BAND));
        assertEquals(Verdict.NO_DIFFERENCE, Verdict.of(Ratios.bootstrap(a, a.clone(), 0.95, 7, 2000),
            Verdict.DEFAULT_BAND));
    }

    @Test
    void fiellerMatchesAHandComputedInterval() {
        // a = {2, 4}: mean 3, s^2 = 2, va = 1; b = {1, 3}: mean 2, vb = 1; df = (1+1)^2 / (1/1 + 1/1) = 2;
        // t(0.975, 2) = 4.302653; t^2 = 18.5128; b^2 - t^2 vb < 0: unbounded.
        RatioInterval wide = Ratios.fieller(new double[] {2, 4}, new double[] {1, 3}, 0.95);
        assertFalse(wide.bounded());
        // a = {10, 12}, b = {5, 5.2}: ma 11, va = 2/2 = 1; mb 5.1, vb = 0.02/2 = 0.01; df = 1.0201^2/(1 + 1e-4)
        // = 1.04050 ... the roots of r^2 (26.01 - t^2 0.01) - 2 r 56.1 + (121 - t^2) = 0.
        double[] a = {10, 12};
        double[] b = {5, 5.2};
        double df = Math.pow(1.01, 2) / (1 + 1e-4);
        double t = new org.apache.commons.math3.distribution.TDistribution(null, df)
            .inverseCumulativeProbability(0.975);
        double qa = 26.01 - t * t * 0.01;
        double qc = 121 - t * t;
        double disc = 56.1 * 56.1 - qa * qc;
        RatioInterval r = Ratios.fieller(a, b, 0.95);
        if (qa > 0 && disc >= 0) {
            // a ratio of times is never negative: the lower root is clamped at 0
            assertEquals(Math.max(0, (56.1 - Math.sqrt(disc)) / qa), r.low(), 1e-9);
            assertEquals((56.1 + Math.sqrt(disc)) / qa, r.high(), 1e-9);
        } else {
            assertFalse(r.bounded());
        }
    }

    @Test
    void aRatioOfTimesNeverGetsANegativeLowerEnd() {
        // the A/A control of a real two-fork run: 1.248 with t(0.975, ~1 df) = 12.7 once gave (-2.33, 4.97)
        RatioInterval r = Ratios.fieller(new double[] {1.0, 9.0}, new double[] {5.0, 5.1}, 0.95);
        assertEquals(0.0, r.low(), 0.0);
        assertTrue(r.high() > 1, r.format(3));
    }

    @Test
    void theBootstrapIsDeterministicForItsSeed() {
        double[] a = {11.0, 11.3, 10.7, 11.1, 10.9, 11.2};
        double[] b = {10.0, 10.2, 9.8, 10.1, 9.9, 10.05};
        RatioInterval one = Ratios.bootstrap(a, b, 0.95, 42, 5000);
        RatioInterval two = Ratios.bootstrap(a, b, 0.95, 42, 5000);
        assertEquals(one, two);
        assertEquals(42, one.seed());
        assertEquals(IntervalMethod.BOOTSTRAP, one.method());
        RatioInterval other = Ratios.bootstrap(a, b, 0.95, 43, 5000);
        assertTrue(one.low() != other.low() || one.high() != other.high());
    }

    @Test
    void withOneForkTheIntervalComesFromItsIterationsAndSaysSo() {
        RatioInterval r = Ratios.of(new double[] {11}, new double[] {10}, new double[] {11, 11.1, 10.9, 11.05},
            new double[] {10, 10.1, 9.9, 10.02}, 0.95);
        assertEquals(IntervalMethod.FIELLER_ITERATIONS, r.method());
        assertEquals(4, r.nA());
        RatioInterval forks = Ratios.of(new double[] {11, 11.2}, new double[] {10, 10.1}, new double[0],
            new double[0], 0.95);
        assertEquals(IntervalMethod.FIELLER, forks.method());
    }

    @Test
    void aSingleSampleIsRefusedByFieller() {
        assertThrows(IllegalArgumentException.class, () -> Ratios.fieller(new double[] {1}, new double[] {1, 2}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Ratios.fieller(new double[] {1, 2}, new double[] {1, 2}, 1));
    }

    /** The share of simulated intervals that contain the true ratio. */
    private static double coverage(boolean fieller, int forks, double sdShare, int runs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double trueRatio = 1.1;
        int hit = 0;
        for (int i = 0; i < runs; i++) {
            double[] a = forks(r, forks, 11.0, 11.0 * sdShare);
            double[] b = forks(r, forks, 10.0, 10.0 * sdShare);
            RatioInterval ci = fieller ? Ratios.fieller(a, b, 0.95) : Ratios.bootstrap(a, b, 0.95, i, 1000);
            if (ci.contains(trueRatio)) {
                hit++;
            }
        }
        return hit / (double) runs;
    }

    @Test
    void fiellerCoversTheTrueRatioAboutNinetyFivePercentOfTheTime() {
        for (int forks : new int[] {2, 3, 5, 10}) {
            double c = coverage(true, forks, 0.03, 4000, forks);
            System.out.printf("Fieller coverage, %d forks: %.4f%n", forks, c);
            // Welch's degrees of freedom make two forks per side a little conservative (about 97.7 %)
            assertTrue(c > 0.93 && c < (forks == 2 ? 0.99 : 0.97), forks + " forks: coverage " + c);
        }
    }

    @Test
    void theBootstrapUndercoversWithFewForksAndApproachesTheLevelWithMany() {
        double few = coverage(false, 3, 0.03, 2000, 11);
        double many = coverage(false, 20, 0.03, 2000, 12);
        System.out.printf("bootstrap coverage, 3 forks: %.4f, 20 forks: %.4f%n", few, many);
        assertTrue(few < 0.85, "3 forks: " + few);
        assertTrue(many > 0.90 && many < 0.97, "20 forks: " + many);
    }
}
