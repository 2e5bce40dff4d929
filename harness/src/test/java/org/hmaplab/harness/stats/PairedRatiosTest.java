package org.hmaplab.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The paired interval of duet mode ({@link Ratios#paired}), checked against hand-worked values. */
class PairedRatiosTest {

    /** Student's t, 97.5 % quantile, 1 and 3 degrees of freedom (printed tables). */
    private static final double T_1 = 12.7062;
    private static final double T_3 = 3.1824;

    @Test
    void twoPairsGiveTheHandWorkedLogScaleInterval() {
        // ratios 2 and 4: logs ln2 and 2 ln2, mean 1.5 ln2, sd ln2 / sqrt2, se ln2 / 2
        RatioInterval r = Ratios.paired(new double[] {2, 4}, new double[] {1, 1}, 0.95);
        assertEquals(Math.pow(2, 1.5), r.estimate(), 1e-9);
        assertEquals(Math.pow(2, 1.5 - T_1 / 2), r.low(), 1e-4 * r.low());
        assertEquals(Math.pow(2, 1.5 + T_1 / 2), r.high(), 1e-4 * r.high());
        assertEquals(IntervalMethod.PAIRED_LOG, r.method());
    }

    @Test
    void fourPairsUseThreeDegreesOfFreedom() {
        double[] ratios = {1.1, 1.2, 1.0, 1.1};
        double[] a = new double[4];
        double[] b = new double[4];
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            b[i] = 10 + i;
            a[i] = ratios[i] * b[i];
            sum += Math.log(ratios[i]);
        }
        double m = sum / 4;
        double ss = 0;
        for (double x : ratios) {
            ss += (Math.log(x) - m) * (Math.log(x) - m);
        }
        double se = Math.sqrt(ss / 3) / 2;
        RatioInterval r = Ratios.paired(a, b, 0.95);
        assertEquals(Math.exp(m - T_3 * se), r.low(), 1e-4);
        assertEquals(Math.exp(m + T_3 * se), r.high(), 1e-4);
    }

    @Test
    void noiseBothSidesShareIsDecidedPairedAndUndecidedUnpaired() {
        // the machine's state multiplies both forks of a round alike; A is 10 % faster in every round
        double[] machine = {1.0, 1.6, 0.7, 1.3};
        double[] jitter = {1.01, 0.99, 1.00, 1.005};
        double[] a = new double[4];
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            b[i] = 20 * machine[i];
            a[i] = 18 * machine[i] * jitter[i];
        }
        assertEquals(Verdict.FASTER, Verdict.of(Ratios.paired(a, b, 0.95), Verdict.DEFAULT_BAND));
        assertEquals(Verdict.UNDECIDED, Verdict.of(Ratios.fieller(a, b, 0.95), Verdict.DEFAULT_BAND));
    }

    @Test
    void pairsMustMatchAndTimesBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Ratios.paired(new double[] {1, 2}, new double[] {1}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Ratios.paired(new double[] {1}, new double[] {1}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Ratios.paired(new double[] {1, 0}, new double[] {1, 1},
            0.95));
    }
}
