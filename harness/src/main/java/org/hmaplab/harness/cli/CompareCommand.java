package org.hmaplab.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hmaplab.harness.compare.BenchmarkExport;
import org.hmaplab.harness.compare.CompareMarkdown;
import org.hmaplab.harness.compare.HistoryWindow;
import org.hmaplab.harness.compare.RunComparer;
import org.hmaplab.harness.compare.RunResults;
import org.hmaplab.harness.compare.Verdict;
import org.hmaplab.harness.compare.VerdictRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hbench compare BASE NEW}: the change of every benchmark cell from one archived run to
 * another, with a verdict per cell (rules in {@link VerdictRules}). Exit status: 0 when nothing
 * regressed, 1 when a cell regressed beyond the threshold, 2 for usage errors and unreadable
 * input.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compares two archived runs cell by cell: improved / regressed / no change, decided from",
        "JMH's 99.9%% confidence intervals and a relative threshold, or (--window N) from the last N",
        "comparable archived runs. Exit status 1 when any cell regressed, 2 for usage errors."})
public final class CompareCommand implements Callable<Integer> {

    /** Exit status when a cell regressed. */
    public static final int EXIT_REGRESSION = 1;
    /** Exit status for usage errors and unreadable input. */
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "the base run folder (results/<runId>)")
    private Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "the new run folder")
    private Path current;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
        description = "relative change in percent below which nothing counts (default: ${DEFAULT-VALUE})")
    private double thresholdPct;

    @Option(names = "--window", paramLabel = "N", defaultValue = "0",
        description = "judge NEW against the last N comparable archived runs (0 = off; default: ${DEFAULT-VALUE})")
    private int window;

    @Option(names = "--k", paramLabel = "K", defaultValue = "3",
        description = "window band: mean +/- K standard deviations (default: ${DEFAULT-VALUE})")
    private double k;

    @Option(names = "--results", paramLabel = "DIR",
        description = "results folder holding index.csv for --window (default: NEW's parent folder)")
    private Path resultsDir;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE",
        description = "also write NEW's cells as FORMAT (github-action-benchmark | bencher) to FILE")
    private List<String> export;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the comparison as Markdown to FILE")
    private Path reportFile;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the runs: " + e.getMessage(), e);
        }
    }

    private int run() throws IOException {
        if (window < 0) {
            throw new IllegalArgumentException("--window must be >= 0, got " + window);
        }
        final BenchmarkExport.Format format = export == null ? null : BenchmarkExport.Format.byName(export.get(0));
        final RunResults b = RunResults.read(base);
        final RunResults n = RunResults.read(current);
        final Path results = resultsDir != null ? resultsDir
            : current.toAbsolutePath().normalize().getParent();
        final List<RunResults> past = window > 0 ? HistoryWindow.lastRuns(results, n, window) : List.of();
        final RunComparer.Result result = new RunComparer(thresholdPct, k).compare(b, n, past);
        final String md = CompareMarkdown.render(b, n, past, result, thresholdPct);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(md);
        out.flush();
        if (reportFile != null) {
            Files.writeString(reportFile, md, StandardCharsets.UTF_8);
        }
        if (format != null) {
            for (String w : BenchmarkExport.write(format, n.cellList(), n.label(), Path.of(export.get(1)))) {
                out.println("exported " + w);
            }
            out.flush();
        }
        if (result.anyRegression()) {
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                "hbench compare: %d cell(s) regressed beyond %.1f%%", result.count(Verdict.REGRESSED), thresholdPct));
            return EXIT_REGRESSION;
        }
        return 0;
    }
}
