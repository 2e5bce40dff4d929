package org.hmaplab.hash.cpu;

/**
 * Whether a CPU feature is present, as far as this process can tell: {@link #YES}, {@link #NO},
 * or {@link #UNKNOWN} when no source could say (no {@code /proc/cpuinfo}, an unreadable file, a
 * JVM without the diagnostic bean). Selection policies count {@code UNKNOWN} as absent.
 */
public enum Support {
    YES, NO, UNKNOWN;

    /** {@code yes}, {@code no} or {@code unknown}, as printed and archived. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True only for {@link #YES}: unknown counts as absent. */
    public boolean present() {
        return this == YES;
    }

    /** YES or NO from a boolean. */
    public static Support of(boolean present) {
        return present ? YES : NO;
    }
}
