package org.hmaplab.harness.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of key the map benchmarks use, by the stable name that appears in the CSV
 * ({@code key_kind}). Each belongs to a family that decides which adapter interface of
 * {@code baselines} the benchmark drives.
 */
public enum KeyKind {
    /** Uniformly random 64-bit longs (distinct). */
    LONG_RANDOM("long-random", Family.LONG, 0),
    /** 0, 1, 2, ...: the easy case for weak hashes. */
    LONG_SEQ("long-seq", Family.LONG, 0),
    /** {@code i << 20}: low bits all zero, the case that breaks identity-like hashing. */
    LONG_STRIDED("long-strided", Family.LONG, 0),
    /** Random alphanumeric Strings of 8 chars. */
    STRING_8("string-8", Family.STRING, 8),
    /** Random alphanumeric Strings of 16 chars. */
    STRING_16("string-16", Family.STRING, 16),
    /** Random alphanumeric Strings of 64 chars. */
    STRING_64("string-64", Family.STRING, 64),
    /** A {@code CompositeKey(name, age, id)} record. */
    COMPOSITE("composite", Family.COMPOSITE, 0);

    /** Which adapter interface a key kind needs. */
    public enum Family { LONG, STRING, COMPOSITE }

    /** The shift of the strided kind: keys are {@code i << STRIDE_SHIFT}. */
    public static final int STRIDE_SHIFT = 20;

    private final String label;
    private final Family family;
    private final int length;

    KeyKind(String label, Family family, int length) {
        this.label = label;
        this.family = family;
        this.length = length;
    }

    /** The name used in parameters and CSV files. */
    public String label() {
        return label;
    }

    public Family family() {
        return family;
    }

    /** String length in chars for String kinds, 0 otherwise. */
    public int length() {
        return length;
    }

    /** Every label, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(KeyKind::label).toList();
    }

    /** The kind called {@code label}; IllegalArgumentException listing the valid labels otherwise. */
    public static KeyKind of(String label) {
        for (KeyKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown key kind '" + label + "'; valid: " + String.join(", ", labels()));
    }
}
