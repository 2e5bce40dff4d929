package org.hmaplab.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.hmaplab.hash.quality.QualityMode;
import org.hmaplab.hash.quality.QualityRow;
import org.hmaplab.hash.quality.QualitySuite;
import org.hmaplab.hash.quality.Verdict;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hbench quality}: runs the quality suite for one hasher or all, prints a PASS/FAIL table
 * and archives it as {@code quality.csv} (columns {@link #CSV_COLUMNS}) in a run folder of kind
 * {@code quality} under the results folder.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Run the hash-quality suite (avalanche, distribution, collisions, seed independence, zero keys), "
        + "print PASS/FAIL and archive quality.csv.")
final class QualityCommand implements Callable<Integer> {

    /** Columns of quality.csv, in order; they only grow. */
    static final List<String> CSV_COLUMNS = List.of(
        "hasher", "test", "parameters", "measure", "statistic", "threshold", "result", "mode");

    /** Name of the CSV file inside the run folder. */
    static final String CSV_FILE = "quality.csv";

    private static final String ALL = "all";

    @Spec
    CommandSpec spec;

    @Option(names = "--hasher", paramLabel = "NAME|all", defaultValue = ALL,
        description = "One hasher, or 'all' (default).")
    String hasher;

    @Option(names = "--quick", description = "Small samples (seconds per hasher; wider thresholds). "
        + "Default: the full suite.")
    boolean quick;

    @Option(names = "--results", paramLabel = "DIR",
        description = "Results folder (default: <project>/results).")
    Path resultsDir;

    @Override
    public Integer call() throws IOException {
        List<Hasher> hashers = new ArrayList<>();
        if (ALL.equals(hasher)) {
            for (String n : Hashers.names()) {
                hashers.add(Hashers.byName(n));
            }
            if (hashers.isEmpty()) {
                throw new IllegalArgumentException("no hashers are registered, nothing to test");
            }
        } else {
            hashers.add(HasherNames.resolve(spec, "--hasher", hasher));
        }
        QualityMode mode = quick ? QualityMode.QUICK : QualityMode.FULL;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = resultsDir != null ? resultsDir : RunArchive.defaultResultsDir();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("quality_hashers", String.join(" ", hashers.stream().map(Hasher::name).toList()));
        extra.put("quality_mode", mode.word());
        RunMetadata meta = RunMetadata.collect("quality", mode.word(), extra);
        QualitySuite suite = new QualitySuite();
        try (RunArchive archive = RunArchive.begin(dir, meta)) {
            List<QualityRow> rows = new ArrayList<>();
            for (Hasher h : hashers) {
                long t0 = System.nanoTime();
                List<QualityRow> r;
                try {
                    r = suite.run(h, mode);
                } catch (RuntimeException e) {
                    r = List.of(QualityRow.error(h.name(), e));
                }
                rows.addAll(r);
                err.printf("quality: %-10s %s, %d rows, %d FAIL, %d ERROR, %.1f s%n", h.name(), mode.word(), r.size(),
                    count(r, Verdict.FAIL), count(r, Verdict.ERROR), (System.nanoTime() - t0) / 1e9);
                err.flush();
            }
            writeCsv(archive.file(CSV_FILE), rows, mode);
            printTable(out, rows);
            printSummary(out, hashers, rows);
            Map<String, String> indexExtra = new LinkedHashMap<>();
            indexExtra.put("rows", Integer.toString(rows.size()));
            indexExtra.put("fail", Long.toString(count(rows, Verdict.FAIL)));
            indexExtra.put("error", Long.toString(count(rows, Verdict.ERROR)));
            Path folder = archive.commit(archive.metadata(), indexExtra);
            out.println("archived: " + folder);
        }
        out.flush();
        return 0;
    }

    private static long count(List<QualityRow> rows, Verdict v) {
        return rows.stream().filter(x -> x.verdict() == v).count();
    }

    static void printTable(PrintWriter out, List<QualityRow> rows) {
        Table t = new Table("HASHER", "TEST", "PARAMETERS", "MEASURE", "STATISTIC", "THRESHOLD", "RESULT");
        for (QualityRow r : rows) {
            t.row(r.hasher(), r.test(), r.parameters(), r.measure(), r.statisticText(), r.thresholdText(),
                r.verdict());
        }
        t.print(out);
    }

    private static void printSummary(PrintWriter out, List<Hasher> hashers, List<QualityRow> rows) {
        out.println();
        Table t = new Table("HASHER", "ROWS", "PASS", "FAIL", "SKIP", "ERROR", "FAILED TESTS");
        for (Hasher h : hashers) {
            List<QualityRow> mine = rows.stream().filter(r -> r.hasher().equals(h.name())).toList();
            Set<String> failed = new LinkedHashSet<>();
            for (QualityRow r : mine) {
                if (r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR) {
                    failed.add(r.test());
                }
            }
            t.row(h.name(), mine.size(), count(mine, Verdict.PASS), count(mine, Verdict.FAIL),
                count(mine, Verdict.SKIP), count(mine, Verdict.ERROR),
                failed.isEmpty() ? "-" : String.join(", ", failed));
        }
        t.print(out);
    }

    static void writeCsv(Path file, List<QualityRow> rows, QualityMode mode) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
            .setHeader(CSV_COLUMNS.toArray(String[]::new)).get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, format)) {
            for (QualityRow r : rows) {
                p.printRecord(r.hasher(), r.test(), r.parameters(), r.measure(), csvNumber(r.statistic()),
                    csvNumber(r.threshold()), r.verdict(), mode.word());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String csvNumber(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
