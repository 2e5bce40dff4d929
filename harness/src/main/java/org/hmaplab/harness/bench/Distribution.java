package org.hmaplab.harness.bench;

import java.util.Arrays;
import java.util.List;

/** How lookups pick keys: uniformly, or by a Zipf law with exponent 0.99 (YCSB's default). */
public enum Distribution {
    UNIFORM("uniform"),
    ZIPF("zipf");

    /** The Zipf exponent (theta) of {@link #ZIPF}. */
    public static final double ZIPF_THETA = 0.99;

    private final String label;

    Distribution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Distribution::label).toList();
    }

    /** The distribution called {@code label}; IllegalArgumentException listing the valid ones otherwise. */
    public static Distribution of(String label) {
        for (Distribution d : values()) {
            if (d.label.equals(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown distribution '" + label + "'; valid: "
            + String.join(", ", labels()));
    }
}
