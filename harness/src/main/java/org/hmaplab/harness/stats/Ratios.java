package org.hmaplab.harness.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals for the ratio of two means, A over B, from independent samples: the fork
 * means of two benchmark cells (the fork is the unit of analysis: Kalibera and Jones, "Rigorous
 * benchmarking in reasonable time", ISMM 2013; the iterations inside one fork share its JIT
 * decisions, heap layout and machine state, so they are not independent draws of what another
 * run would measure).
 *
 * <h2>Fieller (the default)</h2>
 * With sample means {@code a}, {@code b}, their squared standard errors {@code va = sA^2/nA},
 * {@code vb = sB^2/nB} and Student's {@code t} at the confidence level with Welch-Satterthwaite
 * degrees of freedom, the interval is the set of {@code r} with
 * {@code (a - r b)^2 <= t^2 (va + r^2 vb)}: the roots of
 * {@code r^2 (b^2 - t^2 vb) - 2 r a b + (a^2 - t^2 va) = 0}. When {@code g = t^2 vb / b^2 >= 1}
 * the denominator's mean is not significantly away from zero and the interval is unbounded. Fieller
 * is exact for normal means, needs only two forks per side, is deterministic and costs nothing; the
 * simulation in the tests ({@code RatiosTest}) puts its coverage at the nominal level for 2 to 10
 * forks with normal fork noise.
 *
 * <h2>Bootstrap</h2>
 * A percentile bootstrap: each of {@code resamples} rounds draws nA forks of A and nB forks of B
 * with replacement (a {@link SplittableRandom} from the given seed) and takes the ratio of their
 * means; the interval is the (1-c)/2 and (1+c)/2 quantiles. It assumes no distribution, but with
 * the 2 to 6 forks a run has it can only reuse those few values and undercovers (the tests measure
 * it), so it is offered for samples of ten forks and more, not used by default.
 *
 * <h2>Paired (duet mode)</h2>
 * When the forks come in pairs measured at the same time ({@code a[i]} beside {@code b[i]}), the
 * ratio of each pair carries only the noise the two did not share. {@link #paired} takes
 * {@code d_i = ln(a_i / b_i)}, their mean {@code m} and standard deviation {@code s}, and returns
 * {@code exp(m +/- t s / sqrt(n))} with Student's {@code t} at {@code n - 1} degrees of freedom:
 * a t-interval on the log scale, where a ratio's errors are symmetric.
 */
public final class Ratios {
    /** The default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** The default bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 10_000;

    private Ratios() {
    }

    /**
     * The default interval of mean(a) / mean(b): Fieller over the forks when both sides have at
     * least two, else Fieller over the iterations of the single fork(s) ({@code iterationsA} and
     * {@code iterationsB}, the timed iterations of every fork), marked as such.
     */
    public static RatioInterval of(double[] forkMeansA, double[] forkMeansB, double[] iterationsA,
                                   double[] iterationsB, double confidence) {
        if (forkMeansA.length >= 2 && forkMeansB.length >= 2) {
            return fieller(forkMeansA, forkMeansB, confidence);
        }
        RatioInterval r = fieller(iterationsA, iterationsB, confidence);
        return new RatioInterval(r.estimate(), r.low(), r.high(), confidence, IntervalMethod.FIELLER_ITERATIONS, 0,
            r.nA(), r.nB());
    }

    /** Fieller's interval for mean(a) / mean(b); each side needs at least two samples. */
    public static RatioInterval fieller(double[] a, double[] b, double confidence) {
        checkConfidence(confidence);
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Fieller's interval needs two samples per side, got " + a.length
                + " and " + b.length);
        }
        double ma = mean(a);
        double mb = mean(b);
        double va = variance(a, ma) / a.length;
        double vb = variance(b, mb) / b.length;
        double estimate = ma / mb;
        double df = welchDf(va, a.length, vb, b.length);
        double t = Double.isFinite(df) && df > 0
            ? new TDistribution(null, df).inverseCumulativeProbability(0.5 + confidence / 2) : 0;
        double t2 = t * t;
        double qa = mb * mb - t2 * vb;
        if (qa <= 0) {
            return new RatioInterval(estimate, 0, Double.POSITIVE_INFINITY, confidence, IntervalMethod.FIELLER, 0,
                a.length, b.length);
        }
        double qb = ma * mb;
        double qc = ma * ma - t2 * va;
        double disc = qb * qb - qa * qc;
        double root = Math.sqrt(Math.max(0, disc));
        // a ratio of times is never negative: a root below zero (the numerator's mean not clearly above zero)
        // means the data do not bound the ratio from below
        double low = Math.max(0, (qb - root) / qa);
        double high = (qb + root) / qa;
        return new RatioInterval(estimate, low, high, confidence, IntervalMethod.FIELLER, 0, a.length, b.length);
    }

    /**
     * The paired interval of the ratio {@code a / b} ({@link IntervalMethod#PAIRED_LOG}): {@code a[i]}
     * and {@code b[i]} were measured together; at least two pairs, every value above zero.
     */
    public static RatioInterval paired(double[] a, double[] b, double confidence) {
        checkConfidence(confidence);
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("a paired interval needs two or more pairs, got " + a.length + " and "
                + b.length + " values");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] > 0 && b[i] > 0)) {
                throw new IllegalArgumentException("a paired ratio needs times above zero, pair " + i + " has " + a[i]
                    + " and " + b[i]);
            }
            d[i] = Math.log(a[i] / b[i]);
        }
        double m = mean(d);
        double se = Math.sqrt(variance(d, m) / d.length);
        double t = new TDistribution(null, d.length - 1).inverseCumulativeProbability(0.5 + confidence / 2);
        return new RatioInterval(Math.exp(m), Math.exp(m - t * se), Math.exp(m + t * se), confidence,
            IntervalMethod.PAIRED_LOG, 0, a.length, b.length);
    }

    /** A seeded percentile bootstrap of mean(a) / mean(b), resampling within each side. */
    public static RatioInterval bootstrap(double[] a, double[] b, double confidence, long seed, int resamples) {
        checkConfidence(confidence);
        if (a.length < 1 || b.length < 1 || resamples < 100) {
            throw new IllegalArgumentException("the bootstrap needs a sample per side and at least 100 resamples");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sa = 0;
            for (int i = 0; i < a.length; i++) {
                sa += a[random.nextInt(a.length)];
            }
            double sb = 0;
            for (int i = 0; i < b.length; i++) {
                sb += b[random.nextInt(b.length)];
            }
            ratios[r] = (sa / a.length) / (sb / b.length);
        }
        Arrays.sort(ratios);
        double low = quantile(ratios, (1 - confidence) / 2);
        double high = quantile(ratios, (1 + confidence) / 2);
        return new RatioInterval(mean(a) / mean(b), low, high, confidence, IntervalMethod.BOOTSTRAP, seed, a.length,
            b.length);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return x.length > 1 ? s / (x.length - 1) : 0;
    }

    /** Welch-Satterthwaite degrees of freedom of two squared standard errors. */
    static double welchDf(double va, int na, double vb, int nb) {
        double num = (va + vb) * (va + vb);
        double den = va * va / (na - 1) + vb * vb / (nb - 1);
        return den == 0 ? Double.POSITIVE_INFINITY : num / den;
    }

    /** The {@code p}-quantile of sorted values, interpolated linearly (R's type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void checkConfidence(double c) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + c);
        }
    }
}
