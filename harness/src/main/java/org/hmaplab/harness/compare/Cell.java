package org.hmaplab.harness.compare;

import java.util.Map;

/**
 * One benchmark cell of one run: a benchmark method with one combination of parameters, and its
 * score with JMH's error (the half-width of JMH's 99.9 % confidence interval; NaN when JMH could
 * not compute one, e.g. for a single measurement iteration).
 *
 * @param key       benchmark, mode and parameters: equal keys are the same experiment
 * @param benchmark the fully qualified benchmark method
 * @param mode      the JMH mode (thrpt, avgt, sample, ss)
 * @param unit      the score unit as JMH prints it ("ns/op", "ops/us", ...)
 * @param score     the score
 * @param error     the CI half-width, NaN if unknown
 * @param columns   the descriptive columns of the row (operation, impl, hasher, size, ...)
 */
public record Cell(String key, String benchmark, String mode, String unit, double score, double error,
                   Map<String, String> columns) {

    /** Which way this cell's score is better. */
    public Direction direction() {
        return Direction.ofMode(mode);
    }

    /** The error, or 0 when JMH gave none. */
    public double errorOrZero() {
        return Double.isNaN(error) ? 0.0 : error;
    }

    /** A short readable name: the benchmark's class and method, then the parameters. */
    public String displayName() {
        final String[] parts = benchmark.split("\\.");
        final String shortName = parts.length >= 2
            ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
        final String params = columns.getOrDefault("params", "");
        return params.isEmpty() ? shortName : shortName + " [" + params + "]";
    }
}
