package org.hmaplab.harness.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the machine was doing, read at the start and the end of a run and written into its
 * metadata: the load averages ({@code /proc/loadavg}), the CPU time counters of {@code /proc/stat}
 * (from two snapshots, the share of CPU time stolen by the hypervisor and the share spent idle in
 * between), the transparent-huge-page mode ({@code /sys/kernel/mm/transparent_hugepage/enabled},
 * the bracketed word) and the frequency governor of CPU 0 where the kernel exposes one. A file that
 * is missing or unreadable gives an empty value ("unavailable"), never an error: a run on a
 * machine without {@code /proc} still runs.
 *
 * @param loadAverage the 1, 5 and 15 minute load averages as the kernel prints them, or empty
 * @param cpuTicks    the aggregate {@code cpu} line's counters (user nice system idle iowait irq
 *                    softirq steal ...), or empty
 * @param thpMode     the transparent-huge-page mode, or empty
 * @param governor    the frequency governor, or empty
 */
public record MachineState(Optional<String> loadAverage, Optional<long[]> cpuTicks, Optional<String> thpMode,
                           Optional<String> governor) {

    /** Index of {@code idle} in the cpu line's counters. */
    static final int IDLE = 3;
    /** Index of {@code iowait}. */
    static final int IOWAIT = 4;
    /** Index of {@code steal}. */
    static final int STEAL = 7;

    /** The state of this machine now. */
    public static MachineState read() {
        return new MachineState(
            read(Path.of("/proc/loadavg")).flatMap(MachineState::parseLoadAverage),
            read(Path.of("/proc/stat")).flatMap(MachineState::parseCpuTicks),
            read(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).flatMap(MachineState::parseThp),
            read(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")).map(String::strip)
                .filter(s -> !s.isEmpty()));
    }

    static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first three fields of {@code /proc/loadavg}. */
    static Optional<String> parseLoadAverage(String text) {
        String[] f = text.strip().split("\\s+");
        if (f.length < 3) {
            return Optional.empty();
        }
        try {
            for (int i = 0; i < 3; i++) {
                Double.parseDouble(f[i]);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(f[0] + " " + f[1] + " " + f[2]);
    }

    /** The counters of the aggregate {@code cpu} line of {@code /proc/stat}. */
    static Optional<long[]> parseCpuTicks(String text) {
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length > STEAL + 1 && f[0].equals("cpu")) {
                long[] ticks = new long[f.length - 1];
                try {
                    for (int i = 1; i < f.length; i++) {
                        ticks[i - 1] = Long.parseLong(f[i]);
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                return Optional.of(ticks);
            }
        }
        return Optional.empty();
    }

    /** The bracketed choice of a sysfs mode file, e.g. {@code madvise} from {@code always [madvise] never}. */
    static Optional<String> parseThp(String text) {
        int open = text.indexOf('[');
        int close = text.indexOf(']', open + 1);
        return open >= 0 && close > open ? Optional.of(text.substring(open + 1, close)) : Optional.empty();
    }

    /**
     * The share of CPU time stolen between two snapshots of the counters (steal over the sum of
     * the first eight counters, which excludes the guest times the kernel already counts in user).
     */
    public static Optional<Double> stealShare(MachineState start, MachineState end) {
        return share(start, end, STEAL);
    }

    /** The share of CPU time idle (idle + iowait) between two snapshots: how much the run left unused. */
    public static Optional<Double> idleShare(MachineState start, MachineState end) {
        Optional<Double> idle = share(start, end, IDLE);
        Optional<Double> io = share(start, end, IOWAIT);
        return idle.isPresent() && io.isPresent() ? Optional.of(idle.get() + io.get()) : Optional.empty();
    }

    private static Optional<Double> share(MachineState start, MachineState end, int index) {
        if (start.cpuTicks.isEmpty() || end.cpuTicks.isEmpty()) {
            return Optional.empty();
        }
        long[] a = start.cpuTicks.get();
        long[] b = end.cpuTicks.get();
        long total = 0;
        for (int i = 0; i <= STEAL && i < a.length && i < b.length; i++) {
            total += b[i] - a[i];
        }
        if (total <= 0) {
            return Optional.empty();
        }
        return Optional.of((b[index] - a[index]) / (double) total);
    }

    /** Metadata entries of this snapshot under {@code prefix} (e.g. {@code machine_start_}). */
    public Map<String, String> metadata(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(prefix + "loadavg", loadAverage.orElse("unavailable"));
        m.put(prefix + "thp", thpMode.orElse("unavailable"));
        m.put(prefix + "governor", governor.orElse("unavailable"));
        return m;
    }

    /** Metadata entries of a run's two snapshots: start and end state, steal and idle shares in between. */
    public static Map<String, String> runMetadata(MachineState start, MachineState end) {
        Map<String, String> m = new LinkedHashMap<>(start.metadata("machine_start_"));
        m.putAll(end.metadata("machine_end_"));
        m.put("machine_steal", stealShare(start, end).map(MachineState::percent).orElse("unavailable"));
        m.put("machine_idle", idleShare(start, end).map(MachineState::percent).orElse("unavailable"));
        return m;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f %%", share * 100);
    }
}
