package org.hmaplab.harness.stats;

/** How a {@link RatioInterval} was computed. */
public enum IntervalMethod {
    /**
     * Fieller's interval for a ratio of two independent means, the fork means being the samples
     * (Welch-Satterthwaite degrees of freedom). The default: exact under normal fork means, defined
     * from two forks per side, and it widens without bound (the verdict is then undecided) when the
     * denominator's mean is not clearly away from zero.
     */
    FIELLER("fieller"),
    /** A seeded percentile bootstrap of the ratio of means, resampling forks within each side. */
    BOOTSTRAP("bootstrap"),
    /**
     * Fieller's interval over the timed iterations of a single fork per side: all a run with one fork
     * can give. It measures the noise inside one process, not the run-to-run spread, so it is too
     * narrow for a claim about another run; tables mark it.
     */
    FIELLER_ITERATIONS("fieller-iterations"),
    /**
     * A paired interval: A and B measured side by side (one fork of each at the same time, one per
     * core, in duet mode), the log of each pair's ratio a sample, Student's t over the pairs, the
     * ends exponentiated. The estimate is the geometric mean of the pairs' ratios. Noise that both
     * forks of a pair share cancels in their ratio.
     */
    PAIRED_LOG("paired-log");

    private final String label;

    IntervalMethod(String label) {
        this.label = label;
    }

    /** The name written into tables and CSVs. */
    public String label() {
        return label;
    }
}
