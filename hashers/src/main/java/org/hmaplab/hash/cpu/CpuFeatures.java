package org.hmaplab.hash.cpu;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An immutable snapshot of what this machine and this JVM offer to the hashers: CPU feature
 * flags, the JVM's own view of AES and vector support, the Vector API's preferred width, and
 * the OS and architecture. Selection policies ({@code org.hmaplab.hash.select}) decide from it.
 *
 * <h2>Sources, in order of trust</h2>
 * <ol>
 *   <li>{@code /proc/cpuinfo} (Linux): the {@code flags} line on x86, {@code Features} on
 *       arm64, and the model name. When the file is absent or unreadable, every flag is
 *       {@link Support#UNKNOWN} unless the JVM's view below answers for it.</li>
 *   <li>The JVM's view, from the HotSpot diagnostic bean: {@code UseAES},
 *       {@code UseAESIntrinsics}, {@code UseAVX}, {@code UseSSE}. HotSpot switches these on only
 *       when the CPU has the instructions, so when cpuinfo is missing a {@code true} for
 *       {@code UseAES} means {@code aes = yes}, {@code UseSSE >= 4} means {@code sse4_1} and
 *       {@code ssse3 = yes} (every CPU with SSE4.1 has SSSE3), {@code UseAVX >= 2} means
 *       {@code avx2 = yes} and {@code UseAVX >= 3} means {@code avx512f = yes}. A lower or false
 *       value proves nothing (it can be a command-line choice) and leaves the flag unknown.
 *       Options this JVM does not have are reported as {@code unknown}.</li>
 *   <li>The Vector API: {@code ByteVector.SPECIES_PREFERRED.vectorBitSize()}; empty when the
 *       {@code jdk.incubator.vector} module is not in the JVM.</li>
 * </ol>
 * {@link #detect()} never fails: anything it cannot read is reported as unknown.
 */
public final class CpuFeatures {

    /** The flags every listing and the archive report, in this order. */
    public static final List<String> RELEVANT_FLAGS =
        List.of("aes", "ssse3", "sse4_1", "avx2", "avx512f", "vaes", "pclmulqdq");

    /** The HotSpot options read through the diagnostic bean, in this order. */
    public static final List<String> JVM_OPTIONS = List.of("UseAES", "UseAESIntrinsics", "UseAVX", "UseSSE");

    /** Value of a JVM option or a name that could not be read. */
    public static final String UNKNOWN = "unknown";

    private static final Path PROC_CPUINFO = Path.of("/proc/cpuinfo");
    private static final int SSE4_LEVEL = 4;
    private static final int AVX2_LEVEL = 2;
    private static final int AVX512_LEVEL = 3;

    private final CpuInfo cpuinfo;
    private final String cpuinfoSource;
    private final Map<String, String> jvmOptions;
    private final int vectorBits;
    private final String osName;
    private final String osArch;

    private CpuFeatures(Builder b) {
        this.cpuinfo = b.cpuinfo;
        this.cpuinfoSource = b.cpuinfoSource;
        Map<String, String> opts = new LinkedHashMap<>();
        for (String o : JVM_OPTIONS) {
            opts.put(o, b.jvmOptions.getOrDefault(o, UNKNOWN));
        }
        this.jvmOptions = Collections.unmodifiableMap(opts);
        this.vectorBits = b.vectorBits;
        this.osName = b.osName;
        this.osArch = b.osArch;
    }

    /** The features of this machine and JVM. Never fails; see the class comment for the sources. */
    public static CpuFeatures detect() {
        Builder b = builder()
            .osName(System.getProperty("os.name", UNKNOWN))
            .osArch(System.getProperty("os.arch", UNKNOWN));
        try {
            b.cpuinfo(CpuInfo.parse(Files.readString(PROC_CPUINFO)), PROC_CPUINFO.toString());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            String why = Files.exists(PROC_CPUINFO) ? "unreadable (" + e.getClass().getSimpleName() + ")" : "absent";
            b.noCpuinfo(PROC_CPUINFO + " " + why);
        }
        readJvmOptions(b);
        b.vectorBits(VectorProbe.preferredBits());
        return b.build();
    }

    /** Features from the text of a cpuinfo file and an architecture; JVM view and vectors unknown. */
    public static CpuFeatures fromCpuinfo(String cpuinfoText, String osArch) {
        return builder().osName("Linux").osArch(osArch).cpuinfo(CpuInfo.parse(cpuinfoText), "cpuinfo text").build();
    }

    private static void readJvmOptions(Builder b) {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (bean == null) {
                return;
            }
            for (String name : JVM_OPTIONS) {
                try {
                    b.jvmOption(name, bean.getVMOption(name).getValue());
                } catch (IllegalArgumentException missing) {
                    // this JVM has no such option (e.g. UseSSE on arm64): stays unknown
                }
            }
        } catch (LinkageError | RuntimeException noBean) {
            // not a HotSpot JVM or jdk.management absent: every option stays unknown
        }
    }

    /** A builder for synthetic feature sets (tests, what-if listings). Everything starts unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the CPU has {@code flag} (a cpuinfo flag name such as {@code aes} or {@code sse4_1}). */
    public Support flag(String flag) {
        Support fromCpuinfo = cpuinfo.has(flag);
        if (fromCpuinfo != Support.UNKNOWN) {
            return fromCpuinfo;
        }
        return fromJvm(flag) ? Support.YES : Support.UNKNOWN;
    }

    /** Where the answer for {@code flag} came from, in words, e.g. "cpuinfo flag aes". */
    public String flagSource(String flag) {
        if (cpuinfo.hasFlags()) {
            return (cpuinfo.flags().contains(flag) ? "cpuinfo flag " : "no cpuinfo flag ") + flag;
        }
        if (fromJvm(flag)) {
            return "JVM " + jvmOptionFor(flag) + "=" + jvmOptions.get(jvmOptionFor(flag)) + ", " + cpuinfoSource;
        }
        return flag + " unknown: " + cpuinfoSource + " and no JVM option proves it";
    }

    private boolean fromJvm(String flag) {
        String option = jvmOptionFor(flag);
        if (option == null) {
            return false;
        }
        String value = jvmOptions.get(option);
        return switch (flag) {
            case "aes" -> "true".equals(value);
            case "ssse3", "sse4_1" -> level(value) >= SSE4_LEVEL;
            case "avx2" -> level(value) >= AVX2_LEVEL;
            case "avx512f" -> level(value) >= AVX512_LEVEL;
            default -> false;
        };
    }

    private static String jvmOptionFor(String flag) {
        return switch (flag) {
            case "aes" -> "UseAES";
            case "ssse3", "sse4_1" -> "UseSSE";
            case "avx2", "avx512f" -> "UseAVX";
            default -> null;
        };
    }

    private static int level(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The relevant flags ({@link #RELEVANT_FLAGS}) with their tri-state, in that order. */
    public Map<String, Support> relevantFlags() {
        Map<String, Support> m = new LinkedHashMap<>();
        for (String f : RELEVANT_FLAGS) {
            m.put(f, flag(f));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The relevant flags that are present, space-separated; {@code "unknown"} when cpuinfo was not read. */
    public String presentFlagsLine() {
        if (!cpuinfo.hasFlags()) {
            return UNKNOWN;
        }
        StringBuilder sb = new StringBuilder();
        for (String f : RELEVANT_FLAGS) {
            if (cpuinfo.flags().contains(f)) {
                sb.append(sb.isEmpty() ? "" : " ").append(f);
            }
        }
        return sb.toString();
    }

    /** Every cpuinfo flag (empty when cpuinfo was not read). */
    public Set<String> allCpuinfoFlags() {
        return cpuinfo.flags();
    }

    /** Whether cpuinfo flags were read. */
    public boolean cpuinfoRead() {
        return cpuinfo.hasFlags();
    }

    /** Where the cpuinfo came from, or why it is missing ("/proc/cpuinfo absent"). */
    public String cpuinfoSource() {
        return cpuinfoSource;
    }

    /** The CPU model name, or "unknown". */
    public String cpuModel() {
        return cpuinfo.model();
    }

    /** The HotSpot options {@link #JVM_OPTIONS}, each with its value or "unknown". */
    public Map<String, String> jvmOptions() {
        return jvmOptions;
    }

    /** The Vector API's preferred vector size in bits; empty when the Vector API is absent. */
    public OptionalInt vectorBitSize() {
        return vectorBits > 0 ? OptionalInt.of(vectorBits) : OptionalInt.empty();
    }

    /** {@code os.name}, or "unknown". */
    public String osName() {
        return osName;
    }

    /** {@code os.arch} as given ("amd64", "aarch64", ...), or "unknown". */
    public String osArch() {
        return osArch;
    }

    /** True on 32- or 64-bit x86 ({@code amd64}, {@code x86_64}, {@code x86}, {@code i386} ...). */
    public boolean isX86() {
        String a = osArch.toLowerCase(Locale.ROOT);
        return a.equals("amd64") || a.equals("x86_64") || a.equals("x86") || a.matches("i[3-6]86");
    }

    /** True on 64-bit ARM ({@code aarch64}, {@code arm64}). */
    public boolean isArm64() {
        String a = osArch.toLowerCase(Locale.ROOT);
        return a.equals("aarch64") || a.equals("arm64");
    }

    @Override
    public String toString() {
        return "CpuFeatures[" + relevantFlags() + ", model=" + cpuModel() + ", jvm=" + jvmOptions
            + ", vectorBits=" + (vectorBits > 0 ? vectorBits : UNKNOWN) + ", os=" + osName + "/" + osArch + "]";
    }

    /** Builder of synthetic feature sets. Unset parts are unknown. */
    public static final class Builder {
        private CpuInfo cpuinfo = new CpuInfo(Set.of(), CpuInfo.UNKNOWN_MODEL, false, false);
        private String cpuinfoSource = "cpuinfo not given";
        private final Map<String, String> jvmOptions = new LinkedHashMap<>();
        private int vectorBits = -1;
        private String osName = UNKNOWN;
        private String osArch = UNKNOWN;

        private Builder() {
        }

        /** Uses parsed cpuinfo; {@code source} says where it came from. */
        public Builder cpuinfo(CpuInfo info, String source) {
            this.cpuinfo = info;
            this.cpuinfoSource = source;
            return this;
        }

        /** An x86-style flag list (space-separated) and a model name, as if read from cpuinfo. */
        public Builder cpuFlags(String spaceSeparatedFlags, String model) {
            String text = "model name\t: " + model + "\nflags\t\t: " + spaceSeparatedFlags + "\n";
            return cpuinfo(CpuInfo.parse(text), "synthetic flags");
        }

        /** No cpuinfo; {@code why} says why ("/proc/cpuinfo absent"). */
        public Builder noCpuinfo(String why) {
            this.cpuinfo = new CpuInfo(Set.of(), CpuInfo.UNKNOWN_MODEL, false, false);
            this.cpuinfoSource = why;
            return this;
        }

        /** A HotSpot option value as the diagnostic bean prints it ("true", "3"). */
        public Builder jvmOption(String name, String value) {
            jvmOptions.put(name, value);
            return this;
        }

        /** The Vector API's preferred width in bits; zero or negative: Vector API absent. */
        public Builder vectorBits(int bits) {
            this.vectorBits = bits;
            return this;
        }

        public Builder osName(String name) {
            this.osName = name;
            return this;
        }

        public Builder osArch(String arch) {
            this.osArch = arch;
            return this;
        }

        public CpuFeatures build() {
            return new CpuFeatures(this);
        }
    }
}
