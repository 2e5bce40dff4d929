package org.hmaplab.hash.cpu;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code /proc/cpuinfo} says, parsed from its text: the feature flags of the first
 * processor and the CPU model name.
 *
 * <p>Linux writes the flags as {@code flags : fpu vme ... aes ...} on x86 and as
 * {@code Features : fp asimd aes pmull ...} on arm64; the model is {@code model name : ...} on
 * x86 and, on arm64 where there is usually no model name, {@code CPU implementer} and
 * {@code CPU part} are joined instead. Only the first processor's block is read: the kernel
 * reports the same flags for every core.
 *
 * @param flags     the flags, lower-case, in file order; empty when the text has no flags line
 * @param model     the model name, or {@code "unknown"}
 * @param arm       true when the flags came from an arm64-style {@code Features} line
 * @param hasFlags  true when a flags or Features line was found at all
 */
public record CpuInfo(Set<String> flags, String model, boolean arm, boolean hasFlags) {

    /** Model name used when the text names none. */
    public static final String UNKNOWN_MODEL = "unknown";

    public CpuInfo {
        flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
    }

    /** Parses the text of {@code /proc/cpuinfo}; never fails, an empty text gives no flags. */
    public static CpuInfo parse(String text) {
        Set<String> flags = new LinkedHashSet<>();
        String model = null;
        String implementer = null;
        String part = null;
        boolean arm = false;
        boolean hasFlags = false;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                if (line.isBlank() && hasFlags && model != null) {
                    break; // end of the first processor's block, everything needed is known
                }
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "flags", "features" -> {
                    if (!hasFlags) {
                        hasFlags = true;
                        arm = key.equals("features");
                        for (String f : value.split("\\s+")) {
                            if (!f.isEmpty()) {
                                flags.add(f.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
                case "model name" -> {
                    if (model == null && !value.isEmpty()) {
                        model = value;
                    }
                }
                case "cpu implementer" -> implementer = implementer == null ? value : implementer;
                case "cpu part" -> part = part == null ? value : part;
                default -> {
                }
            }
        }
        if (model == null && implementer != null) {
            model = "implementer " + implementer + (part == null ? "" : " part " + part);
        }
        return new CpuInfo(flags, model == null ? UNKNOWN_MODEL : model, arm, hasFlags);
    }

    /** Whether {@code flag} is listed: YES/NO when a flags line was read, else UNKNOWN. */
    public Support has(String flag) {
        return hasFlags ? Support.of(flags.contains(flag)) : Support.UNKNOWN;
    }
}
