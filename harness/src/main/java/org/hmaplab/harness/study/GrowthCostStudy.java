package org.hmaplab.harness.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.run.Goals;
import org.hmaplab.harness.run.InsertLatencyProbe;
import org.hmaplab.hash.Hashers;

/**
 * Study {@code growth-cost}: the latency of every single insert while an empty map (no size hint)
 * is filled to 2^16 .. 2^24 long keys, and the total fill time - where the classic Go model's incremental
 * evacuation (each insert during a growth moves at most two old buckets; {@code go-generic} and the
 * long-specialised {@code go-fast64}) and the Swiss model's growth of one table of at most 1024 slots
 * ({@code swiss-swar}) show against the peers' rehash of the whole table at once. Our maps hash with
 * {@link Hashers#defaultHasher()}.
 *
 * <p>The report judges the Swiss speed goal: {@code swiss-swar}'s largest single insert while filling
 * to 4M keys (2^22, full mode only) at most 1 ms ({@link Goals#MAX_PAUSE_NS}), on one fill's max.
 *
 * <p>It reuses the harness's insert-latency probe ({@code org.hmaplab.harness.run.InsertLatencyProbe}),
 * run in a child JVM per map and size with a pre-touched heap (see DESIGN.md: first-touch page
 * faults otherwise dominate), two unmeasured fills, then one measured fill into an HdrHistogram;
 * the probe also measures the timer's own cost (two back-to-back nanoTime calls). Total fill time
 * = (mean insert latency - mean timer cost) x inserts.
 */
public final class GrowthCostStudy implements Study {

    /** Heap of each child JVM, pre-touched. */
    static final String CHILD_HEAP = "3g";

    /** The probe's main class. */
    static final String PROBE = InsertLatencyProbe.class.getName();

    /** Our Swiss model, the map of the Swiss speed goal. */
    static final String SWISS = "swiss-swar";

    /** The size of the Swiss speed goal: the largest single insert while filling to 4M keys. */
    static final int GOAL_SIZE = 1 << 22;

    /** The probe's result line prefix. */
    static final String RESULT_PREFIX = "RESULT ";

    @Override
    public String name() {
        return "growth-cost";
    }

    @Override
    public String summary() {
        return "per-insert latency and total fill time, incremental evacuation against the peers' rehash";
    }

    /**
     * The columns of a probe line ({@link InsertLatencyProbe#FIELDS}) this study uses.
     *
     * @param impl  map name, or "timer" for the timer's own cost
     * @param size  keys per fill
     * @param p50   median insert latency, ns
     * @param p99   99th percentile, ns
     * @param p999  99.9th percentile, ns
     * @param p9999 99.99th percentile, ns
     * @param max   the worst single insert, ns
     * @param mean  mean insert latency, ns
     * @param count inserts recorded
     */
    public record ProbeLine(String impl, String hasher, int size, long p50, long p99, long p999, long p9999,
                            long max, double mean, long count) {

        /** Parses a RESULT line (with or without its prefix); IllegalArgumentException for another format. */
        public static ProbeLine parse(String line) {
            final String body = line.startsWith(RESULT_PREFIX) ? line.substring(RESULT_PREFIX.length()) : line;
            final Map<String, String> f = InsertLatencyProbe.parse(body);
            if (!f.get("unit").equals("ns")) {
                throw new IllegalArgumentException("insert-latency probe line not in ns: " + line);
            }
            return new ProbeLine(f.get("impl"), f.get("hasher"), Integer.parseInt(f.get("size")),
                Long.parseLong(f.get("p50")), Long.parseLong(f.get("p99")), Long.parseLong(f.get("p999")),
                Long.parseLong(f.get("p9999")), Long.parseLong(f.get("max")), Double.parseDouble(f.get("mean")),
                Long.parseLong(f.get("count")));
        }
    }

    /** Total time of the recorded inserts in ms, less the timer's own cost per insert. */
    public static double fillMs(ProbeLine map, ProbeLine timer) {
        return Math.max(0, map.mean() - timer.mean()) * map.count() / 1e6;
    }

    /** Runs the probe in a child JVM; returns {timer line, map line}. */
    static ProbeLine[] probe(String impl, String hasher, int size) throws IOException {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-modules") || a.startsWith("--enable-native-access")
                || a.startsWith("--sun-misc-unsafe-memory-access")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xms" + CHILD_HEAP, "-Xmx" + CHILD_HEAP, "-XX:+AlwaysPreTouch", "-cp",
            System.getProperty("java.class.path"), PROBE, impl, hasher, "long-random", Integer.toString(size), "1"));
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final List<ProbeLine> lines = new ArrayList<>();
        final StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(RESULT_PREFIX)) {
                    lines.add(ProbeLine.parse(line));
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        try {
            final int rc = p.waitFor();
            if (rc != 0 || lines.size() != 2) {
                throw new IOException("insert-latency probe for " + impl + " at " + size + " keys failed (exit " + rc
                    + "): " + other);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing " + impl, e);
        }
        return lines.toArray(ProbeLine[]::new);
    }

    @Override
    public String run(StudyContext ctx) throws IOException {
        final int[] sizes = ctx.quick() ? new int[] {1 << 16, 1 << 18} : new int[] {1 << 16, 1 << 18, 1 << 20, 1 << 22,
            1 << 24};
        final List<String> impls = impls();
        final String goHasher = Hashers.defaultHasher().name();
        final List<List<?>> csv = new ArrayList<>();
        final List<ProbeLine[]> results = new ArrayList<>();
        for (int size : sizes) {
            for (String impl : impls) {
                final String hasher = MapRegistry.isGo(impl) ? goHasher : MapRegistry.NO_HASHER;
                final ProbeLine[] r = probe(impl, hasher, size);
                results.add(r);
                final ProbeLine m = r[1];
                csv.add(List.of(m.impl(), m.hasher(), m.size(), m.p50(), m.p99(), m.p999(), m.p9999(), m.max(),
                    String.format(Locale.ROOT, "%.1f", m.mean()), String.format(Locale.ROOT, "%.3f", fillMs(m, r[0])),
                    String.format(Locale.ROOT, "%.1f", r[0].mean()), m.count(), "ns"));
                ctx.log().println("growth-cost: " + impl + " at " + size + " done");
                ctx.log().flush();
            }
        }
        CsvOut.write(ctx.dir().resolve("growth-cost.csv"), List.of("impl", "hasher", "size", "p50", "p99", "p999",
            "p9999", "max", "mean", "fill_ms", "timer_mean", "count", "unit"), csv);
        ctx.metadata().put("study_sizes", java.util.Arrays.toString(sizes));
        ctx.metadata().put("study_child_heap", CHILD_HEAP);
        return markdown(results, sizes[sizes.length - 1]);
    }

    /**
     * The maps of the study: the classic models {@code go-generic} and {@code go-fast64} (its
     * long-specialised lookup), the Swiss model {@link #SWISS}, then the peers.
     */
    static List<String> impls() {
        final List<String> impls = new ArrayList<>(List.of("go-generic", "go-fast64", SWISS));
        impls.addAll(MapRegistry.peerNames());
        return impls;
    }

    /** The kind of our model {@code impl}, as the report names it. */
    private static String model(String impl) {
        return MapRegistry.isSwiss(impl) ? "the Swiss model" : "the classic model";
    }

    /** {@code impl/hasher} for our maps, {@code impl} for the peers. */
    private static String label(ProbeLine m) {
        return m.impl() + (MapRegistry.NO_HASHER.equals(m.hasher()) ? "" : "/" + m.hasher());
    }

    /**
     * The goal line of the Swiss speed goal: {@link #SWISS}'s largest single insert at
     * {@link #GOAL_SIZE} keys against {@link Goals#MAX_PAUSE_NS}, met when it is not larger; "not
     * measured" when the results have no such row (a quick run stops below it).
     */
    static String goalLine(List<ProbeLine[]> results) {
        final String goal = "largest single insert filling to 4M keys (2^22): ";
        for (ProbeLine[] r : results) {
            final ProbeLine m = r[1];
            if (m.impl().equals(SWISS) && m.size() == GOAL_SIZE) {
                return String.format(Locale.ROOT, "%s%s %.3f ms, goal <= %.0f ms: %s (one fill: the max is a single"
                    + " observation; p99.99 %.3f ms)", goal, label(m), m.max() / 1e6, Goals.MAX_PAUSE_NS / 1e6,
                    m.max() <= Goals.MAX_PAUSE_NS ? "met" : "missed", m.p9999() / 1e6);
            }
        }
        return goal + SWISS + " not measured (this run has no fill to " + GOAL_SIZE + " keys)";
    }

    static String markdown(List<ProbeLine[]> results, int largest) {
        final StringBuilder sb = new StringBuilder("# Study: growth-cost\n\n");
        sb.append("Each map filled from empty (no size hint) with random long keys, every insert timed (the harness's"
            + " InsertLatencyProbe in a child JVM with a pre-touched " + CHILD_HEAP + " heap, two unmeasured fills,"
            + " one measured). Latencies in ns; fill = total time of the measured fill less the timer's cost"
            + " (two nanoTime calls, measured by the probe). The worst single insert (max) is where a map that"
            + " rehashes all at once pays for its growth; the classic Go model's incremental evacuation spreads"
            + " that work over the following inserts, and the Swiss model grows one table of at most 1024 slots"
            + " at a time.\n\n");
        sb.append("| map | keys | p50 | p99 | p99.9 | p99.99 | max | fill ms |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (ProbeLine[] r : results) {
            final ProbeLine m = r[1];
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f |%n", label(m), m.size(),
                m.p50(), m.p99(), m.p999(), m.p9999(), m.max(), fillMs(m, r[0])));
        }
        boolean anyGo = false;
        for (ProbeLine[] r : results) {
            final ProbeLine go = r[1];
            if (go.size() != largest || !MapRegistry.isGo(go.impl())) {
                continue;
            }
            anyGo = true;
            sb.append(String.format(Locale.ROOT, "%nAt %d keys the worst single insert into %s %s took %.2f ms;",
                largest, model(go.impl()), label(go), go.max() / 1e6));
            for (ProbeLine[] p : results) {
                final ProbeLine m = p[1];
                if (m.size() == largest && !MapRegistry.isGo(m.impl())) {
                    sb.append(String.format(Locale.ROOT, " %s %.2f ms (%.1fx);", label(m), m.max() / 1e6,
                        (double) m.max() / go.max()));
                }
            }
            sb.setLength(sb.length() - 1);
            sb.append(".\n");
        }
        if (anyGo) {
            sb.append("\nOne fill per map: the max is a single observation, and on a shared machine a GC or a"
                + " descheduling can also produce it; read it next to p99.99.\n");
        }
        sb.append("\nGoal: ").append(goalLine(results)).append(".\n");
        sb.append("\nWhy a Swiss map's worst insert is bounded: an insert into a full table rehashes that table"
            + " only, doubling it while the new table has at most 1024 slots and beyond that splitting the"
            + " 1024-slot table into two (its at most 896 entries, 7/8 of 1024, re-inserted) and, when that table's"
            + " local depth equals the global depth, doubling the directory (an array copy of dirLen table"
            + " references), so one insert moves at most 1024 slots plus the directory copy, however large the"
            + " map (docs/go-swiss-map.md 5.1-5.4; a split whose entries all went to the inserting key's side"
            + " would split once more, which a hash that spreads keys makes vanishingly unlikely).\n");
        return sb.toString();
    }
}
