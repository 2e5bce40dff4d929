package org.hmaplab.harness.nativego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.run.ResultsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real two-fork native cell, read back through the archive's CSV row builder. */
class NativeGoRunnerTest {
    @TempDir
    Path dir;

    @Test
    void aTwoForkCellGivesAJmhShapedResultWithOneRawRowPerFork() throws Exception {
        GoToolchain t = RealGo.toolchain();
        NativeGoImpl impl = RealGo.implOf(t);
        Path log = dir.resolve("jmh.log");
        NativeGoRunner runner = new NativeGoRunner(GoToolchains.fromEnvironment(),
            new NativeBenchBuild(dir.resolve("b")),
            dir.resolve("in"), new NativeGoRunner.Timings(1, 20, 3, 30, 2), log);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("impl", impl.label());
        params.put("hasher", "fallback");
        params.put("keyKind", "long-random");
        params.put("size", "1024");
        params.put("distribution", "uniform");
        params.put("hitRatio", "0");
        JsonNode r = runner.run("org.hmaplab.harness.bench.GetBench.get", params);
        JsonNode raw = r.path("primaryMetric").path("rawData");
        assertEquals(2, raw.size());
        assertEquals(3, raw.get(0).size());
        double sum = 0;
        for (JsonNode fork : raw) {
            for (JsonNode v : fork) {
                assertTrue(v.asDouble() > 0);
                sum += v.asDouble();
            }
        }
        assertEquals(sum / 6, r.path("primaryMetric").path("score").asDouble(), 1e-9);
        assertEquals("cpu.aes=off", r.path("nativeGo").path("godebug").asText());
        assertTrue(r.path("nativeGo").path("goVersion").asText().startsWith("go" + impl.goVersion()));
        assertTrue(Files.readString(log).contains("nativebench 1"));

        ArrayNode array = new ObjectMapper().createArrayNode().add(r);
        List<List<String>> rows = ResultsCsv.rows(array);
        List<String> row = rows.get(0);
        assertEquals("get-miss", row.get(1));
        assertEquals(impl.label(), row.get(2));
        assertEquals("fallback", row.get(3));
        assertEquals("6", row.get(13));
    }
}
