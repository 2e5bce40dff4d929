package org.hmaplab.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.hmaplab.harness.archive.ArchiveCheck;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.run.Goals;
import org.hmaplab.harness.stats.ForkScores;
import org.hmaplab.harness.stats.GoalVerdict;
import org.hmaplab.harness.stats.RatioInterval;
import org.hmaplab.harness.stats.Ratios;
import org.hmaplab.harness.stats.VerdictStability;
import org.hmaplab.harness.stats.VerdictStability.Agreement;
import org.hmaplab.harness.stats.VerdictStability.Row;
import org.hmaplab.harness.stats.VerdictStability.Tally;
import org.hmaplab.harness.study.CsvOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hbench stability RUN_DIR RUN_DIR...}: the verdict-stability study over independent bench
 * runs of the same cells. Every implementation of every cell is compared with one reference
 * implementation of the same cell (its time ratio with the 95 % fork-level interval and the
 * four-way verdict, as {@code summary.md} judges it), and every performance goal is judged as
 * {@code hbench goals} does; {@link VerdictStability} then says, comparison by comparison, whether
 * the runs agree. The result is archived as a folder of kind {@code study-verdict-stability}
 * ({@code comparisons.csv}, {@code goals.csv}, {@code report.md}) and the report printed.
 * Exit 0 when the stability goal is met (strict reading), 1 when not, 2 for a bad archive.
 */
@Command(name = "stability", mixinStandardHelpOptions = true,
    description = {"The verdict-stability study: compares the verdicts of two or more bench runs of the same "
        + "cells, comparison by comparison (each implementation against --reference) and goal by goal, and "
        + "archives comparisons.csv, goals.csv and report.md (kind study-verdict-stability).",
        "Exit 0 when no verdict contradicts another and at least 90 %% agree in every run, 1 when not, "
        + "2 when a RUN_DIR is not a complete bench archive."})
public final class StabilityCommand implements Callable<Integer> {

    /** Exit code when a RUN_DIR is not a complete, well-formed bench archive. */
    public static final int NOT_AN_ARCHIVE = 2;
    /** Exit code when the study ran but the stability goal is not met. */
    public static final int GOAL_NOT_MET = 1;
    /** The study's kind, part of its folder name. */
    public static final String KIND = "study-verdict-stability";
    /** The comparisons' file in the study's archive. */
    public static final String COMPARISONS_CSV = "comparisons.csv";
    /** The goals' file in the study's archive. */
    public static final String GOALS_CSV = "goals.csv";
    /** The report in the study's archive. */
    public static final String REPORT_MD = "report.md";
    /** The columns of {@value #COMPARISONS_CSV}: one row per comparison and run. */
    public static final List<String> COMPARISON_COLUMNS = List.of("operation", "key_kind", "size", "distribution",
        "hit_ratio", "impl", "hasher", "reference", "run_id", "time_ratio", "low", "high", "method", "forks",
        "verdict", "agreement");
    /** The columns of {@value #GOALS_CSV}: one row per goal and run. */
    public static final List<String> GOAL_COLUMNS = List.of("goal", "run_id", "ours", "peer", "measure",
        "status", "agreement");
    private static final List<String> CELL_COLUMNS = List.of(ArchiveFormat.Results.OPERATION,
        ArchiveFormat.Results.KEY_KIND, ArchiveFormat.Results.SIZE, ArchiveFormat.Results.DISTRIBUTION,
        ArchiveFormat.Results.HIT_RATIO);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "two or more bench run folders of the same "
        + "cells (results/<run id>)")
    List<Path> dirs;

    @Option(names = "--reference", paramLabel = "IMPL", defaultValue = "fastutil",
        description = "the implementation every other one is compared with (default: ${DEFAULT-VALUE})")
    String reference;

    @Option(names = "--band", paramLabel = "FRACTION", defaultValue = "0.03",
        description = "the equivalence band of 'no difference', e.g. 0.03 for +/- 3 %% (default: ${DEFAULT-VALUE})")
    double band;

    @Option(names = "--results", paramLabel = "DIR", description = "results folder (default: the project's results/)")
    Path resultsDir;

    @Override
    public Integer call() {
        if (!(band >= 0 && band < 1)) {
            throw new IllegalArgumentException("--band must be in [0, 1), got " + band);
        }
        List<Judged> runs = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                ArchiveCheck.verify(dir);
            } catch (ArchiveCheck.Problem p) {
                spec.commandLine().getErr().println("stability: " + dir + ": " + p.getMessage()
                    + " (a complete bench archive is needed; 'hbench check-archive' says the same)");
                return NOT_AN_ARCHIVE;
            }
            runs.add(Judged.read(dir, reference));
        }
        if (runs.stream().map(j -> j.run.label()).distinct().count() < runs.size()) {
            throw new IllegalArgumentException("the same run was given twice; give independent runs");
        }
        Study study = Study.of(runs, reference, band);
        if (study.comparisons.isEmpty()) {
            throw new IllegalArgumentException("no cell has both '" + reference + "' and another implementation in "
                + "every run; choose --reference among the runs' implementations");
        }
        Path out = archive(study, resultsDir != null ? resultsDir : RunArchive.defaultResultsDir());
        PrintWriter w = spec.commandLine().getOut();
        w.print(study.report());
        w.println("verdict-stability study archived in " + out);
        w.flush();
        return study.tally().strictGoalMet() ? 0 : GOAL_NOT_MET;
    }

    private Path archive(Study study, Path results) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("study", "verdict-stability");
        extra.put("stability_runs", String.join(" ", study.runIds()));
        extra.put("stability_reference", reference);
        extra.put("stability_band", Double.toString(band));
        RunMetadata meta = RunMetadata.collect(KIND, "analysis", extra);
        try (RunArchive archive = RunArchive.begin(results, meta)) {
            CsvOut.write(archive.file(COMPARISONS_CSV), COMPARISON_COLUMNS, study.comparisonRows());
            CsvOut.write(archive.file(GOALS_CSV), GOAL_COLUMNS, study.goalRows());
            Files.writeString(archive.file(REPORT_MD), study.report(), StandardCharsets.UTF_8);
            Tally t = study.tally();
            RunMetadata done = meta
                .with("stability_comparisons", Integer.toString(t.total()))
                .with("stability_agree", Integer.toString(t.agree()))
                .with("stability_consistent", Integer.toString(t.consistent()))
                .with("stability_differ", Integer.toString(t.differ()))
                .with("stability_contradict", Integer.toString(t.contradict()))
                .with("stability_goal_strict", t.strictGoalMet() ? "met" : "missed")
                .with("stability_goal_lenient", t.lenientGoalMet() ? "met" : "missed");
            Map<String, String> index = new LinkedHashMap<>();
            index.put("study", "verdict-stability");
            return archive.commit(done, index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive the study: " + e.getMessage(), e);
        }
    }

    /** One run read and judged: its comparisons with the reference, and its goal verdicts. */
    record Judged(ArchiveReader.Run run, Map<String, Compared> comparisons, Map<String, Goals.Verdict> goals) {
        static Judged read(Path dir, String reference) {
            ArchiveReader.Run run = ArchiveReader.read(dir);
            ForkScores forks = ForkScores.fromJmh(ArchiveReader.jmhJson(dir, run.label()));
            List<ArchiveRows.Result> rows = run.results();
            Map<String, ArchiveRows.Result> refs = new TreeMap<>();
            for (ArchiveRows.Result r : rows) {
                if (reference.equals(r.impl())) {
                    refs.putIfAbsent(cellKey(r), r);
                }
            }
            Map<String, Compared> comparisons = new TreeMap<>();
            for (ArchiveRows.Result r : rows) {
                ArchiveRows.Result ref = refs.get(cellKey(r));
                if (ref == null || reference.equals(r.impl())) {
                    continue;
                }
                Optional<RatioInterval> ci = forks.timeRatio(r, ref, Ratios.DEFAULT_CONFIDENCE);
                ci.ifPresent(interval -> comparisons.put(cellKey(r) + "|" + r.impl() + "|" + r.hasher(),
                    new Compared(r, interval)));
            }
            Map<String, Goals.Verdict> goals = new LinkedHashMap<>();
            for (Goals.Verdict v : Goals.judge(rows, run.latency(), run.memory(), forks)) {
                if (goalVerdict(v.status()).isPresent()) {
                    goals.put(v.goal(), v);
                }
            }
            return new Judged(run, comparisons, goals);
        }
    }

    /** One implementation's row and its time ratio to the reference in one run. */
    record Compared(ArchiveRows.Result row, RatioInterval interval) {
    }

    private static String cellKey(ArchiveRows.Result r) {
        StringBuilder sb = new StringBuilder();
        for (String c : CELL_COLUMNS) {
            sb.append(r.get(c)).append('|');
        }
        return sb.append(r.benchmark()).toString();
    }

    /** A goal status as the goals table writes it, if it is one of the three verdicts. */
    static Optional<GoalVerdict> goalVerdict(String status) {
        for (GoalVerdict g : GoalVerdict.values()) {
            if (g.label().equals(status)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The study: the comparisons and goals found in every run, lined up. */
    record Study(List<Judged> runs, String reference, double band, Map<String, Row> comparisons,
                 Map<String, List<Goals.Verdict>> goals, Map<String, Agreement> goalAgreement, int partial) {

        static Study of(List<Judged> runs, String reference, double band) {
            Map<String, Row> comparisons = new TreeMap<>();
            int partial = 0;
            for (String key : runs.get(0).comparisons().keySet()) {
                List<RatioInterval> intervals = new ArrayList<>();
                for (Judged j : runs) {
                    Compared c = j.comparisons().get(key);
                    if (c != null) {
                        intervals.add(c.interval());
                    }
                }
                if (intervals.size() == runs.size()) {
                    comparisons.put(key, Row.judge(key, intervals, band));
                }
            }
            for (Judged j : runs) {
                partial = Math.max(partial, (int) j.comparisons().keySet().stream()
                    .filter(k -> !comparisons.containsKey(k)).count());
            }
            Map<String, List<Goals.Verdict>> goals = new LinkedHashMap<>();
            Map<String, Agreement> goalAgreement = new LinkedHashMap<>();
            for (String goal : runs.get(0).goals().keySet()) {
                List<Goals.Verdict> vs = runs.stream().map(j -> j.goals().get(goal)).toList();
                if (vs.stream().allMatch(v -> v != null)) {
                    goals.put(goal, vs);
                    goalAgreement.put(goal, VerdictStability.ofGoals(
                        vs.stream().map(v -> goalVerdict(v.status()).orElseThrow()).toList()));
                }
            }
            return new Study(runs, reference, band, comparisons, goals, goalAgreement, partial);
        }

        List<String> runIds() {
            return runs.stream().map(j -> j.run().label()).toList();
        }

        Tally tally() {
            return Tally.of(comparisons.values().stream().map(Row::agreement).toList());
        }

        Tally goalTally() {
            return Tally.of(List.copyOf(goalAgreement.values()));
        }

        List<List<?>> comparisonRows() {
            List<List<?>> out = new ArrayList<>();
            for (Map.Entry<String, Row> e : comparisons.entrySet()) {
                Row row = e.getValue();
                for (int i = 0; i < runs.size(); i++) {
                    Judged j = runs.get(i);
                    Compared c = j.comparisons().get(e.getKey());
                    RatioInterval r = c.interval();
                    List<Object> line = new ArrayList<>();
                    for (String col : CELL_COLUMNS) {
                        line.add(c.row().get(col));
                    }
                    line.add(c.row().impl());
                    line.add(c.row().hasher());
                    line.add(reference);
                    line.add(j.run().label());
                    line.add(num(r.estimate()));
                    line.add(num(r.low()));
                    line.add(Double.isFinite(r.high()) ? num(r.high()) : "inf");
                    line.add(r.method().label());
                    line.add(r.nA() + "+" + r.nB());
                    line.add(row.verdicts().get(i).label());
                    line.add(row.agreement().label());
                    out.add(line);
                }
            }
            return out;
        }

        List<List<?>> goalRows() {
            List<List<?>> out = new ArrayList<>();
            for (Map.Entry<String, List<Goals.Verdict>> e : goals.entrySet()) {
                for (int i = 0; i < runs.size(); i++) {
                    Goals.Verdict v = e.getValue().get(i);
                    out.add(List.of(e.getKey(), runs.get(i).run().label(), v.ours(), v.peer(), v.measure(),
                        v.status(), goalAgreement.get(e.getKey()).label()));
                }
            }
            return out;
        }

        String report() {
            Tally t = tally();
            Tally g = goalTally();
            StringBuilder sb = new StringBuilder("# Verdict stability\n\n");
            sb.append("Each implementation of each cell against `").append(reference).append("` in the same cell and ")
                .append("run: the time ratio with its 95 % interval over the forks, judged faster, slower, no ")
                .append("difference (the interval inside +/- ").append(pct(band)).append(") or undecided. A ")
                .append("comparison agrees when every run gives the same verdict, is consistent when the runs that ")
                .append("decided agree and the rest are undecided, differs when two runs made different but ")
                .append("compatible claims (faster and no difference), and contradicts when one run says faster and ")
                .append("another slower (a goal: met and missed). Goal: no contradiction, and at least 90 % agreeing ")
                .append("(strict) or agreeing or consistent (lenient: undecided allowed).\n\n");
            sb.append("| run | rounds seed | forks per cell | load at start | load at end | A/A noise |\n")
                .append("|---|---|---:|---|---|---|\n");
            for (Judged j : runs) {
                sb.append("| ").append(j.run().label()).append(" | ").append(orDash(j.run().meta("rounds_seed")))
                    .append(" | ").append(forks(j)).append(" | ")
                    .append(orDash(j.run().meta("machine_start_loadavg"))).append(" | ")
                    .append(orDash(j.run().meta("machine_end_loadavg"))).append(" | ")
                    .append(orDash(j.run().meta("noise_score"))).append(" |\n");
            }
            sb.append("\n## Result\n\n");
            sb.append(String.format(Locale.ROOT, "- comparisons: %d of %d agree (%s), %d consistent, %d differ, "
                + "%d contradict; strict goal %s, lenient goal %s (%s agree or consistent)%n", t.agree(), t.total(),
                pct(t.strictShare()), t.consistent(), t.differ(), t.contradict(), t.strictGoalMet() ? "met" : "missed",
                t.lenientGoalMet() ? "met" : "missed", pct(t.lenientShare())));
            sb.append(String.format(Locale.ROOT, "- goals: %d of %d agree (%s), %d consistent, %d contradict%n",
                g.agree(), g.total(), pct(g.strictShare()), g.consistent(), g.contradict()));
            if (partial > 0) {
                sb.append("- ").append(partial).append(" comparisons were missing from some runs and are left out\n");
            }
            sb.append("\n## Comparisons\n\n| cell | impl | ");
            for (int i = 0; i < runs.size(); i++) {
                sb.append("run ").append(i + 1).append(" | ");
            }
            sb.append("agreement |\n|---|---|").append("---|".repeat(runs.size())).append("---|\n");
            for (Map.Entry<String, Row> e : comparisons.entrySet()) {
                ArchiveRows.Result r = runs.get(0).comparisons().get(e.getKey()).row();
                sb.append("| ").append(r.operation()).append(' ').append(r.keyKind()).append(' ').append(r.size())
                    .append(" | ").append(r.impl()).append('/').append(r.hasher()).append(" | ");
                for (int i = 0; i < runs.size(); i++) {
                    sb.append(e.getValue().intervals().get(i).format(2)).append(' ')
                        .append(e.getValue().verdicts().get(i).label()).append(" | ");
                }
                sb.append(e.getValue().agreement().label()).append(" |\n");
            }
            sb.append("\n## Goals\n\n| goal | ");
            for (int i = 0; i < runs.size(); i++) {
                sb.append("run ").append(i + 1).append(" | ");
            }
            sb.append("agreement |\n|---|").append("---|".repeat(runs.size())).append("---|\n");
            for (Map.Entry<String, List<Goals.Verdict>> e : goals.entrySet()) {
                sb.append("| ").append(e.getKey()).append(" | ");
                for (Goals.Verdict v : e.getValue()) {
                    sb.append(v.measure()).append(' ').append(v.status()).append(" | ");
                }
                sb.append(goalAgreement.get(e.getKey()).label()).append(" |\n");
            }
            return sb.append('\n').toString();
        }

        private static String forks(Judged j) {
            return j.comparisons().values().stream().findFirst().map(c -> Integer.toString(c.interval().nB()))
                .orElse("-");
        }
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
