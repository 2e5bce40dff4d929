package org.hmaplab.harness.compare;

import java.util.List;
import java.util.Locale;

/**
 * The decision rules of {@code hbench compare}, as pure functions.
 *
 * <p><b>Pairwise</b> (base vs new): JMH's error is the half-width of a 99.9 % confidence interval
 * (Student's t over the measurement iterations). When the two intervals {@code score +/- error}
 * overlap, the difference is not established: no change. When they do not overlap but the
 * relative change is below the threshold, it is real but too small to matter: no change. Else
 * improved or regressed, according to the mode's direction (thrpt: higher is better; avgt,
 * sample, ss: lower is better). A missing error (NaN) counts as zero width.
 *
 * <p><b>Window</b> (the last N archived runs of the same benchmark and environment): the new score
 * is compared with the mean and sample standard deviation of the window's scores. Inside
 * {@code mean +/- k * stddev}: no change. Outside but with a relative change against the mean
 * below the threshold: no change. Else improved or regressed by direction. A window of fewer than
 * {@link #MIN_WINDOW} runs is not used.
 */
public final class VerdictRules {

    /** Fewest past runs for which a window verdict is made (a standard deviation needs two). */
    public static final int MIN_WINDOW = 2;

    private VerdictRules() {
    }

    /** The pairwise verdict with its reason. */
    public static Decision pairwise(Cell base, Cell current, double thresholdPct) {
        final double b = base.score();
        final double n = current.score();
        final double change = changePct(b, n);
        final double eb = base.errorOrZero();
        final double en = current.errorOrZero();
        final boolean overlap = b - eb <= n + en && n - en <= b + eb;
        if (overlap) {
            return new Decision(Verdict.NO_CHANGE, change, "99.9% confidence intervals overlap");
        }
        return byThreshold(current.direction(), change, thresholdPct, "intervals apart");
    }

    /** The window verdict with its reason; the window's scores must number at least {@link #MIN_WINDOW}. */
    public static Decision window(List<Double> windowScores, Cell current, double k, double thresholdPct) {
        if (windowScores.size() < MIN_WINDOW) {
            throw new IllegalArgumentException("a window needs at least " + MIN_WINDOW + " runs, got "
                + windowScores.size());
        }
        final double mean = mean(windowScores);
        final double sd = stdDev(windowScores, mean);
        final double n = current.score();
        final double change = changePct(mean, n);
        if (Math.abs(n - mean) <= k * sd) {
            return new Decision(Verdict.NO_CHANGE, change,
                String.format(Locale.ROOT, "inside window mean +/- %.1f sd", k));
        }
        return byThreshold(current.direction(), change, thresholdPct,
            String.format(Locale.ROOT, "outside window mean +/- %.1f sd", k));
    }

    private static Decision byThreshold(Direction dir, double change, double thresholdPct, String why) {
        if (Math.abs(change) < thresholdPct) {
            return new Decision(Verdict.NO_CHANGE, change, String.format(Locale.ROOT,
                "%s, but %+.1f%% is within the %.1f%% threshold", why, change, thresholdPct));
        }
        final boolean better = change * dir.sign() > 0;
        return new Decision(better ? Verdict.IMPROVED : Verdict.REGRESSED, change, String.format(Locale.ROOT,
            "%s and %+.1f%% beyond the %.1f%% threshold (%s)", why, change, thresholdPct,
            dir == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better"));
    }

    /** (now - before) / before * 100. */
    public static double changePct(double before, double now) {
        return (now - before) / before * 100.0;
    }

    /** Arithmetic mean. */
    public static double mean(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.size();
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    public static double stdDev(List<Double> xs, double mean) {
        double s = 0;
        for (double x : xs) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (xs.size() - 1));
    }

    /**
     * A verdict with the change it was made on and the reason.
     *
     * @param verdict   the verdict
     * @param changePct the relative change it was decided on, in percent
     * @param reason    the rule that decided it
     */
    public record Decision(Verdict verdict, double changePct, String reason) {
    }
}
