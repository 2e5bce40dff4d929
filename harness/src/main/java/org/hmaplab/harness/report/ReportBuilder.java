package org.hmaplab.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.compare.BenchmarkExport;
import org.hmaplab.harness.compare.Cell;
import org.hmaplab.harness.compare.Direction;
import org.hmaplab.harness.compare.Environment;
import org.hmaplab.harness.compare.RunResults;
import org.hmaplab.harness.run.MatrixBuilder;
import org.hmaplab.harness.run.NativeGoals;
import org.hmaplab.harness.stats.ForkScores;

/**
 * Builds a report over one or more archived runs: the environment of each run (with a warning
 * when they differ), then per operation a table of implementations x sizes (score +/- JMH
 * error, ratio to the best at that size) and a chart of score against size (log x axis, error
 * bars), then hasher throughput (bytes/ns against input length), insert-latency percentiles
 * (latency.csv) and bytes per entry (memory.csv). Charts go to {@code charts/} in the output
 * folder as PNG and SVG.
 */
public final class ReportBuilder {

    /** The folder, inside the report folder, that holds the charts. */
    public static final String CHARTS = "charts";

    /** Metadata keys shown in the environment table, in this order, when any run has them. */
    public static final List<String> ENV_KEYS = List.of("kind", "profile", "run_id", "start_utc", "end_utc",
        "jdk_vendor", "jdk_version", "jvm_args", "os_name", "os_arch", "cpu_model", "cpu_flags", "cores",
        "hasher_selected", "hasher_reason", "git_commit", "git_dirty", "jmh_version");

    /** Columns that may tell the lines of one chart apart, in label order. */
    private static final List<String> SERIES_COLUMNS =
        List.of("impl", "hasher", "lookup_style", "key_kind", "distribution", "hit_ratio");

    /** latency.csv percentile columns and the "one in N" each stands for (x axis of latency charts). */
    private static final Map<String, Double> PERCENTILES = percentiles();

    /** latency.csv's impl of the rows that measure the clock itself, and their label in charts. */
    private static final String TIMER = "timer";
    private static final String TIMER_LABEL = "timer (cost of System.nanoTime)";

    /** latency.csv's required columns. */
    public static final List<String> LATENCY_COLUMNS = ArchiveFormat.LATENCY_READ_COLUMNS;
    /** latency.csv's optional column naming the probe JVM's garbage collector. */
    private static final String GC_COLUMN = "gc";
    /** latency.csv's optional per-fill columns (newer archives): fills, median and smallest of their maxima. */
    private static final List<String> FILL_COLUMNS = ArchiveFormat.LATENCY_FILL_COLUMNS;
    /** memory.csv's required columns. */
    public static final List<String> MEMORY_COLUMNS = ArchiveFormat.MEMORY_READ_COLUMNS;

    private final List<Run> runs;
    private final Path chartDir;
    private final Path outDir;
    private final String machine;
    private int chartCount;

    /**
     * One run's data.
     *
     * @param results the benchmark cells and metadata
     * @param latency latency.csv rows (may be empty)
     * @param memory  memory.csv rows (may be empty)
     */
    public record Run(RunResults results, List<ArchiveRows.Latency> latency, List<ArchiveRows.Memory> memory) {

        /** Reads a run folder through {@link ArchiveReader} (a damaged one is one ArchiveException). */
        public static Run read(Path dir) {
            final ArchiveReader.Run run = ArchiveReader.read(dir);
            return new Run(RunResults.from(run), run.latency(), run.memory());
        }
    }

    private ReportBuilder(List<Run> runs, Path outDir) {
        this.runs = runs;
        this.chartDir = outDir.resolve(CHARTS);
        this.outDir = outDir;
        final List<RunResults> rr = runs.stream().map(Run::results).toList();
        final boolean mixed = !Environment.differences(rr, Environment.MACHINE_KEYS).isEmpty();
        final RunResults first = rr.get(0);
        this.machine = mixed ? "mixed machines, see warning"
            : first.meta("cpu_model") + ", " + first.meta("cores") + " cores, JDK " + first.meta("jdk_vendor")
                + " " + first.meta("jdk_version");
    }

    /** Builds the blocks, writing the charts into {@code outDir/charts}. */
    public static List<Block> build(List<Run> runs, Path outDir) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run folder");
        }
        Files.createDirectories(outDir.resolve(CHARTS));
        return new ReportBuilder(runs, outDir).blocks();
    }

    private List<Block> blocks() throws IOException {
        final List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "hbench report"));
        out.add(new Block.Paragraph("Runs: " + String.join(", ", runs.stream().map(r -> r.results().label()).toList())
            + ". Scores are JMH's; +/- is JMH's 99.9 % confidence half-width; the ratio is to the best"
            + " implementation at that size (1.00 = best; time modes: lower is better, throughput: higher)."));
        environment(out);
        ratios(out);
        nativeGo(out);
        operations(out);
        hasherThroughput(out);
        latency(out);
        memory(out);
        return out;
    }

    private void environment(List<Block> out) {
        out.add(new Block.Heading(2, "Environment"));
        final List<RunResults> rr = runs.stream().map(Run::results).toList();
        final List<String> header = new ArrayList<>();
        header.add("key");
        rr.forEach(r -> header.add(r.label()));
        final List<List<String>> rows = new ArrayList<>();
        for (String k : ENV_KEYS) {
            if (rr.stream().anyMatch(r -> !r.meta(k).isEmpty())) {
                final List<String> row = new ArrayList<>();
                row.add(k);
                rr.forEach(r -> row.add(k.equals("cpu_flags") ? abbreviate(r.meta(k)) : r.meta(k)));
                rows.add(row);
            }
        }
        out.add(new Block.Table(header, rows));
        final List<String> keys = new ArrayList<>(Environment.MACHINE_KEYS);
        keys.addAll(Environment.CODE_KEYS);
        final Map<String, Map<String, String>> diff = Environment.differences(rr, keys);
        if (!diff.isEmpty()) {
            final List<String> items = new ArrayList<>();
            diff.forEach((k, v) -> items.add(k + " differs: " + v));
            out.add(new Block.Warning("the runs' environments differ; differences between them may come from the"
                + " environment, not the code", items));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private record Point(String series, double size, Cell cell) {
    }

    private void operations(List<Block> out) throws IOException {
        final Map<String, List<Cell>> cellsByGroup = new LinkedHashMap<>();
        for (Run run : runs) {
            for (Cell c : run.results().cells().values()) {
                if (isHash(c) || Double.isNaN(size(c))) {
                    continue;
                }
                // one key kind per chart: a String lookup and a long lookup differ by an order of magnitude
                final String kind = c.columns().getOrDefault("key_kind", "");
                cellsByGroup.computeIfAbsent(operation(c) + (kind.isEmpty() ? "" : ", " + kind) + " (" + c.mode()
                    + ", " + c.unit() + ")", k -> new ArrayList<>()).add(c);
            }
        }
        if (cellsByGroup.isEmpty()) {
            return;
        }
        out.add(new Block.Heading(2, "Results by operation"));
        for (Map.Entry<String, List<Cell>> g : cellsByGroup.entrySet()) {
            final List<Point> pts = points(g.getValue());
            final Cell any = g.getValue().get(0);
            out.add(new Block.Heading(3, g.getKey()));
            out.add(table(pts, any.direction()));
            final List<ChartWriter.Series> series = new ArrayList<>();
            seriesOf(pts).forEach((name, list) -> series.add(new ChartWriter.Series(name,
                list.stream().mapToDouble(Point::size).toArray(),
                list.stream().mapToDouble(p -> p.cell().score()).toArray(),
                list.stream().mapToDouble(p -> p.cell().errorOrZero()).toArray())));
            final String kind = any.columns().getOrDefault("key_kind", "");
            final String title = operation(any) + (kind.isEmpty() ? "" : ", " + kind) + " [" + any.mode() + "] | "
                + machine;
            out.add(figure(ChartWriter.chart(title, "map size (entries, log scale)",
                yTitle(any) + ", log scale", series, true, true), "operation " + g.getKey()
                    + " against map size, both axes logarithmic; " + machine));
        }
    }

    /**
     * Each implementation's time over its cell's fastest peer with the 95 % interval over forks
     * ({@link RatioReport}): a table, a chart per key kind, and ratios.csv and ratios.tex in the report
     * folder. Runs without per-fork data have no such section.
     */
    private void ratios(List<Block> out) throws IOException {
        final List<RatioReport.Entry> entries = new ArrayList<>();
        for (Run run : runs) {
            entries.addAll(RatioReport.entries(run.results()));
        }
        if (entries.isEmpty()) {
            return;
        }
        out.add(new Block.Heading(2, "Ratios to the fastest peer, with 95 % intervals over forks"));
        out.add(new Block.Paragraph("Each implementation's time divided by the fastest peer's time in the same cell of"
            + " the same run (below 1: faster than every peer), with the 95 % interval of the ratio over the forks"
            + " (Fieller's; \"iterations\" marks a run with one fork per cell, whose interval shows only the noise"
            + " inside that fork; see docs/statistics.md). The same numbers are in " + RatioReport.RATIOS_CSV
            + " and, as a LaTeX booktabs table, " + RatioReport.RATIOS_TEX + "."));
        final List<List<String>> rows = new ArrayList<>();
        for (RatioReport.Entry e : entries) {
            rows.add(List.of(e.run(), e.keyKind(), e.cellLabel(), e.series(), e.reference(),
                e.interval().format(2) + (e.interval().method()
                    == org.hmaplab.harness.stats.IntervalMethod.FIELLER_ITERATIONS ? " iterations" : ""),
                org.hmaplab.harness.stats.Verdict.of(e.interval(),
                    org.hmaplab.harness.stats.Verdict.DEFAULT_BAND).label()));
        }
        out.add(new Block.Table(List.of("run", "key kind", "cell", "implementation", "reference", "ratio (95 %)",
            "verdict"), rows));
        final Map<String, List<RatioReport.Entry>> byKind = new LinkedHashMap<>();
        entries.forEach(e -> byKind.computeIfAbsent(e.keyKind(), k -> new ArrayList<>()).add(e));
        for (Map.Entry<String, List<RatioReport.Entry>> k : byKind.entrySet()) {
            out.add(figure(RatioReport.chart("time / fastest peer, " + k.getKey() + " keys | " + machine,
                k.getValue()), "ratio to the fastest peer, " + k.getKey() + " keys: dots the ratio of the means, bars"
                    + " the 95 % interval over forks, small diamonds beside each dot the single forks; log scale; "
                    + machine));
        }
        RatioReport.writeCsv(outDir.resolve(RatioReport.RATIOS_CSV), entries);
        Files.writeString(outDir.resolve(RatioReport.RATIOS_TEX), RatioReport.latex("Time relative to the fastest peer"
            + " (" + machine + "), with 95\u00a0% intervals over forks", entries), StandardCharsets.UTF_8);
    }

    /** Per run, the Java models against native Go of the same generation and hash ({@link NativeGoals}). */
    private void nativeGo(List<Block> out) {
        boolean headed = false;
        for (Run run : runs) {
            final List<ArchiveRows.Result> rows = new ArrayList<>();
            for (Cell c : run.results().cells().values()) {
                final Map<String, String> r = new LinkedHashMap<>(c.columns());
                r.put(ArchiveFormat.Results.BENCHMARK, c.benchmark());
                r.put(ArchiveFormat.Results.SCORE, Double.toString(c.score()));
                rows.add(new ArchiveRows.Result(rows.size() + 2, r, List.of())); // line: as results.csv would hold it
            }
            final List<List<String>> table = NativeGoals.tableRows(rows, ForkScores.read(run.results().dir()));
            if (table.isEmpty()) {
                continue;
            }
            if (!headed) {
                out.add(new Block.Heading(2, "Java models against real Go"));
                out.add(new Block.Paragraph(NativeGoals.EXPLANATION));
                headed = true;
            }
            if (runs.size() > 1) {
                out.add(new Block.Heading(3, run.results().label()));
            }
            out.add(new Block.Table(NativeGoals.TABLE_HEADER, table));
        }
    }

    private static String yTitle(Cell c) {
        return (c.direction() == Direction.LOWER_IS_BETTER ? "time per operation (" : "throughput (")
            + c.unit() + ")";
    }

    private List<Point> points(List<Cell> cells) {
        final List<String> labelCols = new ArrayList<>();
        for (String col : SERIES_COLUMNS) {
            if (cells.stream().map(c -> c.columns().getOrDefault(col, "")).distinct().count() > 1) {
                labelCols.add(col);
            }
        }
        if (labelCols.isEmpty()) {
            labelCols.add("impl");
        }
        final boolean manyRuns = runs.size() > 1;
        final List<Point> pts = new ArrayList<>();
        final Set<String> seen = new LinkedHashSet<>();
        boolean duplicates = false;
        for (Cell c : cells) {
            final String label = label(c, labelCols, manyRuns);
            duplicates |= !seen.add(label + "@" + size(c));
            pts.add(new Point(label, size(c), c));
        }
        if (duplicates) {
            final List<Point> withParams = new ArrayList<>();
            for (Point p : pts) {
                withParams.add(new Point(p.series() + " " + p.cell().columns().getOrDefault("params", ""),
                    p.size(), p.cell()));
            }
            return withParams;
        }
        return pts;
    }

    private String label(Cell c, List<String> cols, boolean manyRuns) {
        final StringBuilder sb = new StringBuilder();
        if (manyRuns) {
            for (Run r : runs) {
                if (r.results().cells().get(c.key()) == c) {
                    sb.append(r.results().label()).append(": ");
                }
            }
        }
        final int prefix = sb.length();
        for (String col : cols) {
            final String v = c.columns().getOrDefault(col, "");
            if (!v.isEmpty() && !v.equals("none")) {
                sb.append(sb.length() == prefix ? "" : "/").append(v);
            }
        }
        if (sb.length() == prefix) {
            final String[] parts = c.benchmark().split("\\.");
            sb.append(parts.length >= 2 ? parts[parts.length - 2] : c.benchmark());
        }
        return sb.toString();
    }

    private static Map<String, List<Point>> seriesOf(List<Point> pts) {
        final Map<String, List<Point>> m = new LinkedHashMap<>();
        for (Point p : pts) {
            m.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
        }
        m.values().forEach(l -> l.sort((a, b) -> Double.compare(a.size(), b.size())));
        return m;
    }

    private static Block.Table table(List<Point> pts, Direction dir) {
        final TreeSet<Double> sizes = new TreeSet<>();
        pts.forEach(p -> sizes.add(p.size()));
        final Map<Double, Double> best = new LinkedHashMap<>();
        for (Point p : pts) {
            best.merge(p.size(), p.cell().score(), dir == Direction.LOWER_IS_BETTER ? Math::min : Math::max);
        }
        final List<String> header = new ArrayList<>();
        header.add("implementation");
        sizes.forEach(s -> header.add("size " + sizeText(s)));
        final List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Point>> e : seriesOf(pts).entrySet()) {
            final List<String> row = new ArrayList<>();
            row.add(e.getKey());
            for (double s : sizes) {
                final Point p = e.getValue().stream().filter(q -> q.size() == s).findFirst().orElse(null);
                if (p == null) {
                    row.add("");
                    continue;
                }
                final double b = best.get(s);
                final double ratio = dir == Direction.LOWER_IS_BETTER ? p.cell().score() / b : b / p.cell().score();
                row.add(String.format(Locale.ROOT, "%.4g +/- %.2g (%.2fx)", p.cell().score(), p.cell().errorOrZero(),
                    ratio));
            }
            rows.add(row);
        }
        return new Block.Table(header, rows);
    }

    private static String sizeText(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    private void hasherThroughput(List<Block> out) throws IOException {
        final Map<String, List<double[]>> bySeries = new LinkedHashMap<>();
        final List<String> multiplies = new ArrayList<>();
        for (Run run : runs) {
            for (Cell c : run.results().cells().values()) {
                if (operation(c).equals(MatrixBuilder.MULTIPLY_LATENCY_OPERATION)) {
                    multiplies.add(String.format(Locale.ROOT, "%s%.3f %s", runs.size() > 1
                        ? run.results().label() + ": " : "", c.score(), c.unit()));
                    continue;
                }
                final double len = inputLength(c);
                if (!isHash(c) || Double.isNaN(len) || len <= 0) {
                    continue;
                }
                final double bytesPerNs = c.direction() == Direction.LOWER_IS_BETTER
                    ? len / (c.score() * BenchmarkExport.nanosPerUnitOp(c.unit()))
                    : len * c.score() * BenchmarkExport.opsPerSecondFactor(c.unit()) / 1e9;
                final String name = (runs.size() > 1 ? run.results().label() + ": " : "")
                    + c.columns().getOrDefault("hasher", c.columns().getOrDefault("impl", "?")) + " "
                    + operation(c);
                bySeries.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {len, bytesPerNs});
            }
        }
        if (bySeries.isEmpty() && multiplies.isEmpty()) {
            return;
        }
        out.add(new Block.Heading(2, "Hasher throughput"));
        if (!multiplies.isEmpty()) {
            out.add(new Block.Paragraph("One 64-bit multiply's latency (`" + MatrixBuilder.MULTIPLY_LATENCY_OPERATION
                + "`, a chain of dependent multiplies), the yardstick of a per-byte cost: "
                + String.join("; ", multiplies) + "."));
        }
        if (bySeries.isEmpty()) {
            return;
        }
        final List<ChartWriter.Series> series = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        bySeries.forEach((name, pts) -> {
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            series.add(new ChartWriter.Series(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray(), null));
            for (double[] p : pts) {
                rows.add(List.of(name, sizeText(p[0]), String.format(Locale.ROOT, "%.3f", p[1])));
            }
        });
        out.add(new Block.Table(List.of("hasher", "input length (bytes)", "bytes/ns"), rows));
        out.add(figure(ChartWriter.chart("hasher throughput | " + machine, "input length (bytes, log scale)",
            "throughput (bytes/ns)", series, true, false), "hasher throughput against input length; " + machine));
    }

    private void latency(List<Block> out) throws IOException {
        final Map<String, List<String[]>> bySize = new LinkedHashMap<>();
        final List<List<String>> rows = new ArrayList<>();
        // the per-fill maxima (latency.csv's rounds, max_median, max_min) when some run has them
        final boolean fills = runs.stream().flatMap(run -> run.latency().stream())
            .anyMatch(r -> !r.get(FILL_COLUMNS.get(0)).isEmpty());
        // a goals run fills under G1 and under ZGC: the rows (and chart series) then name their collector
        final boolean severalCollectors = runs.stream().flatMap(run -> run.latency().stream())
            .map(r -> r.get(GC_COLUMN)).distinct().count() > 1;
        for (Run run : runs) {
            for (ArchiveRows.Latency r : run.latency()) {
                final String impl = (runs.size() > 1 ? run.results().label() + ": " : "") + implLabel(r.columns())
                    + (severalCollectors ? " [" + r.get(GC_COLUMN) + "]" : "");
                final String sz = r.get("size");
                final List<String> row = new ArrayList<>(List.of(impl, sz, r.get("p50"), r.get("p99"), r.get("p999"),
                    r.get("p9999"), r.get("max")));
                if (fills) {
                    FILL_COLUMNS.forEach(c -> row.add(r.get(c)));
                }
                row.addAll(List.of(r.get("count"), r.get("unit")));
                rows.add(row);
                final List<String[]> chart = bySize.computeIfAbsent(sz, k -> new ArrayList<>());
                final boolean timer = TIMER.equals(r.impl());
                // Every child JVM measures its own clock; the chart shows the first as the timer's cost.
                if (!timer || chart.stream().noneMatch(c -> c[0].equals(TIMER_LABEL))) {
                    chart.add(new String[] {timer ? TIMER_LABEL : impl, r.get("unit"),
                        r.get("p50"), r.get("p99"), r.get("p999"), r.get("p9999"), r.get("max"), r.get("count")});
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        out.add(new Block.Heading(2, "Insert latency"));
        final List<String> header = new ArrayList<>(List.of("implementation", "size", "p50", "p99", "p99.9", "p99.99",
            "max"));
        if (fills) {
            header.addAll(List.of("fills", "max, median of fills", "max, min of fills"));
        }
        header.addAll(List.of("count", "unit"));
        out.add(new Block.Table(header, rows));
        for (Map.Entry<String, List<String[]>> e : bySize.entrySet()) {
            final List<ChartWriter.Series> series = new ArrayList<>();
            String unit = "";
            for (String[] r : e.getValue()) {
                unit = r[1];
                // The percentiles at one-in-N, then the maximum at one-in-count: the single worst insert.
                final int n = PERCENTILES.size();
                final double[] x = new double[n + 1];
                final double[] y = new double[n + 1];
                int i = 0;
                for (double oneIn : PERCENTILES.values()) {
                    x[i] = oneIn;
                    y[i] = Math.max(parse(r[2 + i]), Double.MIN_NORMAL);
                    i++;
                }
                x[n] = Math.max(parse(r[2 + n + 1]), PERCENTILES.get("p9999") * 10);
                y[n] = Math.max(parse(r[2 + n]), Double.MIN_NORMAL);
                series.add(new ChartWriter.Series(r[0], x, y, null));
            }
            out.add(figure(ChartWriter.chart("insert latency, " + e.getKey() + " entries | " + machine,
                "percentile as one-in-N (2 = p50, 100 = p99, 1000 = p99.9, 10000 = p99.99, last point = max; log)",
                "insert latency (" + unit + ", log scale)", series, true, true),
                "insert latency percentiles filling to " + e.getKey() + " entries; " + machine));
        }
    }

    private void memory(List<Block> out) throws IOException {
        final Map<String, Map<String, List<double[]>>> byKind = new LinkedHashMap<>();
        final List<List<String>> rows = new ArrayList<>();
        for (Run run : runs) {
            for (ArchiveRows.Memory r : run.memory()) {
                final String impl = (runs.size() > 1 ? run.results().label() + ": " : "") + implLabel(r.columns());
                rows.add(List.of(impl, r.get("key_kind"), r.get("size"), r.get("bytes_total"),
                    r.get("bytes_per_entry"), r.get("jol_mode")));
                byKind.computeIfAbsent(r.get("key_kind"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(impl, k -> new ArrayList<>())
                    .add(new double[] {r.number("size"), r.number("bytes_per_entry")});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        out.add(new Block.Heading(2, "Memory"));
        out.add(new Block.Table(List.of("implementation", "key kind", "size", "bytes total", "bytes/entry",
            "JOL mode"), rows));
        for (Map.Entry<String, Map<String, List<double[]>>> e : byKind.entrySet()) {
            final List<ChartWriter.Series> series = new ArrayList<>();
            e.getValue().forEach((impl, pts) -> {
                pts.sort((a, b) -> Double.compare(a[0], b[0]));
                series.add(new ChartWriter.Series(impl, pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray(), null));
            });
            out.add(figure(ChartWriter.chart("bytes/entry, " + e.getKey() + " keys | " + machine,
                "map size (entries, log scale)", "bytes per entry (JOL, whole object graph)", series, true, false),
                "bytes per entry against map size, " + e.getKey() + " keys; " + machine));
        }
    }

    /** impl, then hasher and lookup style when the row names them (latency.csv, memory.csv). */
    private static String implLabel(Map<String, String> row) {
        final String impl = row.getOrDefault("impl", "");
        final StringBuilder sb = new StringBuilder(impl);
        final String hasher = row.getOrDefault("hasher", "");
        if (!hasher.isEmpty() && !hasher.equals("none")) {
            sb.append('/').append(hasher);
        }
        // the lookup style is part of our maps' names (go-swar, go-fast64-cache): add it only when it is not
        final String style = row.getOrDefault("lookup_style", "");
        if (!style.isEmpty() && !style.equals("none") && !impl.contains("-" + style)) {
            sb.append('/').append(style);
        }
        return sb.toString();
    }

    private Block.Figure figure(org.knowm.xchart.XYChart chart, String caption) throws IOException {
        final String base = String.format(Locale.ROOT, "chart-%02d", ++chartCount);
        ChartWriter.save(chart, chartDir, base);
        return new Block.Figure(CHARTS + "/" + base + ".png", CHARTS + "/" + base + ".svg", caption);
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    private static String operation(Cell c) {
        final String op = c.columns().getOrDefault("operation", "");
        if (!op.isEmpty()) {
            return op;
        }
        final String b = c.benchmark();
        return b.substring(b.lastIndexOf('.') + 1);
    }

    /** Hasher benchmarks: operations named hash*, or any method of a HasherBench class but its baseline. */
    private static boolean isHash(Cell c) {
        final String op = operation(c).toLowerCase(Locale.ROOT);
        return op.startsWith("hash")
            || c.benchmark().toLowerCase(Locale.ROOT).contains("hasherbench") && !op.equals("baseline");
    }

    /** A hasher cell's input length in bytes: input_bytes (results.csv), else length (JMH param), else size. */
    private static double inputLength(Cell c) {
        for (String col : List.of("input_bytes", "length", "size")) {
            final double v = CsvRows.number(c.columns(), col);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    private static double size(Cell c) {
        return CsvRows.number(c.columns(), "size");
    }

    private static Map<String, Double> percentiles() {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("p50", 2.0);
        m.put("p99", 100.0);
        m.put("p999", 1000.0);
        m.put("p9999", 10000.0);
        return m;
    }
}
