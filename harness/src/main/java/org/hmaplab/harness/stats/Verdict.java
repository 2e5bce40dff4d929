package org.hmaplab.harness.stats;

/**
 * What an interval of a time ratio (A's time over B's time) says about A against B. Equivalence
 * is checked first: an interval inside the band {@code [1 - band, 1 + band]} is
 * {@link #NO_DIFFERENCE} even when it excludes 1 (a 1 % difference decided with great precision is
 * no difference worth reporting); otherwise an interval wholly below 1 is {@link #FASTER}, wholly
 * above 1 {@link #SLOWER}, and anything else {@link #UNDECIDED}.
 */
public enum Verdict {
    FASTER("faster"),
    SLOWER("slower"),
    NO_DIFFERENCE("no difference"),
    UNDECIDED("undecided");

    /** The default equivalence band: +/- 3 %. */
    public static final double DEFAULT_BAND = 0.03;

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the verdict decided a direction (faster or slower). */
    public boolean decided() {
        return this == FASTER || this == SLOWER;
    }

    /** The verdict of a time ratio A/B with an equivalence band of {@code +/- band}. */
    public static Verdict of(RatioInterval timeRatio, double band) {
        if (!(band >= 0 && band < 1)) {
            throw new IllegalArgumentException("the equivalence band must be in [0, 1), got " + band);
        }
        if (timeRatio.low() >= 1 - band && timeRatio.high() <= 1 + band) {
            return NO_DIFFERENCE;
        }
        if (timeRatio.high() < 1) {
            return FASTER;
        }
        if (timeRatio.low() > 1) {
            return SLOWER;
        }
        return UNDECIDED;
    }
}
