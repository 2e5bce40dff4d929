package org.hmaplab.harness.stats;

/**
 * The A/A control of a run: one implementation measured twice under two names, the same code in
 * separate forks. Its time ratio should be 1; the interval around it is the noise floor the run
 * could resolve, and a decided A/A verdict (faster or slower) means the run saw differences that
 * are not there: the run is flagged as noisy.
 *
 * @param interval the A/A time ratio with its interval
 * @param verdict  its verdict
 * @param noisy    whether the verdict is decided
 * @param spread   the half-width of the interval relative to 1, e.g. 0.04 for +/- 4 % (infinite when unbounded)
 */
public record NoiseFloor(RatioInterval interval, Verdict verdict, boolean noisy, double spread) {

    /** The noise floor of an A/A pair. */
    public static NoiseFloor of(RatioInterval aa, double band) {
        Verdict v = Verdict.of(aa, band);
        double spread = aa.bounded() ? (aa.high() - aa.low()) / 2 : Double.POSITIVE_INFINITY;
        return new NoiseFloor(aa, v, v.decided(), spread);
    }

    /** One line for metadata and summaries, e.g. {@code A/A 1.01 (0.98-1.04), +/- 3.0 %, no difference}. */
    public String line() {
        String s = Double.isFinite(spread) ? String.format(java.util.Locale.ROOT, "+/- %.1f %%", spread * 100)
            : "unbounded";
        return "A/A " + interval.format(3) + ", " + s + ", " + verdict.label() + (noisy ? " (noisy run)" : "");
    }
}
