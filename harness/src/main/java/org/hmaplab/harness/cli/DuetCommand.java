package org.hmaplab.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hmaplab.harness.archive.ArchiveCheck;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.run.Duet;
import org.hmaplab.harness.run.Profile;
import org.hmaplab.harness.stats.ForkScores;
import org.hmaplab.harness.stats.MachineState;
import org.hmaplab.harness.stats.RatioInterval;
import org.hmaplab.harness.stats.Ratios;
import org.hmaplab.harness.stats.Verdict;
import org.hmaplab.harness.study.CsvOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hbench duet}: the duet study ({@link Duet}). Each implementation's cell runs beside the
 * reference's cell of the same workload, one fork each at the same time, one per core, for
 * {@code --rounds} rounds; each pair's ratio is judged with the paired interval
 * ({@link Ratios#paired}) and, on the same forks, with Fieller's unpaired interval. With
 * {@code --sequential RUN_DIR} (a bench run of the same cells, in the usual one-cell-at-a-time mode)
 * the report sets the relative widths (high / low) of the three intervals side by side and says
 * which mode is tighter on this machine. Archived as a folder of kind {@code study-duet}.
 */
@Command(name = "duet", mixinStandardHelpOptions = true,
    description = {"Duet mode: each implementation's cell and the reference's cell of the same workload run at the "
        + "same time, one JMH fork each, pinned to one core each (taskset), swapping cores every round; the "
        + "pairs' ratios get a paired interval. Archives duet.csv, intervals.csv, jmh.log and report.md "
        + "(kind study-duet).",
        "Exit 0 when done, 2 for a usage error (no taskset or fewer than two cores, an odd --rounds, a bad "
        + "--sequential archive)."})
public final class DuetCommand implements Callable<Integer> {

    /** The study's kind, part of its folder name. */
    public static final String KIND = "study-duet";
    /** The per-round file of the archive. */
    public static final String DUET_CSV = "duet.csv";
    /** The per-pair interval file of the archive. */
    public static final String INTERVALS_CSV = "intervals.csv";
    /** JMH's output of every fork. */
    public static final String JMH_LOG = "jmh.log";
    /** The report. */
    public static final String REPORT_MD = "report.md";
    /** The columns of {@value #DUET_CSV}: one row per pair and round. */
    public static final List<String> DUET_COLUMNS = List.of("cell", "impl", "hasher", "reference", "round",
        "impl_core", "reference_core", "impl_score", "reference_score", "ratio");
    /** The columns of {@value #INTERVALS_CSV}: one row per pair and mode. */
    public static final List<String> INTERVAL_COLUMNS = List.of("cell", "impl", "hasher", "reference", "mode",
        "method", "ratio", "low", "high", "relative_width", "samples", "verdict");
    /** The modes of {@value #INTERVALS_CSV}. */
    static final String PAIRED = "duet-paired";
    static final String UNPAIRED = "duet-unpaired";
    static final String SEQUENTIAL = "sequential";

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "goals",
        description = "the profile whose timings and cells are used (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--impl", paramLabel = "NAME", split = ",", required = true,
        description = "the implementations to pair with the reference")
    List<String> impls;

    @Option(names = "--hasher", paramLabel = "NAME", split = ",", description = "hashers for our maps")
    List<String> hashers;

    @Option(names = "--include", paramLabel = "REGEX", description = "keep only cells whose id matches")
    String include;

    @Option(names = "--reference", paramLabel = "IMPL", defaultValue = "fastutil",
        description = "the implementation every pair's other side runs (default: ${DEFAULT-VALUE})")
    String reference;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "" + Duet.DEFAULT_ROUNDS,
        description = "rounds, even, the sides swapping cores each round (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--cores", paramLabel = "A,B", split = ",", defaultValue = "0,1",
        description = "the two cores (default: ${DEFAULT-VALUE})")
    int[] cores;

    @Option(names = "--sequential", paramLabel = "RUN_DIR",
        description = "a sequential bench run of the same cells to compare the intervals' widths with")
    Path sequential;

    @Option(names = "--results", paramLabel = "DIR", description = "results folder (default: the project's results/)")
    Path resultsDir;

    @Override
    public Integer call() {
        if (rounds < 2 || rounds % 2 != 0) {
            throw new IllegalArgumentException("--rounds must be even and at least 2 (the sides swap cores every "
                + "round), got " + rounds);
        }
        int available = Runtime.getRuntime().availableProcessors();
        if (cores.length != 2 || cores[0] == cores[1] || Arrays.stream(cores).anyMatch(c -> c < 0 || c >= available)) {
            throw new IllegalArgumentException("--cores needs two different cores of the " + available
                + " this JVM sees, got " + Arrays.toString(cores));
        }
        if (!onPath("taskset")) {
            throw new IllegalArgumentException("duet mode pins each side to a core with taskset, which is not on the "
                + "PATH (Debian: util-linux)");
        }
        ForkScores seq = ForkScores.EMPTY;
        if (sequential != null) {
            try {
                ArchiveCheck.verify(sequential);
            } catch (ArchiveCheck.Problem p) {
                throw new IllegalArgumentException("--sequential " + sequential + ": " + p.getMessage());
            }
            seq = ForkScores.fromJmh(ArchiveReader.jmhJson(sequential,
                ArchiveReader.label(sequential, ArchiveReader.metadata(sequential))));
        }
        List<Duet.Pair> pairs = Duet.plan(profile, include, impls, hashers, reference);
        Profile p = Profile.of(profile);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("study", "duet");
        extra.put("duet_reference", reference);
        extra.put("duet_rounds", Integer.toString(rounds));
        extra.put("duet_cores", cores[0] + "," + cores[1]);
        extra.put("duet_pairs", Integer.toString(pairs.size()));
        extra.put("duet_sequential", sequential == null ? "" : String.valueOf(sequential.getFileName()));
        MachineState start = MachineState.read();
        RunMetadata meta = RunMetadata.collect(KIND, profile, extra);
        try (RunArchive archive = RunArchive.begin(resultsDir != null ? resultsDir : RunArchive.defaultResultsDir(),
            meta)) {
            Path work = Files.createDirectories(archive.dir().resolve(".work"));
            Map<Duet.Pair, List<Duet.Round>> rounds = Duet.run(pairs, p, this.rounds, cores, work,
                archive.file(JMH_LOG), out);
            deleteTree(work);
            MachineState end = MachineState.read();
            Analysis a = Analysis.of(rounds, seq);
            CsvOut.write(archive.file(DUET_CSV), DUET_COLUMNS, a.roundRows());
            CsvOut.write(archive.file(INTERVALS_CSV), INTERVAL_COLUMNS, a.intervalRows());
            String report = a.report(this.rounds, cores, sequential);
            Files.writeString(archive.file(REPORT_MD), report, StandardCharsets.UTF_8);
            RunMetadata done = meta;
            for (Map.Entry<String, String> e : MachineState.runMetadata(start, end).entrySet()) {
                done = done.with(e.getKey(), e.getValue());
            }
            Path dir = archive.commit(done, Map.of("study", "duet"));
            out.print(report);
            out.println("duet study archived in " + dir);
            out.flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("the duet study failed: " + e.getMessage(), e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The intervals of every pair in the three modes. */
    record Analysis(Map<Duet.Pair, List<Duet.Round>> rounds, Map<Duet.Pair, Map<String, RatioInterval>> intervals) {

        static Analysis of(Map<Duet.Pair, List<Duet.Round>> rounds, ForkScores sequential) {
            Map<Duet.Pair, Map<String, RatioInterval>> intervals = new LinkedHashMap<>();
            for (Map.Entry<Duet.Pair, List<Duet.Round>> e : rounds.entrySet()) {
                double[] a = e.getValue().stream().mapToDouble(Duet.Round::implMean).toArray();
                double[] b = e.getValue().stream().mapToDouble(Duet.Round::referenceMean).toArray();
                Map<String, RatioInterval> m = new LinkedHashMap<>();
                m.put(PAIRED, Ratios.paired(a, b, Ratios.DEFAULT_CONFIDENCE));
                m.put(UNPAIRED, Ratios.fieller(a, b, Ratios.DEFAULT_CONFIDENCE));
                Optional<ForkScores.Sample> sa = sequential.of(e.getKey().impl().target(), params(e.getKey().impl()));
                Optional<ForkScores.Sample> sb = sequential.of(e.getKey().reference().target(),
                    params(e.getKey().reference()));
                if (sa.isPresent() && sb.isPresent() && sa.get().forks() >= 2 && sb.get().forks() >= 2) {
                    m.put(SEQUENTIAL, Ratios.fieller(sa.get().forkMeans(), sb.get().forkMeans(),
                        Ratios.DEFAULT_CONFIDENCE));
                }
                intervals.put(e.getKey(), m);
            }
            return new Analysis(rounds, intervals);
        }

        private static String params(org.hmaplab.harness.run.Cell c) {
            return new TreeMap<>(c.params()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        }

        List<List<?>> roundRows() {
            List<List<?>> out = new ArrayList<>();
            rounds.forEach((p, rs) -> {
                for (Duet.Round r : rs) {
                    out.add(List.of(workload(p), p.impl().param("impl"), p.impl().param("hasher") == null ? "none"
                        : p.impl().param("hasher"), p.reference().param("impl"), r.round() + 1, r.implCore(),
                        r.referenceCore(), num(r.implMean()), num(r.referenceMean()),
                        num(r.implMean() / r.referenceMean())));
                }
            });
            return out;
        }

        List<List<?>> intervalRows() {
            List<List<?>> out = new ArrayList<>();
            intervals.forEach((p, m) -> m.forEach((mode, r) -> out.add(List.of(workload(p), p.impl().param("impl"),
                p.impl().param("hasher") == null ? "none" : p.impl().param("hasher"), p.reference().param("impl"),
                mode, r.method().label(), num(r.estimate()), num(r.low()), Double.isFinite(r.high()) ? num(r.high())
                    : "inf", Double.isFinite(width(r)) ? num(width(r)) : "inf", r.nA() + "+" + r.nB(),
                Verdict.of(r, Verdict.DEFAULT_BAND).label()))));
            return out;
        }

        String report(int rounds, int[] cores, Path sequential) {
            StringBuilder sb = new StringBuilder("# Duet mode against sequential runs\n\n");
            sb.append("Each pair: the implementation's cell and the reference's cell of the same workload, one JMH ")
                .append("fork each at the same time on cores ").append(cores[0]).append(" and ").append(cores[1])
                .append(" (taskset), swapping cores every round, ").append(rounds).append(" rounds. Intervals ")
                .append("(95 %) of the time ratio implementation / reference: **duet-paired** (a t-interval over ")
                .append("the logs of the pairs' ratios), **duet-unpaired** (Fieller over the same forks, as if ")
                .append("they had not run together), **sequential** (Fieller over the forks of ")
                .append(sequential == null ? "a sequential run; none was given" : "`" + sequential.getFileName()
                    + "`, the usual one-cell-at-a-time mode").append("). Relative width = high / low: 1.10 is an ")
                .append("interval 10 % wide, whatever the ratio.\n\n");
            sb.append("| cell | duet-paired | width | duet-unpaired | width | sequential | width |\n")
                .append("|---|---|---:|---|---:|---|---:|\n");
            List<Double> wp = new ArrayList<>();
            List<Double> wu = new ArrayList<>();
            List<Double> ws = new ArrayList<>();
            int pairedTighter = 0;
            int compared = 0;
            for (Map.Entry<Duet.Pair, Map<String, RatioInterval>> e : intervals.entrySet()) {
                Map<String, RatioInterval> m = e.getValue();
                sb.append("| ").append(e.getKey().id()).append(" vs ").append(e.getKey().reference().param("impl"));
                for (String mode : List.of(PAIRED, UNPAIRED, SEQUENTIAL)) {
                    RatioInterval r = m.get(mode);
                    sb.append(" | ").append(r == null ? "-" : r.format(3) + " " + Verdict.of(r, Verdict.DEFAULT_BAND)
                        .label()).append(" | ").append(r == null ? "-" : widthText(r));
                }
                sb.append(" |\n");
                wp.add(width(m.get(PAIRED)));
                wu.add(width(m.get(UNPAIRED)));
                if (m.containsKey(SEQUENTIAL)) {
                    ws.add(width(m.get(SEQUENTIAL)));
                    compared++;
                    if (width(m.get(PAIRED)) < width(m.get(SEQUENTIAL))) {
                        pairedTighter++;
                    }
                }
            }
            sb.append("\n## Result\n\n");
            sb.append("- median relative width: duet-paired ").append(widthText(median(wp))).append(", duet-unpaired ")
                .append(widthText(median(wu)));
            if (!ws.isEmpty()) {
                sb.append(", sequential ").append(widthText(median(ws)));
            }
            sb.append('\n');
            if (compared > 0) {
                sb.append("- duet-paired is tighter than sequential in ").append(pairedTighter).append(" of ")
                    .append(compared).append(" cells\n");
            }
            return sb.append('\n').toString();
        }

        private static String workload(Duet.Pair p) {
            return p.impl().operation() + " " + p.impl().params().entrySet().stream()
                .filter(e -> !e.getKey().equals("impl") && !e.getKey().equals("hasher"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(" "));
        }
    }

    static double width(RatioInterval r) {
        return r.low() > 0 ? r.high() / r.low() : Double.POSITIVE_INFINITY;
    }

    private static String widthText(RatioInterval r) {
        return widthText(width(r));
    }

    private static String widthText(double w) {
        return Double.isFinite(w) ? String.format(Locale.ROOT, "%.3f", w) : "inf";
    }

    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
