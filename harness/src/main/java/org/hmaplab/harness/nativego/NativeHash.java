package org.hmaplab.harness.nativego;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The hash a native-Go cell runs with, named in the CSV's {@code hasher} column: Go's AES-based
 * {@code aeshash} (the default on CPUs with AES instructions) or the portable fallback that Go
 * uses without them, forced with {@code GODEBUG=cpu.aes=off}. The Java {@code go} hashers
 * reproduce the fallback bit for bit (Go 1.19's; Go 1.23 and later mix in random process keys).
 */
public enum NativeHash {
    AESHASH("aeshash", ""),
    FALLBACK("fallback", "cpu.aes=off");

    private final String label;
    private final String godebug;

    NativeHash(String label, String godebug) {
        this.label = label;
        this.godebug = godebug;
    }

    public String label() {
        return label;
    }

    /** The {@code GODEBUG} setting of the child process, empty for none. */
    public String godebug() {
        return godebug;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(NativeHash::label).toList();
    }

    public static Optional<NativeHash> of(String label) {
        return Arrays.stream(values()).filter(h -> h.label.equals(label)).findFirst();
    }
}
