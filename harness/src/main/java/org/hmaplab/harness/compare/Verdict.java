package org.hmaplab.harness.compare;

/** The outcome of comparing one cell of a new run with its base (or with a window of past runs). */
public enum Verdict {
    /** Better beyond the noise and beyond the threshold. */
    IMPROVED,
    /** Worse beyond the noise and beyond the threshold. */
    REGRESSED,
    /** Inside the noise (overlapping confidence intervals, inside the window band) or inside the threshold. */
    NO_CHANGE;

    /** Lower-case words, as printed in tables. */
    public String words() {
        return switch (this) {
            case IMPROVED -> "improved";
            case REGRESSED -> "regressed";
            case NO_CHANGE -> "no change";
        };
    }
}
