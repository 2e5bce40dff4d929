package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveRows;
import org.hmaplab.harness.stats.ForkScores;
import org.junit.jupiter.api.Test;

/**
 * The fork statistics inside a run: rounds pooled into one result, the A/A control cell, speed
 * goals and native goals judged on fork intervals, all from planted JMH-shaped results.
 */
class ForkStatisticsInRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GET = "org.hmaplab.harness.bench.GetBench.get";

    /** A JMH-shaped result with the given forks (each a row of iteration scores). */
    private static ObjectNode result(String impl, String hasher, int size, int hit, double[]... forks) {
        ObjectNode r = JSON.createObjectNode();
        r.put("benchmark", GET);
        r.put("mode", "avgt");
        ObjectNode p = r.putObject("params");
        p.put("impl", impl);
        p.put("hasher", hasher);
        p.put("keyKind", "long-random");
        p.put("size", Integer.toString(size));
        p.put("distribution", "uniform");
        p.put("hitRatio", Integer.toString(hit));
        ObjectNode m = r.putObject("primaryMetric");
        ArrayNode raw = m.putArray("rawData");
        double sum = 0;
        int n = 0;
        for (double[] f : forks) {
            ArrayNode row = raw.addArray();
            for (double v : f) {
                row.add(v);
                sum += v;
                n++;
            }
        }
        m.put("score", sum / n);
        m.put("scoreError", "NaN");
        m.put("scoreUnit", "ns/op");
        r.putObject("secondaryMetrics");
        return r;
    }

    private static double[] fork(double mean) {
        return new double[] {mean * 0.999, mean, mean * 1.001};
    }

    private static List<ArchiveRows.Result> rows(ArrayNode results) {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> cols = ArchiveFormat.RESULTS_COLUMNS;
        for (List<String> row : ResultsCsv.rows(results)) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                m.put(cols.get(i), row.get(i));
            }
            out.add(m);
        }
        return TypedRows.results(out);
    }

    @Test
    void roundsOfACellArePooledIntoOneResultWithEveryFork() {
        JsonNode a = result("fastutil", "none", 1024, 100, fork(10), fork(11));
        JsonNode b = result("fastutil", "none", 1024, 100, fork(12));
        JsonNode pooled = JmhPool.pool(List.of(a, b));
        assertEquals(3, pooled.path("primaryMetric").path("rawData").size());
        assertEquals(3, pooled.path("forks").asInt());
        assertEquals(11.0, pooled.path("primaryMetric").path("score").asDouble(), 1e-9);
        ForkScores.Sample s = ForkScores.fromJmh(JSON.createArrayNode().add(pooled))
            .of(rows(JSON.createArrayNode().add(pooled)).get(0)).orElseThrow();
        assertEquals(3, s.forks());
        assertEquals(12.0, s.forkMeans()[2], 1e-9);
    }

    @Test
    void theAaControlRepeatsTheFirstFastutilMapCellUnderItsControlName() {
        BenchRun.Plan plan = BenchRun.plan("smoke", null, null, null, null, "1/1");
        Cell[] pair = BenchRun.aaPair(plan.cells()).orElseThrow();
        assertEquals("fastutil", pair[0].param("impl"));
        assertEquals("fastutil-aa", pair[1].param("impl"));
        Map<String, String> base = new TreeMap<>(pair[0].params());
        Map<String, String> control = new TreeMap<>(pair[1].params());
        base.remove("impl");
        control.remove("impl");
        assertEquals(base, control);
        assertEquals(1, plan.cells().stream().filter(c -> "fastutil-aa".equals(c.param("impl"))).count());
        assertEquals(plan.matrixSize(), plan.cells().size());
    }

    @Test
    void aSpeedGoalIsMetMissedOrUndecidedByTheIntervalOverForks() {
        ArrayNode met = JSON.createArrayNode()
            .add(result("go-fast64", "go", 1024, 100, fork(5.0), fork(5.1), fork(4.9)))
            .add(result("fastutil", "none", 1024, 100, fork(6.0), fork(6.1), fork(5.9)));
        assertEquals("met", goal(met, "get-hit long-random 1024"));
        ArrayNode missed = JSON.createArrayNode()
            .add(result("go-fast64", "go", 1024, 100, fork(7.0), fork(7.1), fork(6.9)))
            .add(result("fastutil", "none", 1024, 100, fork(6.0), fork(6.1), fork(5.9)));
        assertEquals("missed", goal(missed, "get-hit long-random 1024"));
        ArrayNode wild = JSON.createArrayNode()
            .add(result("go-fast64", "go", 1024, 100, fork(5.0), fork(9.0), fork(4.0)))
            .add(result("fastutil", "none", 1024, 100, fork(6.0), fork(6.1), fork(5.9)));
        assertEquals("undecided", goal(wild, "get-hit long-random 1024"));
    }

    private static String goal(ArrayNode results, String name) {
        List<Goals.Verdict> v = Goals.judge(rows(results), List.of(), List.of(), ForkScores.fromJmh(results));
        return v.stream().filter(x -> x.goal().equals(name)).findFirst().orElseThrow().status();
    }

    @Test
    void theClassicModelIsJudgedAgainstNativeGo119WithTheMatchingHash() {
        ArrayNode r = JSON.createArrayNode()
            .add(result("go-fast64", "go", 1024, 100, fork(5.0), fork(5.1)))
            .add(result("native-go119", "fallback", 1024, 100, fork(6.0), fork(6.1)))
            .add(result("native-go119", "aeshash", 1024, 100, fork(4.0), fork(4.1)))
            .add(result("go-fast64", "go", 1024, 0, fork(8.0), fork(8.1)))
            .add(result("native-go119", "fallback", 1024, 0, fork(6.0), fork(6.1)));
        List<Goals.Verdict> v = NativeGoals.judge(rows(r), ForkScores.fromJmh(r));
        assertEquals(1, v.size(), v.toString());
        assertEquals("missed", v.get(0).status(), v.get(0).toString());
        assertTrue(v.get(0).measure().startsWith("2 cells: 1 met, 1 missed"), v.get(0).measure());
        String md = NativeGoals.markdown(rows(r), ForkScores.fromJmh(r));
        assertTrue(md.contains("## Java models against real Go"), md);
        List<String> lines = md.lines().filter(l -> l.startsWith("| classic")).collect(Collectors.toList());
        assertEquals(2, lines.size(), md);
        assertTrue(lines.get(0).contains("get-hit 1024") && lines.get(0).contains("| met |"), lines.get(0));
    }
}
