package org.hmaplab.hash.select;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hmaplab.hash.cpu.CpuFeatures;
import org.hmaplab.hash.cpu.Support;

/**
 * The rules that turn CPU features into a hasher. A feature whose presence is
 * {@link Support#UNKNOWN} counts as absent: a policy never picks a hardware-backed hasher on a
 * guess, and the reason says that the feature was unknown.
 *
 * <ul>
 *   <li>{@link #CARD}: AES instructions -> {@code aes}; else a Vector API preferred width of at
 *       least {@value #MIN_VECTOR_BITS} bits -> {@code rc6}; else {@code fnv1a}.</li>
 *   <li>{@link #GO}: as the Go 1.19 runtime's {@code alginit} (GO-MAP-SPEC.md 3.4): on x86,
 *       AES + SSSE3 + SSE4.1 -> {@code aes}; on arm64, AES -> {@code aes}; everything else
 *       (other architectures, missing features) -> {@code go}, Go's fallback hash.</li>
 * </ul>
 */
public enum SelectionPolicy {
    CARD {
        @Override
        Selection choose(CpuFeatures f) {
            Support aes = f.flag("aes");
            if (aes.present()) {
                return pick(AES, "CPU has AES instructions (" + f.flagSource("aes") + ")");
            }
            String noAes = absence(f, "aes", "no AES instructions");
            if (f.vectorBitSize().isPresent() && f.vectorBitSize().getAsInt() >= MIN_VECTOR_BITS) {
                return pick(RC6, noAes + "; Vector API preferred width " + f.vectorBitSize().getAsInt()
                    + " bits >= " + MIN_VECTOR_BITS);
            }
            String vectors = f.vectorBitSize().isPresent()
                ? "Vector API preferred width " + f.vectorBitSize().getAsInt() + " bits < " + MIN_VECTOR_BITS
                : "Vector API unavailable (counted as narrow)";
            return pick(FNV1A, noAes + "; " + vectors);
        }
    },
    GO {
        @Override
        Selection choose(CpuFeatures f) {
            if (f.isX86()) {
                List<String> need = List.of("aes", "ssse3", "sse4_1");
                StringBuilder missing = new StringBuilder();
                for (String flag : need) {
                    if (!f.flag(flag).present()) {
                        missing.append(missing.isEmpty() ? "" : ", ").append(absence(f, flag, "no " + flag));
                    }
                }
                if (missing.isEmpty()) {
                    return pick(AES, "x86 CPU has AES + SSSE3 + SSE4.1 (" + f.flagSource("aes") + ", "
                        + f.flagSource("ssse3") + ", " + f.flagSource("sse4_1") + "), as Go's alginit");
                }
                return pick(GO_FALLBACK, "x86 CPU lacks what Go's alginit needs for AES (" + missing
                    + "); Go's fallback hash");
            }
            if (f.isArm64()) {
                if (f.flag("aes").present()) {
                    return pick(AES, "arm64 CPU has AES (" + f.flagSource("aes") + "), as Go's alginit");
                }
                return pick(GO_FALLBACK, "arm64 CPU: " + absence(f, "aes", "no AES")
                    + "; Go's fallback hash");
            }
            return pick(GO_FALLBACK, "architecture " + f.osArch()
                + " has no AES hash in Go 1.19; Go's fallback hash");
        }
    };

    /** The narrowest preferred Vector API width for which {@link #CARD} picks {@code rc6}. */
    public static final int MIN_VECTOR_BITS = 128;

    static final String AES = "aes";
    static final String RC6 = "rc6";
    static final String FNV1A = "fnv1a";
    static final String GO_FALLBACK = "go";

    /** Applies the rules to {@code features}. */
    abstract Selection choose(CpuFeatures features);

    /** The policy's name as written on the command line and in metadata ({@code card}, {@code go}). */
    public String policyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every policy name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(SelectionPolicy::policyName).toList();
    }

    /** The policy called {@code name}; unknown: IllegalArgumentException naming it and the valid ones. */
    public static SelectionPolicy byName(String name) {
        for (SelectionPolicy p : values()) {
            if (p.policyName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown selection policy '" + name + "'; valid: "
            + String.join(", ", names()));
    }

    final Selection pick(String hasher, String why) {
        return new Selection(hasher, policyName(), policyName() + ": " + why + " -> " + hasher, false);
    }

    static String absence(CpuFeatures f, String flag, String whenNo) {
        return f.flag(flag) == Support.UNKNOWN
            ? flag + " unknown, counted as absent (" + f.flagSource(flag) + ")"
            : whenNo + " (" + f.flagSource(flag) + ")";
    }
}
