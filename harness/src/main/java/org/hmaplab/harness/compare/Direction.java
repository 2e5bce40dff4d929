package org.hmaplab.harness.compare;

import java.util.Locale;

/**
 * Which way a JMH score is better. JMH's throughput mode ({@code thrpt}) reports operations per
 * time unit, so higher is better; the time modes ({@code avgt}, {@code sample}, {@code ss}) report
 * time per operation, so lower is better.
 */
public enum Direction {
    /** Throughput: ops/time unit. */
    HIGHER_IS_BETTER,
    /** Average time, sampled time, single-shot time: time/op. */
    LOWER_IS_BETTER;

    /**
     * The direction for a JMH mode, by its short name ({@code thrpt, avgt, sample, ss}) or its
     * long name ({@code Throughput, AverageTime, SampleTime, SingleShotTime}).
     *
     * @throws IllegalArgumentException for any other mode, naming the allowed ones
     */
    public static Direction ofMode(String mode) {
        final String m = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "thrpt", "throughput" -> HIGHER_IS_BETTER;
            case "avgt", "averagetime", "sample", "sampletime", "ss", "singleshottime" -> LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException("unknown JMH mode '" + mode
                + "'; allowed: thrpt, avgt, sample, ss (or Throughput, AverageTime, SampleTime, SingleShotTime)");
        };
    }

    /** +1 when a rise of the score is an improvement, -1 when it is a regression. */
    public int sign() {
        return this == HIGHER_IS_BETTER ? 1 : -1;
    }
}
