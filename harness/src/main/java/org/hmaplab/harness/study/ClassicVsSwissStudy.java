package org.hmaplab.harness.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.nativego.GoToolchain;
import org.hmaplab.harness.nativego.GoToolchains;
import org.hmaplab.harness.nativego.NativeGoImpl;
import org.hmaplab.harness.run.BenchRun;
import org.hmaplab.harness.stats.ForkScores;
import org.hmaplab.harness.stats.RatioInterval;
import org.hmaplab.harness.stats.Ratios;
import org.hmaplab.harness.stats.Verdict;

/**
 * Study {@code classic-vs-swiss}: the Swiss map against the classic bucket map on the same hash,
 * as the time (and memory) ratio Swiss / classic, for our Java models and for real Go 1.24, set
 * against the claim that Go 1.24's Swiss map makes map operations "up to 60% faster" in
 * microbenchmarks.
 *
 * <p>Where the claim stands: the Go blog, "Faster Go maps with Swiss Tables" (Michael Pratt,
 * 2025-02-26, https://go.dev/blog/swisstable): "In microbenchmarks, map operations are up to 60%
 * faster than in Go 1.23." The Go 1.24 release notes (https://go.dev/doc/go1.24, section
 * "Runtime") give no percentage for maps alone: "Several performance improvements to the runtime
 * have decreased CPU overheads by 2–3% on average across a suite of representative benchmarks",
 * the Swiss-table map being one of them, which {@code GOEXPERIMENT=noswissmap} disables.
 *
 * <p>Pairs, on the same hash:
 * <table>
 *   <caption>Swiss against classic</caption>
 *   <tr><th>side</th><th>Swiss</th><th>classic</th><th>hashers</th></tr>
 *   <tr><td>java</td><td>{@code swiss-swar}</td><td>{@code go-fast64}</td><td>{@code go} (Go's fallback
 *       hash)</td></tr>
 *   <tr><td>native</td><td>{@code native-go124}</td><td>{@code native-go124-noswiss}</td>
 *       <td>{@code fallback}, {@code aeshash}</td></tr>
 * </table>
 *
 * <p>One harness run ({@link BenchRun}) measures get-hit, get-miss, put-growth and iterate on
 * long-random keys at 1K, 64K and 4M entries with the nightly profile's timings (2 x 1 s warm-up,
 * 6 x 0.5 s measured per fork) in {@value #ROUNDS} interleaved rounds ({@value #ROUNDS} forks per
 * cell), plus the bytes per entry of the two Java models (JOL; native Go has no memory cell). It is
 * archived inside the study's folder ({@value #BENCH_DIR}/&lt;run id&gt;). {@link #compare} turns
 * that archive into the ratio table: each time ratio with its 95 % Fieller interval over the forks
 * ({@link ForkScores#timeRatio}), its verdict ({@link Verdict}, +/- 3 % band) and, per reading of
 * the claim, whether the interval reaches it.
 *
 * <p>Quick mode: the smoke profile's timings (2 x 0.2 s per fork, {@value #QUICK_ROUNDS} rounds),
 * 1024 entries, the Java models only; the smoke matrix has get-hit and put-growth (and memory), no
 * get-miss or iterate.
 */
public final class ClassicVsSwissStudy implements Study {

    /** The study's CSV file. */
    static final String CSV = "classic-vs-swiss.csv";
    /** The folder inside the study's archive that holds the harness run. */
    static final String BENCH_DIR = "bench";
    /** The columns of {@value #CSV}, one row per side, operation, size and hasher. */
    static final List<String> COLUMNS = List.of("side", "operation", "size", "hasher", "swiss_impl",
        "classic_impl", "swiss_ns", "classic_ns", "ratio", "low", "high", "verdict");

    /** The timed operations compared, in report order. */
    static final List<String> TIME_OPERATIONS = List.of("get-hit", "get-miss", "put-growth", "iterate");
    /** The operation name of the bytes-per-entry rows (their {@code _ns} columns hold bytes per entry). */
    static final String MEMORY = "memory";
    /** The key kind compared. */
    static final String KEY_KIND = "long-random";

    /** The agreement of a model cell and a Go cell whose intervals overlap. */
    static final String OVERLAP = "overlap (not shown to differ)";

    /** Time ratio of "60 % faster" read as 1.6x the speed (operations per second): 1 / 1.6. */
    static final double SPEED_READING = 1 / 1.6;
    /** Time ratio of "60 % faster" read as 60 % less time. */
    static final double TIME_READING = 0.40;

    /** Cells of the harness run: the four operations and memory, long-random keys, uniform gets only. */
    static final String INCLUDE = "^(get-hit|get-miss|put-growth|iterate|memory) (?!.*distribution=zipf)"
        + ".*keyKind=long-random( |$)";
    /**
     * Rounds of the full study's harness run, one fork per cell and round: three, because with two forks
     * a side Student's t has 1 degree of freedom (t = 12.7) and most intervals come out unbounded; with
     * three it is 4.3 or less. About 30 minutes on 2 cores.
     */
    static final int ROUNDS = 3;
    /** Rounds in quick mode: two, the fewest that give a fork-level interval. */
    static final int QUICK_ROUNDS = 2;

    /** One side of the comparison: a Swiss and a classic implementation and the hashers they share. */
    public record Side(String name, String swissImpl, String classicImpl, List<String> hashers) {
    }

    /** Our Java models: the Swiss model in Go's portable match against the classic one in Go's fast path. */
    public static final Side JAVA = new Side("java", "swiss-swar", "go-fast64", List.of("go"));
    /** Real Go 1.24: its Swiss map against its classic map ({@code GOEXPERIMENT=noswissmap}). */
    public static final Side NATIVE = new Side("native", NativeGoImpl.GO124.label(),
        NativeGoImpl.GO124_NOSWISS.label(), List.of("fallback", "aeshash"));
    /** The sides in report order. */
    static final List<Side> SIDES = List.of(JAVA, NATIVE);

    /** Whether an interval reaches a time-ratio threshold. */
    public enum Reach {
        /** The whole interval is at or below the threshold. */
        REACHED("reached"),
        /** The whole interval is above it. */
        NOT_REACHED("not reached"),
        /** The interval straddles it, or there is no interval. */
        UNDECIDED("undecided");

        private final String label;

        Reach(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One row of the table: Swiss against classic for one side, operation, size and hasher.
     *
     * @param side        java or native
     * @param operation   get-hit, get-miss, put-growth, iterate or memory
     * @param size        entries
     * @param hasher      the hash both maps use
     * @param swissImpl   the Swiss implementation
     * @param classicImpl the classic implementation
     * @param swiss       the Swiss score: ns per operation, bytes per entry for memory
     * @param classic     the classic score, likewise
     * @param ratio       Swiss / classic (the fork means' ratio when there is an interval)
     * @param low         the interval's lower end (NaN without one; the ratio itself for memory)
     * @param high        its upper end (NaN without one, +Infinity when unbounded)
     * @param verdict     Swiss against classic: faster, slower, no difference, undecided; for memory
     *                    smaller, larger, no difference
     */
    public record Comparison(String side, String operation, int size, String hasher, String swissImpl,
                             String classicImpl, double swiss, double classic, double ratio, double low,
                             double high, String verdict) {

        /** Whether this row compares bytes per entry rather than time. */
        public boolean memory() {
            return MEMORY.equals(operation);
        }

        /** Whether the row has an interval. */
        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }

        /** Whether the interval lies at or below the time ratio {@code threshold}. */
        public Reach reach(double threshold) {
            if (!hasInterval()) {
                return Reach.UNDECIDED;
            }
            if (high <= threshold) {
                return Reach.REACHED;
            }
            return low > threshold ? Reach.NOT_REACHED : Reach.UNDECIDED;
        }

        /** The CSV row in {@link #COLUMNS} order. */
        List<Object> csv() {
            return List.of(side, operation, size, hasher, swissImpl, classicImpl, num(swiss), num(classic), num(ratio),
                num(low), num(high), verdict);
        }
    }

    @Override
    public String name() {
        return "classic-vs-swiss";
    }

    @Override
    public String summary() {
        return "Swiss / classic time and memory ratios, Java models and real Go 1.24, against \"up to 60% faster\"";
    }

    @Override
    public String run(StudyContext ctx) throws IOException {
        final Optional<GoToolchain> go124 = ctx.quick() ? Optional.empty()
            : GoToolchains.fromEnvironment().find(NativeGoImpl.GO124.goVersion());
        final String nativeNote = ctx.quick() ? quickNote() : go124.isPresent() ? null : missingToolchainNote();
        final Setup setup = Setup.of(ctx.quick(), go124.isPresent());
        final String profile = setup.profile();
        final int rounds = setup.rounds();
        final List<String> sizes = setup.sizes();
        final List<String> impls = setup.impls();
        final List<String> hashers = setup.hashers();
        final Path root = Files.createDirectories(ctx.dir().resolve(BENCH_DIR));
        ctx.log().println("classic-vs-swiss: one harness run (profile " + profile + ", " + rounds + " rounds, "
            + String.join(",", impls) + ") into " + BENCH_DIR + "/");
        ctx.log().flush();
        final int status = BenchRun.run(setup.request(root));
        if (status != 0) {
            throw new IOException("the harness run ended with status " + status);
        }
        final Path runDir = benchRun(root);
        final List<Comparison> table = compare(runDir);
        CsvOut.write(ctx.dir().resolve(CSV), COLUMNS, table.stream().<List<?>>map(Comparison::csv).toList());
        ctx.metadata().put("study_bench_run", BENCH_DIR + "/" + runDir.getFileName());
        ctx.metadata().put("study_bench_profile", profile);
        ctx.metadata().put("study_rounds", Integer.toString(rounds));
        ctx.metadata().put("study_impls", String.join(",", impls));
        ctx.metadata().put("study_hashers", String.join(",", hashers));
        ctx.metadata().put("study_sizes", String.join(",", sizes));
        ctx.metadata().put("study_include", INCLUDE);
        ctx.metadata().put("study_native_go124", go124.map(t -> t.version() + " at " + t.shownRoot())
            .orElse(ctx.quick() ? "not run (quick mode)" : "no toolchain"));
        return markdown(table, nativeNote, BENCH_DIR + "/" + runDir.getFileName() + " (profile " + profile + ", "
            + rounds + " rounds)");
    }

    /**
     * The harness run's settings.
     *
     * @param profile the profile whose timings and matrix the run uses
     * @param rounds  interleaved rounds (forks per cell)
     * @param sizes   map sizes
     * @param impls   implementations: the Java pair, then the native pair when Go 1.24 is installed
     * @param hashers the hashers of the pairs
     */
    record Setup(String profile, int rounds, List<String> sizes, List<String> impls, List<String> hashers) {

        /** The settings of the full study or of {@code --quick}, with or without real Go 1.24. */
        static Setup of(boolean quick, boolean withNative) {
            final List<String> impls = new ArrayList<>(List.of(JAVA.classicImpl(), JAVA.swissImpl()));
            final List<String> hashers = new ArrayList<>(JAVA.hashers());
            if (withNative && !quick) {
                impls.addAll(List.of(NATIVE.swissImpl(), NATIVE.classicImpl()));
                hashers.addAll(NATIVE.hashers());
            }
            return quick ? new Setup("smoke", QUICK_ROUNDS, List.of("1024"), List.copyOf(impls), List.copyOf(hashers))
                : new Setup("nightly", ROUNDS, List.of("1024", "65536", "4194304"), List.copyOf(impls),
                    List.copyOf(hashers));
        }

        /** The harness request, archived under {@code root}. */
        BenchRun.Request request(Path root) {
            return BenchRun.Request.of(profile).include(INCLUDE).impls(impls).hashers(hashers).sizes(sizes)
                .out(root).rounds(rounds, BenchRun.Request.DEFAULT_ROUNDS_SEED);
        }

        /** The cells the run will have (the plan {@code hbench run --dry-run} prints). */
        BenchRun.Plan plan() {
            return BenchRun.plan(profile, INCLUDE, impls, hashers, sizes, "1/1");
        }
    }

    /** The one run folder the harness archived under {@code root}. */
    static Path benchRun(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            final List<Path> runs = s.filter(Files::isDirectory)
                .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            if (runs.size() != 1) {
                throw new IOException(root + " holds " + runs.size() + " run folders, expected one");
            }
            return runs.getFirst();
        }
    }

    /** Why the report has no native side in quick mode. */
    static String quickNote() {
        return "Quick mode measures the Java models only; the full study (`./hbench study classic-vs-swiss`)"
            + " adds real Go 1.24 when its toolchain is installed.";
    }

    /** Why the report has no native side when Go 1.24 is not installed, with the command that installs it. */
    static String missingToolchainNote() {
        return "Real Go 1.24 was not measured: this machine has no Go 1.24 toolchain. Install it with `"
            + GoToolchains.INSTALL_COMMAND + " 1.24` (docs/native-go.md) and run the study again; this report"
            + " covers the Java models only.";
    }

    /** The ratio table of the harness run archived in {@code runDir}. */
    public static List<Comparison> compare(Path runDir) {
        return compare(ArchiveReader.read(runDir), ForkScores.read(runDir));
    }

    /**
     * The ratio table of a run: for each side, timed operation, size and hasher that the run measured
     * on both maps, Swiss / classic with its interval over the forks; then the Java models' bytes per
     * entry. Sides, operations and hashers in {@link #SIDES} order, sizes ascending.
     */
    public static List<Comparison> compare(ArchiveReader.Run run, ForkScores forks) {
        final List<Comparison> out = new ArrayList<>();
        final TreeSet<Integer> sizes = new TreeSet<>();
        for (ArchiveRows.Result r : run.results()) {
            if (TIME_OPERATIONS.contains(r.operation()) && KEY_KIND.equals(r.get("key_kind"))) {
                sizes.add(Integer.parseInt(r.get("size").trim()));
            }
        }
        for (Side side : SIDES) {
            for (String op : TIME_OPERATIONS) {
                for (String hasher : side.hashers()) {
                    for (int size : sizes) {
                        final Optional<ArchiveRows.Result> s = result(run, op, side.swissImpl(), hasher, size);
                        final Optional<ArchiveRows.Result> c = result(run, op, side.classicImpl(), hasher, size);
                        if (s.isPresent() && c.isPresent()) {
                            out.add(time(side, op, size, hasher, s.get(), c.get(), forks));
                        }
                    }
                }
            }
        }
        for (int size : memorySizes(run)) {
            final Optional<ArchiveRows.Memory> s = memory(run, JAVA.swissImpl(), size);
            final Optional<ArchiveRows.Memory> c = memory(run, JAVA.classicImpl(), size);
            if (s.isPresent() && c.isPresent()) {
                final double sb = s.get().number("bytes_per_entry");
                final double cb = c.get().number("bytes_per_entry");
                final double ratio = sb / cb;
                out.add(new Comparison(JAVA.name(), MEMORY, size, s.get().get("hasher"), JAVA.swissImpl(),
                    JAVA.classicImpl(), sb, cb, ratio, ratio, ratio, memoryVerdict(ratio)));
            }
        }
        return List.copyOf(out);
    }

    private static Comparison time(Side side, String op, int size, String hasher, ArchiveRows.Result swiss,
                                   ArchiveRows.Result classic, ForkScores forks) {
        final Optional<RatioInterval> ci = forks.timeRatio(swiss, classic,
            Ratios.DEFAULT_CONFIDENCE);
        if (ci.isPresent()) {
            final RatioInterval r = ci.get();
            return new Comparison(side.name(), op, size, hasher, side.swissImpl(), side.classicImpl(), swiss.score(),
                classic.score(), r.estimate(), r.low(), r.high(), Verdict.of(r, Verdict.DEFAULT_BAND).label());
        }
        return new Comparison(side.name(), op, size, hasher, side.swissImpl(), side.classicImpl(), swiss.score(),
            classic.score(), swiss.score() / classic.score(), Double.NaN, Double.NaN, Verdict.UNDECIDED.label());
    }

    /** The verdict of a bytes-per-entry ratio (exact, so no interval): within +/- 3 % is no difference. */
    static String memoryVerdict(double ratio) {
        if (ratio < 1 - Verdict.DEFAULT_BAND) {
            return "smaller";
        }
        return ratio > 1 + Verdict.DEFAULT_BAND ? "larger" : Verdict.NO_DIFFERENCE.label();
    }

    private static Optional<ArchiveRows.Result> result(ArchiveReader.Run run, String op, String impl, String hasher,
                                                       int size) {
        return run.results().stream().filter(r -> op.equals(r.operation()) && impl.equals(r.impl())
            && hasher.equals(r.hasher()) && KEY_KIND.equals(r.get("key_kind"))
            && Integer.toString(size).equals(r.get("size").trim())
            && (r.get("distribution").isEmpty() || "uniform".equals(r.get("distribution")))).findFirst();
    }

    private static List<Integer> memorySizes(ArchiveReader.Run run) {
        return run.memory().stream().filter(m -> KEY_KIND.equals(m.get("key_kind")))
            .map(m -> Integer.parseInt(m.get("size").trim())).distinct().sorted().toList();
    }

    private static Optional<ArchiveRows.Memory> memory(ArchiveReader.Run run, String impl, int size) {
        return run.memory().stream().filter(m -> impl.equals(m.get("impl")) && KEY_KIND.equals(m.get("key_kind"))
            && Integer.toString(size).equals(m.get("size").trim())).findFirst();
    }

    /**
     * Whether a side's timed rows reproduce "up to 60 % faster" read as the time ratio
     * {@code threshold}: reproduced when some row's interval lies at or below it (the claim says "up
     * to", so one cell suffices), not reproduced when every row's lies above it, undecided otherwise;
     * "not measured" without rows.
     */
    static String claimStatus(List<Comparison> timeRows, double threshold) {
        if (timeRows.isEmpty()) {
            return "not measured";
        }
        if (timeRows.stream().anyMatch(c -> c.reach(threshold) == Reach.REACHED)) {
            return "reproduced";
        }
        return timeRows.stream().allMatch(c -> c.reach(threshold) == Reach.NOT_REACHED) ? "not reproduced"
            : "undecided";
    }

    /**
     * How the model's Swiss/classic ratio compares with real Go's on one cell: {@link #OVERLAP} when the
     * two 95 % intervals overlap (not shown to differ; a conservative test, as wide intervals overlap
     * easily), else which way the model differs; undecided when a side has no interval.
     */
    static String agreement(Comparison model, Comparison go) {
        if (!model.hasInterval() || !go.hasInterval()) {
            return "undecided (no interval)";
        }
        if (model.low() <= go.high() && go.low() <= model.high()) {
            return OVERLAP;
        }
        return model.high() < go.low() ? "differ: the model's Swiss gains more"
            : "differ: the model's Swiss gains less";
    }

    /** The report: the claim and its two readings, a table per side, a line per operation, model against Go. */
    public static String markdown(List<Comparison> table, String nativeNote, String runLabel) {
        final StringBuilder sb = new StringBuilder("# Study: classic-vs-swiss\n\n");
        sb.append("**The claim.** The Go blog, \"Faster Go maps with Swiss Tables\" (Michael Pratt, 2025-02-26,"
            + " https://go.dev/blog/swisstable): \"In microbenchmarks, map operations are up to 60% faster than in"
            + " Go 1.23.\" The Go 1.24 release notes (https://go.dev/doc/go1.24, \"Runtime\") give no figure for maps"
            + " alone: runtime changes, the Swiss-table map among them, \"decreased CPU overheads by 2–3% on"
            + " average across a suite of representative benchmarks\".\n\n");
        sb.append(String.format(Locale.ROOT, "**Two readings of \"60 %% faster\"** as the time ratio Swiss / classic:"
            + " (a) 1.6x the speed (operations per second): ratio %.3f; (b) 60 %% less time: ratio %.2f. (b) is"
            + " the stronger claim; a cell that reaches (b) also reaches (a). A cell *reaches* a reading when its"
            + " whole 95 %% interval lies at or below the ratio; since the claim says \"up to\", one cell that"
            + " reaches it reproduces it. The blog compares Go 1.24 with Go 1.23; here real Go's classic map is"
            + " the one inside Go 1.24 (`GOEXPERIMENT=noswissmap`), so the runtime around the map is the same.%n%n",
            SPEED_READING, TIME_READING));
        sb.append("Measured in one harness run, ").append(runLabel).append(": long-random keys, the same hash on"
            + " both maps of a pair; time ratios with their 95 % Fieller interval over the forks"
            + " (docs/statistics.md); verdict with a +/- 3 % no-difference band. \"Faster by X %\" below means X %"
            + " less time (ratio 1 - X/100). Memory: bytes per entry (JOL) of the Java models, exact, so the"
            + " interval is the ratio itself.\n\n");
        for (Side side : SIDES) {
            final List<Comparison> rows = table.stream().filter(c -> c.side().equals(side.name())).toList();
            sb.append(side == JAVA ? "## Java models: " : "## Real Go 1.24: ").append('`').append(side.swissImpl())
                .append("` / `").append(side.classicImpl()).append("`\n\n");
            if (rows.isEmpty()) {
                sb.append(side == NATIVE && nativeNote != null ? nativeNote : "Not measured in this run.")
                    .append("\n\n");
                continue;
            }
            sideSection(sb, rows);
            final List<String> missing = TIME_OPERATIONS.stream().filter(op -> rows.stream()
                .noneMatch(c -> c.operation().equals(op))).toList();
            if (!missing.isEmpty()) {
                sb.append("Not in this run: ").append(String.join(", ", missing)).append(".\n\n");
            }
            if (side == NATIVE) {
                sb.append("Bytes per entry are not measured for native Go (JOL sees Java objects only).\n\n");
            }
        }
        modelAgainstGo(sb, table);
        return sb.toString();
    }

    private static void sideSection(StringBuilder sb, List<Comparison> rows) {
        sb.append("| operation | size | hasher | Swiss | classic | Swiss / classic (95 % interval) | verdict |"
            + " 1.6x speed (<= 0.625) | 60 % less time (<= 0.40) |\n|---|--:|---|--:|--:|---|---|---|---|\n");
        for (Comparison c : rows) {
            final String unit = c.memory() ? " B" : " ns";
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f%s | %.2f%s | %s | %s | %s | %s |%n",
                c.operation(), size(c.size()), c.hasher(), c.swiss(), unit, c.classic(), unit, interval(c),
                c.verdict(), c.memory() ? "" : c.reach(SPEED_READING).label(),
                c.memory() ? "" : c.reach(TIME_READING).label()));
        }
        sb.append('\n');
        for (String op : Stream.concat(TIME_OPERATIONS.stream(), Stream.of(MEMORY)).toList()) {
            for (String hasher : rows.stream().map(Comparison::hasher).distinct().toList()) {
                final List<Comparison> cells = rows.stream().filter(c -> c.operation().equals(op)
                    && c.hasher().equals(hasher)).toList();
                if (!cells.isEmpty()) {
                    sb.append("- ").append(operationLine(op, hasher, cells)).append('\n');
                }
            }
        }
        final List<Comparison> timed = rows.stream().filter(c -> !c.memory()).toList();
        final Optional<Comparison> best = timed.stream().min(Comparator.comparingDouble(Comparison::ratio));
        sb.append('\n').append(String.format(Locale.ROOT, "\"Up to 60 %% faster\": read as 1.6x the speed"
            + " (<= %.3f) **%s**; read as 60 %% less time (<= %.2f) **%s**.", SPEED_READING,
            claimStatus(timed, SPEED_READING), TIME_READING, claimStatus(timed, TIME_READING)));
        best.ifPresent(b -> sb.append(String.format(Locale.ROOT, " Best cell: %s %s (%s), ratio %s.", b.operation(),
            size(b.size()), b.hasher(), interval(b))));
        sb.append("\n\n");
    }

    /** One line for an operation and hasher: the change at each size, e.g. {@code Swiss faster by 40 %}. */
    static String operationLine(String op, String hasher, List<Comparison> cells) {
        final List<String> parts = new ArrayList<>();
        for (Comparison c : cells) {
            parts.add(c.memory() ? String.format(Locale.ROOT, "%s bytes per entry at %s (%.2f vs %.2f B)",
                memoryChange(c.ratio()), size(c.size()), c.swiss(), c.classic())
                : String.format(Locale.ROOT, "%s at %s (ratio %s)", change(c.ratio()), size(c.size()), interval(c)));
        }
        return op + " (" + hasher + "): " + String.join("; ", parts);
    }

    /** A time ratio as a change of Swiss against classic: {@code Swiss faster by 40 %} for 0.60. */
    static String change(double ratio) {
        final long pct = Math.round(Math.abs(1 - ratio) * 100);
        if (pct == 0) {
            return "Swiss as fast";
        }
        return ratio < 1 ? "Swiss faster by " + pct + " %" : "Swiss slower by " + pct + " %";
    }

    private static String memoryChange(double ratio) {
        final long pct = Math.round(Math.abs(1 - ratio) * 100);
        if (pct == 0) {
            return "Swiss as large in";
        }
        return "Swiss " + pct + " % " + (ratio < 1 ? "smaller in" : "larger in");
    }

    private static void modelAgainstGo(StringBuilder sb, List<Comparison> table) {
        sb.append("## The model against real Go\n\n");
        final List<String[]> lines = new ArrayList<>();
        int differ = 0;
        int n = 0;
        for (Comparison m : table) {
            if (!m.side().equals(JAVA.name()) || m.memory()) {
                continue;
            }
            for (Comparison g : table) {
                if (g.side().equals(NATIVE.name()) && g.operation().equals(m.operation()) && g.size() == m.size()) {
                    final String a = agreement(m, g);
                    n++;
                    differ += a.startsWith("differ") ? 1 : 0;
                    lines.add(new String[] {m.operation(), size(m.size()), m.hasher() + " / " + g.hasher(),
                        interval(m), interval(g), String.format(Locale.ROOT, "%.2f", m.ratio() / g.ratio()), a});
                }
            }
        }
        if (lines.isEmpty()) {
            sb.append("No cell was measured on both sides: nothing to compare.\n");
            return;
        }
        sb.append("Ratio of ratios = the model's Swiss/classic ratio over real Go's on the same cell (1.00: the"
            + " model reproduces Go's relative gain; below 1: the model's Swiss gains more). The two differ when"
            + " their 95 % intervals are disjoint; overlapping intervals show no difference, which with wide"
            + " intervals is weak evidence of agreement. The model's `go` hasher is Go's fallback hash, the same"
            + " function as `fallback`; `aeshash` is Go's AES hash.\n\n");
        sb.append("| operation | size | hashers (model / Go) | model Swiss/classic | Go Swiss/classic |"
            + " ratio of ratios | agreement |\n|---|--:|---|---|---|--:|---|\n");
        for (String[] l : lines) {
            sb.append("| ").append(String.join(" | ", l)).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nThe model's Swiss/classic ratio differs from real Go's on %d of %d"
            + " cells; on the other %d the intervals overlap.%n", differ, n, n - differ));
    }

    /** A ratio with its interval, e.g. {@code 0.60 (0.55-0.65)}; without an interval the ratio alone. */
    static String interval(Comparison c) {
        if (c.memory() || !c.hasInterval()) {
            return String.format(Locale.ROOT, "%.2f", c.ratio());
        }
        final String hi = Double.isFinite(c.high()) ? String.format(Locale.ROOT, "%.2f", c.high()) : "inf";
        return String.format(Locale.ROOT, "%.2f (%.2f-%s)", c.ratio(), c.low(), hi);
    }

    /** A size as the report writes it: 1K, 64K, 4M, else the number. */
    static String size(int n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return n / (1 << 20) + "M";
        }
        return n >= 1024 && n % 1024 == 0 ? n / 1024 + "K" : Integer.toString(n);
    }

    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        return Double.isInfinite(d) ? "inf" : String.format(Locale.ROOT, "%.4f", d);
    }
}
