package org.hmaplab.harness.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hbench compare with per-fork data: the same interval and verdict rules as hbench goals, and a
 * history window whose baseline is its median run. The fork scores are planted, not measured.
 */
class CompareOnForksTest {
    @TempDir
    Path tmp;

    /** A run folder whose one cell (get, go, 1024) has the given forks. */
    private Path run(Path parent, String id, String start, double... forkMeans) throws IOException {
        double mean = 0;
        for (double f : forkMeans) {
            mean += f;
        }
        mean /= forkMeans.length;
        Path dir = FixtureRuns.write(parent, FixtureRuns.meta(id, start),
            FixtureRuns.row("get", "go", 1024, "avgt", "ns/op", mean, 0.01));
        StringBuilder raw = new StringBuilder();
        for (double f : forkMeans) {
            raw.append(raw.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%s,%s,%s]", f * 0.999, f,
                f * 1.001));
        }
        Files.writeString(dir.resolve("jmh-result.json"), "[{\"benchmark\":"
            + "\"org.hmaplab.harness.bench.LongMapBench.get\",\"mode\":\"avgt\","
            + "\"params\":{\"impl\":\"go\",\"size\":\"1024\"},\"primaryMetric\":{\"score\":" + mean
            + ",\"scoreUnit\":\"ns/op\",\"rawData\":[" + raw + "]}}]", StandardCharsets.UTF_8);
        return dir;
    }

    private static CellComparison only(RunComparer.Result r) {
        assertEquals(1, r.cells().size());
        return r.cells().get(0);
    }

    @Test
    void aTenPercentSlowdownWithTightForksIsADecidedRegression() throws Exception {
        RunResults base = RunResults.read(run(tmp.resolve("a"), "r1", "2026-01-01T00:00:00Z", 10.0, 10.1, 9.9));
        RunResults now = RunResults.read(run(tmp.resolve("b"), "r2", "2026-01-02T00:00:00Z", 11.0, 11.1, 10.9));
        CellComparison c = only(new RunComparer(3, 3).compare(base, now, List.of()));
        assertEquals(Verdict.REGRESSED, c.verdict(), c.reason());
        assertTrue(c.reason().contains("3+3 forks") && c.reason().contains("slower"), c.reason());
    }

    @Test
    void theSameSlowdownWithOneWildForkIsNoChange() throws Exception {
        RunResults base = RunResults.read(run(tmp.resolve("a"), "r1", "2026-01-01T00:00:00Z", 10.0, 10.1, 9.9));
        RunResults now = RunResults.read(run(tmp.resolve("b"), "r2", "2026-01-02T00:00:00Z", 11.0, 16.0, 7.0));
        CellComparison c = only(new RunComparer(3, 3).compare(base, now, List.of()));
        assertEquals(Verdict.NO_CHANGE, c.verdict(), c.reason());
        assertTrue(c.reason().contains("undecided"), c.reason());
    }

    @Test
    void againstAWindowTheBaselineIsTheMedianRun() throws Exception {
        Path results = tmp.resolve("results");
        double[] history = {10.0, 14.0, 9.0, 13.0, 10.2};
        for (int i = 0; i < history.length; i++) {
            double h = history[i];
            run(results, "h" + i, "2026-01-0" + (i + 1) + "T00:00:00Z", h, h * 1.01, h * 0.99);
        }
        RunResults now = RunResults.read(run(results, "now", "2026-01-09T00:00:00Z", 11.5, 11.6, 11.4));
        RunResults base = RunResults.read(results.resolve("h4"));
        List<RunResults> window = HistoryWindow.lastRuns(results, now, 5);
        CellComparison c = only(new RunComparer(3, 3).compare(base, now, window));
        // the median of 9.0, 10.0, 10.2, 13.0, 14.0 is run h4 (10.2): 11.5 against it is a decided regression
        assertTrue(c.reason().startsWith("against the median of 5 past runs (h4)"), c.reason());
        assertEquals(Verdict.REGRESSED, c.verdict(), c.reason());
    }
}
