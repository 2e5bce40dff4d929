package org.hmaplab.hash.quality;

import java.util.Locale;

/**
 * How much work the quality tests do. {@link #FULL} is sized so that the pass thresholds, which
 * follow from the sampling error, come near SMHasher's; {@link #QUICK} is a smoke test for unit
 * tests and CI (well under a few seconds per hasher) that still catches gross failures, with
 * thresholds that are correspondingly wider: a hasher that passes quick mode has not yet passed.
 */
public enum QualityMode {
    QUICK, FULL;

    /** {@code quick} or {@code full}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Picks the quick or the full value. */
    int pick(int quick, int full) {
        return this == QUICK ? quick : full;
    }
}
