package org.hmaplab.harness.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hmaplab.harness.cli.CompareCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** hbench compare on hand-made runs with planted regressions, planted noise and a history window. */
class CompareCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int compare(String... args) {
        final CommandLine cl = new CommandLine(new CompareCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static Cell only(RunResults r) {
        return r.cells().values().iterator().next();
    }

    @Test
    void cellThirtyPercentSlowerWithTightErrorsRegressesAndExitsOne() throws Exception {
        final Path base = FixtureRuns.write(tmp, FixtureRuns.meta("r1", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10.0, 0.1),
            FixtureRuns.row("put", "go", 1024, "avgt", "ns/op", 20.0, 0.2));
        final Path now = FixtureRuns.write(tmp, FixtureRuns.meta("r2", "2026-01-02T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 13.0, 0.1),
            FixtureRuns.row("put", "go", 1024, "avgt", "ns/op", 20.1, 0.2));
        assertEquals(CompareCommand.EXIT_REGRESSION, compare(base.toString(), now.toString()));
        assertTrue(out.toString().contains("**regressed**"), out.toString());
        assertTrue(out.toString().contains("+30.0%"), out.toString());
        assertTrue(err.toString().contains("1 cell(s) regressed"), err.toString());
    }

    @Test
    void tenPercentChangeInsideWideErrorBarsIsNoChangeAndExitsZero() throws Exception {
        final Path base = FixtureRuns.write(tmp, FixtureRuns.meta("r1", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10.0, 1.5));
        final Path now = FixtureRuns.write(tmp, FixtureRuns.meta("r2", "2026-01-02T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 11.0, 1.5));
        assertEquals(0, compare(base.toString(), now.toString()));
        final RunComparer.Result r = new RunComparer(5, 3).compare(RunResults.read(base), RunResults.read(now),
            List.of());
        assertEquals(Verdict.NO_CHANGE, r.cells().get(0).verdict());
        assertTrue(r.cells().get(0).reason().contains("overlap"), r.cells().get(0).reason());
    }

    @Test
    void separatedIntervalsBelowTheThresholdAreNoChange() throws Exception {
        final RunResults base = RunResults.read(FixtureRuns.write(tmp, FixtureRuns.meta("r1", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10.0, 0.01)));
        final RunResults now = RunResults.read(FixtureRuns.write(tmp, FixtureRuns.meta("r2", "2026-01-02T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10.3, 0.01)));
        assertEquals(Verdict.NO_CHANGE, new RunComparer(5, 3).compare(base, now, List.of()).cells().get(0).verdict());
        assertEquals(Verdict.REGRESSED, new RunComparer(2, 3).compare(base, now, List.of()).cells().get(0).verdict());
    }

    @Test
    void higherThroughputIsAnImprovementButHigherTimeIsARegression() throws Exception {
        final RunResults tBase = RunResults.read(FixtureRuns.write(tmp.resolve("t"),
            FixtureRuns.meta("a", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "thrpt", "ops/us", 100.0, 1.0)));
        final RunResults tNew = RunResults.read(FixtureRuns.write(tmp.resolve("t"),
            FixtureRuns.meta("b", "2026-01-02T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "thrpt", "ops/us", 130.0, 1.0)));
        final RunResults aBase = RunResults.read(FixtureRuns.write(tmp.resolve("a"),
            FixtureRuns.meta("a", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 100.0, 1.0)));
        final RunResults aNew = RunResults.read(FixtureRuns.write(tmp.resolve("a"),
            FixtureRuns.meta("b", "2026-01-02T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 130.0, 1.0)));
        final RunComparer cmp = new RunComparer(5, 3);
        assertEquals(Verdict.IMPROVED, cmp.compare(tBase, tNew, List.of()).cells().get(0).verdict());
        assertEquals(Verdict.REGRESSED, cmp.compare(aBase, aNew, List.of()).cells().get(0).verdict());
        assertEquals(Verdict.REGRESSED, cmp.compare(tNew, tBase, List.of()).cells().get(0).verdict());
        assertEquals(Verdict.IMPROVED, cmp.compare(aNew, aBase, List.of()).cells().get(0).verdict());
    }

    @Test
    void windowOfNoisyHistoryAbsorbsAChangeThatPairwiseWouldFlag() throws Exception {
        final Path results = tmp.resolve("results");
        final double[] history = {10.0, 14.0, 9.0, 13.0, 10.0};
        Path last = null;
        for (int i = 0; i < history.length; i++) {
            last = FixtureRuns.write(results, FixtureRuns.meta("run" + i, "2026-01-0" + (i + 1) + "T00:00:00Z"),
                FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", history[i], 0.1));
        }
        final Path now = FixtureRuns.write(results, FixtureRuns.meta("run9", "2026-01-09T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 14.5, 0.1));
        assertEquals(CompareCommand.EXIT_REGRESSION, compare(last.toString(), now.toString()));
        out.getBuffer().setLength(0);
        assertEquals(0, compare(last.toString(), now.toString(), "--window", "5"));
        assertTrue(out.toString().contains("inside window"), out.toString());
        assertTrue(out.toString().contains("(5)"), out.toString());
    }

    @Test
    void windowFlagsAValueFarOutsideAQuietHistory() throws Exception {
        final Path results = tmp.resolve("results");
        final double[] history = {10.0, 10.2, 9.9, 10.1};
        for (int i = 0; i < history.length; i++) {
            FixtureRuns.write(results, FixtureRuns.meta("run" + i, "2026-01-0" + (i + 1) + "T00:00:00Z"),
                FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", history[i], 3.0));
        }
        final RunResults now = RunResults.read(FixtureRuns.write(results,
            FixtureRuns.meta("run9", "2026-01-09T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 12.0, 3.0)));
        final RunResults base = RunResults.read(results.resolve("run3"));
        final List<RunResults> window = HistoryWindow.lastRuns(results, now, 3);
        assertEquals(List.of("run1", "run2", "run3"), window.stream().map(RunResults::label).toList());
        final CellComparison c = new RunComparer(5, 3).compare(base, now, window).cells().get(0);
        assertEquals(Verdict.REGRESSED, c.verdict(), c.reason());
        assertEquals(3, c.windowRuns());
        // pairwise alone, the wide error bars would have hidden it
        assertEquals(Verdict.NO_CHANGE, VerdictRules.pairwise(only(base), only(now), 5).verdict());
    }

    @Test
    void windowSkipsRunsFromAnotherMachineAndLaterRuns() throws Exception {
        final Path results = tmp.resolve("results");
        FixtureRuns.write(results, FixtureRuns.meta("run1", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10, 0.1));
        final var other = FixtureRuns.meta("run2", "2026-01-02T00:00:00Z");
        other.put("cpu_model", "Other CPU");
        FixtureRuns.write(results, other, FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10, 0.1));
        FixtureRuns.write(results, FixtureRuns.meta("run8", "2026-01-08T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10, 0.1));
        final RunResults now = RunResults.read(FixtureRuns.write(results,
            FixtureRuns.meta("run5", "2026-01-05T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10, 0.1)));
        assertEquals(List.of("run1"),
            HistoryWindow.lastRuns(results, now, 10).stream().map(RunResults::label).toList());
    }

    @Test
    void windowReadsTheRunsListedInIndexCsv() throws Exception {
        final Path results = tmp.resolve("results");
        for (int i = 1; i <= 3; i++) {
            FixtureRuns.write(results, FixtureRuns.meta("run" + i, "2026-01-0" + i + "T00:00:00Z"),
                FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10, 0.1));
        }
        Files.writeString(results.resolve("index.csv"), "run_id,kind\nrun1,bench\nrun3,bench\n");
        final RunResults now = RunResults.read(FixtureRuns.write(results,
            FixtureRuns.meta("run4", "2026-01-04T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10, 0.1)));
        assertEquals(List.of("run1", "run3"),
            HistoryWindow.lastRuns(results, now, 10).stream().map(RunResults::label).toList());
    }

    @Test
    void missingRunFolderIsAUsageErrorWithExitTwo() {
        assertEquals(CompareCommand.EXIT_USAGE, compare(tmp.resolve("nope").toString(), tmp.toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void unknownExportFormatIsAUsageErrorNamingTheAllowedOnes() throws Exception {
        final Path base = FixtureRuns.write(tmp, FixtureRuns.meta("r1", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10.0, 0.1));
        assertEquals(CompareCommand.EXIT_USAGE, compare(base.toString(), base.toString(), "--export", "csv", "x"));
        assertTrue(err.toString().contains("github-action-benchmark, bencher"), err.toString());
    }

    @Test
    void githubActionBenchmarkExportSplitsSmallerAndBiggerIsBetter() throws Exception {
        final Path run = FixtureRuns.write(tmp, FixtureRuns.meta("r1", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", 10.5, 0.25),
            FixtureRuns.row("put", "go", 1024, "thrpt", "ops/us", 42.0, 2.0));
        final Path file = tmp.resolve("gab.json");
        assertEquals(0, compare(run.toString(), run.toString(), "--export", "github-action-benchmark",
            file.toString()));
        final ObjectMapper json = new ObjectMapper();
        final JsonNode smaller = json.readTree(file.toFile());
        assertEquals(1, smaller.size());
        assertEquals("LongMapBench.get [impl=go;size=1024]", smaller.get(0).get("name").asText());
        assertEquals("ns/op", smaller.get(0).get("unit").asText());
        assertEquals(10.5, smaller.get(0).get("value").asDouble());
        assertEquals("± 0.2500", smaller.get(0).get("range").asText());
        final JsonNode bigger = json.readTree(tmp.resolve("gab-bigger.json").toFile());
        assertEquals(42.0, bigger.get(0).get("value").asDouble());
        assertTrue(out.toString().contains("customBiggerIsBetter"));
    }

    @Test
    void bencherExportUsesNanosecondLatencyAndOpsPerSecondThroughput() throws Exception {
        final Path run = FixtureRuns.write(tmp, FixtureRuns.meta("r1", "2026-01-01T00:00:00Z"),
            FixtureRuns.row("get", "go", 1024, "avgt", "us/op", 2.0, 0.5),
            FixtureRuns.row("put", "go", 1024, "thrpt", "ops/us", 42.0, 2.0));
        final Path file = tmp.resolve("bmf.json");
        assertEquals(0, compare(run.toString(), run.toString(), "--export", "bencher", file.toString()));
        final JsonNode bmf = new ObjectMapper().readTree(file.toFile());
        final JsonNode lat = bmf.get("LongMapBench.get [impl=go;size=1024]").get("latency");
        assertEquals(2000.0, lat.get("value").asDouble(), 1e-9);
        assertEquals(1500.0, lat.get("lower_value").asDouble(), 1e-9);
        assertEquals(2500.0, lat.get("upper_value").asDouble(), 1e-9);
        final JsonNode thr = bmf.get("LongMapBench.put [impl=go;size=1024]").get("throughput");
        assertEquals(42.0e6, thr.get("value").asDouble(), 1e-3);
        assertFalse(bmf.get("LongMapBench.put [impl=go;size=1024]").has("latency"));
    }

    @Test
    void jmhJsonIsReadWhenThereIsNoResultsCsv() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("jmhonly"));
        // Hand-made in the shape of JMH 1.37's -rf json output (fields benchmark, mode, params, primaryMetric).
        Files.writeString(dir.resolve("jmh-result.json"), """
            [ { "benchmark" : "x.Bench.get", "mode" : "avgt", "forks" : 1,
                "params" : { "size" : "1024", "impl" : "go" },
                "primaryMetric" : { "score" : 12.5, "scoreError" : 0.5, "scoreUnit" : "ns/op" } },
              { "benchmark" : "x.Bench.get", "mode" : "avgt",
                "params" : { "size" : "4096", "impl" : "go" },
                "primaryMetric" : { "score" : 14.0, "scoreError" : "NaN", "scoreUnit" : "ns/op" } } ]
            """);
        final RunResults r = RunResults.read(dir);
        assertEquals(2, r.cells().size());
        final Cell first = r.cellList().get(0);
        assertEquals(12.5, first.score());
        assertEquals("1024", first.columns().get("size"));
        assertEquals("impl=go;size=1024", first.columns().get("params"));
        assertTrue(Double.isNaN(r.cellList().get(1).error()));
    }
}
