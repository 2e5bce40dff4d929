package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.junit.jupiter.api.Test;

/**
 * results.csv derived from the JSON of a real JMH smoke run (see {@link TestArchives}). The
 * expected figures are read from the JSON's own fields (score, scoreError, rawData,
 * gc.alloc.rate.norm) or follow from the documented column meanings.
 */
class ResultsCsvTest {

    private static final List<String> COLUMNS = ArchiveFormat.RESULTS_COLUMNS;

    private static String cell(List<String> row, String column) {
        return row.get(COLUMNS.indexOf(column));
    }

    @Test
    void everyJmhResultBecomesOneRowWithTheDocumentedColumns() {
        JsonNode json = TestArchives.sampleJson();
        List<List<String>> rows = ResultsCsv.rows(json);
        assertEquals(json.size(), rows.size());
        for (List<String> row : rows) {
            assertEquals(COLUMNS.size(), row.size());
        }
    }

    @Test
    void aGetRowCarriesItsParametersScoreErrorSamplesAndAllocation() {
        JsonNode first = TestArchives.sampleJson().get(0);
        List<String> row = ResultsCsv.rows(TestArchives.sampleJson()).get(0);
        assertEquals("org.hmaplab.harness.bench.GetBench.get", cell(row, "benchmark"));
        assertEquals("get-hit", cell(row, "operation"), "hitRatio=100 is a get-hit");
        assertEquals("go-swar", cell(row, "impl"));
        assertEquals("aes", cell(row, "hasher"));
        assertEquals("swar", cell(row, "lookup_style"));
        assertEquals("long-random", cell(row, "key_kind"));
        assertEquals("1024", cell(row, "size"));
        assertEquals("uniform", cell(row, "distribution"));
        assertEquals("100", cell(row, "hit_ratio"));
        assertEquals("avgt", cell(row, "mode"));
        assertEquals("ns/op", cell(row, "unit"));
        assertEquals(first.at("/primaryMetric/score").asDouble(), Double.parseDouble(cell(row, "score")), 1e-6);
        assertEquals("NaN", cell(row, "error"), "one fork of 2 iterations gives JMH no error bar");
        assertEquals("2", cell(row, "samples"), "2 measurement iterations x 1 fork");
        assertEquals(first.at("/secondaryMetrics/gc.alloc.rate.norm/score").asDouble(),
            Double.parseDouble(cell(row, "alloc_bytes_per_op")), 1e-9);
        assertEquals("distribution=uniform;hasher=aes;hitRatio=100;impl=go-swar;keyKind=long-random;size=1024",
            cell(row, "params"));
        assertEquals("", cell(row, "input_bytes"));
    }

    @Test
    void operationsAreNamedFromTheBenchmarkMethod() {
        List<String> ops = ResultsCsv.rows(TestArchives.sampleJson()).stream().map(r -> cell(r, "operation")).toList();
        assertEquals(List.of("get-hit", "get-hit", "baseline", "put-growth", "put-growth", "hash-bytes",
            "baseline-hash"), ops);
    }

    @Test
    void peersHaveNoLookupStyleAndTheBaselineIsItsOwnImpl() {
        List<List<String>> rows = ResultsCsv.rows(TestArchives.sampleJson());
        assertEquals("fastutil", cell(rows.get(1), "impl"));
        assertEquals("none", cell(rows.get(1), "lookup_style"));
        assertEquals("baseline", cell(rows.get(2), "impl"));
        assertEquals("", cell(rows.get(2), "lookup_style"));
    }

    @Test
    void hasherRowsGetInputBytesAndBytesPerNanosecond() {
        JsonNode hash = TestArchives.sampleJson().get(5);
        List<String> row = ResultsCsv.rows(TestArchives.sampleJson()).get(5);
        assertEquals("16", cell(row, "input_bytes"));
        double expected = 16 / hash.at("/primaryMetric/score").asDouble();
        assertEquals(expected, Double.parseDouble(cell(row, "bytes_per_ns")), 1e-6);
        List<String> baseline = ResultsCsv.rows(TestArchives.sampleJson()).get(6);
        assertEquals("", cell(baseline, "bytes_per_ns"), "the baseline hashes nothing");
    }

    @Test
    void theMultiplyChainIsItsOwnOperationWithoutInputBytes() throws Exception {
        JsonNode json = new ObjectMapper().readTree("[{\"benchmark\":\"org.hmaplab.harness.bench.HasherBench"
            + ".multiplyLatency\",\"mode\":\"avgt\",\"params\":{},"
            + "\"primaryMetric\":{\"score\":0.9,\"scoreError\":0.01,\"scoreUnit\":\"ns/op\",\"rawData\":[[0.9]]}}]");
        List<String> row = ResultsCsv.rows(json).get(0);
        assertEquals("multiply-latency", cell(row, "operation"));
        assertEquals("", cell(row, "input_bytes"));
        assertEquals("", cell(row, "bytes_per_ns"));
        assertEquals("", cell(row, "hasher"));
    }

    @Test
    void theLimitsAreTheirOwnOperationsWithImplLimit() throws Exception {
        for (String[] method : new String[][] {{"oneLine", "limit-1line"}, {"twoLines", "limit-2lines"}}) {
            JsonNode json = new ObjectMapper().readTree("[{\"benchmark\":\"org.hmaplab.harness.bench.LimitBench."
                + method[0] + "\",\"mode\":\"avgt\",\"params\":{\"keyKind\":\"long-random\",\"size\":\"65536\","
                + "\"distribution\":\"uniform\",\"hitRatio\":\"100\"},"
                + "\"primaryMetric\":{\"score\":4.5,\"scoreError\":0.1,\"scoreUnit\":\"ns/op\",\"rawData\":[[4.5]]}}]");
            List<String> row = ResultsCsv.rows(json).get(0);
            assertEquals(method[1], cell(row, "operation"));
            assertEquals(ResultsCsv.LIMIT_IMPL, cell(row, "impl"));
            assertEquals("", cell(row, "lookup_style"));
            assertEquals("", cell(row, "hasher"));
            assertEquals("65536", cell(row, "size"));
            assertEquals("", cell(row, "input_bytes"));
        }
    }

    @Test
    void anUnknownBenchmarkIsRejectedByName() throws Exception {
        JsonNode bad = new ObjectMapper().readTree("[{\"benchmark\":\"x.Y.z\",\"mode\":\"avgt\","
            + "\"primaryMetric\":{\"score\":1.0,\"scoreUnit\":\"ns/op\",\"rawData\":[[1.0]]}}]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsCsv.rows(bad));
        assertTrue(e.getMessage().contains("x.Y.z"), e.getMessage());
    }
}
