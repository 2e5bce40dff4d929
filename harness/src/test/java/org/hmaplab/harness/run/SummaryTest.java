package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.junit.jupiter.api.Test;

/** The summary's ratio column (each score divided by the fastest peer of its group) and its latency table. */
class SummaryTest {

    private static Map<String, String> row(String impl, String size, String score) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String c : ArchiveFormat.RESULTS_COLUMNS) {
            r.put(c, "");
        }
        r.put("operation", "get-hit");
        r.put("key_kind", "long-random");
        r.put("size", size);
        r.put("distribution", "uniform");
        r.put("impl", impl);
        r.put("hasher", impl.startsWith("go-") ? "fnv1a" : "none");
        r.put("unit", "ns/op");
        r.put("score", score);
        r.put("error", "0.5");
        return r;
    }

    private static Map<String, String> latency(String impl, String max, String... fillColumns) {
        Map<String, String> r = new LinkedHashMap<>();
        List<String> values = List.of(impl, "16384", "800", "2000", "30000", "110000", max, "16384", "ns", "aes",
            "long-random", "swar", "900.5", "g1");
        for (int i = 0; i < values.size(); i++) {
            r.put(ArchiveFormat.LATENCY_COLUMNS.get(i), values.get(i));
        }
        for (int i = 0; i < fillColumns.length; i++) {
            r.put(ArchiveFormat.LATENCY_FILL_COLUMNS.get(i), fillColumns[i]);
        }
        return r;
    }

    @Test
    void theLatencyTableShowsThePerFillColumnsWhenTheRowsHaveThem() {
        String md = Summary.markdown("t", List.of(),
            TypedRows.latency(List.of(latency("go-swar", "128767", "5", "120000", "99000"))), List.of());
        assertTrue(md.contains("| p99.99 | max | fills | max, median of fills | max, min of fills | unit |"), md);
        assertTrue(md.contains("| go-swar | aes | long-random | 16384 | g1 | 800 | 2000 | 30000 | 110000 | 128767 "
            + "| 5 | 120000 | 99000 | ns |"), md);
    }

    @Test
    void theLatencyTableOfAnOlderArchiveHasNoPerFillColumns() {
        String md = Summary.markdown("t", List.of(), TypedRows.latency(List.of(latency("go-swar", "128767"))),
            List.of());
        assertTrue(md.contains("| p99.99 | max | unit |"), md);
        assertTrue(md.contains("| 110000 | 128767 | ns |"), md);
        assertFalse(md.contains("fills |"), md);
    }

    @Test
    void ratiosAreAgainstTheFastestPeerOfTheSameSize() {
        List<Map<String, String>> rows = new ArrayList<>(List.of(
            row("go-swar", "1024", "20"), row("fastutil", "1024", "10"), row("agrona", "1024", "15"),
            row("go-swar", "65536", "30"), row("jdk", "65536", "60")));
        String md = Summary.markdown("t", TypedRows.results(rows), List.of(), List.of());
        assertTrue(md.contains("| go-swar | fnv1a | 20.00 ± 0.50 | ns/op |  | 2.00 |"), md);
        assertTrue(md.contains("| agrona | none | 15.00 ± 0.50 | ns/op |  | 1.50 |"), md);
        assertTrue(md.contains("| fastutil | none | 10.00 ± 0.50 | ns/op |  | 1.00 |"), md);
        assertTrue(md.contains("| go-swar | fnv1a | 30.00 ± 0.50 | ns/op |  | 0.50 |"), md);
        assertFalse(md.contains("vs limit"), "no limit rows, no limit column: " + md);
    }

    private static Map<String, String> with(Map<String, String> row, String... kv) {
        Map<String, String> r = new LinkedHashMap<>(row);
        for (int i = 0; i < kv.length; i += 2) {
            r.put(kv[i], kv[i + 1]);
        }
        return r;
    }

    @Test
    void getsAreShownAsMultiplesOfTheOneLineLimitOfTheirKeyKindSizeAndDistribution() {
        List<Map<String, String>> rows = List.of(
            row("go-swar", "1024", "20"), row("fastutil", "1024", "10"),
            with(row("baseline", "1024", "1"), "operation", "baseline", "hasher", ""),
            with(row("limit", "1024", "4"), "operation", "limit-1line", "hasher", ""),
            with(row("limit", "1024", "6"), "operation", "limit-2lines", "hasher", ""),
            with(row("go-swar", "1024", "8"), "distribution", "zipf"),
            row("go-swar", "65536", "30"), row("jdk", "65536", "60"));
        String md = Summary.markdown("t", TypedRows.results(rows), List.of(), List.of());
        assertTrue(md.contains("| vs best peer | vs limit |\n|---|---|---:|---|---|---|---:|---|---:|---:|---:|\n"),
            md);
        // 1K uniform: limit 4 ns; go-swar 20 / 4 = 5, fastutil 10 / 4 = 2.5, the two-line limit 6 / 4 = 1.5
        assertTrue(md.contains("| go-swar | fnv1a | 20.00 ± 0.50 | ns/op |  | 2.00 | 5.00 |"), md);
        assertTrue(md.contains("| fastutil | none | 10.00 ± 0.50 | ns/op |  | 1.00 | 2.50 |"), md);
        assertTrue(md.contains("| limit-1line | long-random | 1024 | uniform | limit |  | 4.00 ± 0.50 | ns/op |  |  "
            + "| 1.00 |"), md);
        assertTrue(md.contains("| limit-2lines | long-random | 1024 | uniform | limit |  | 6.00 ± 0.50 | ns/op |  |  "
            + "| 1.50 |"), md);
        // the baseline is no lookup; zipf and 64K have no limit row: empty
        assertTrue(md.contains("| baseline |  | 1.00 ± 0.50 | ns/op |  |  |  |"), md);
        assertTrue(md.contains("| zipf | go-swar | fnv1a | 8.00 ± 0.50 | ns/op |  |  |  |"), md);
        assertTrue(md.contains("| go-swar | fnv1a | 30.00 ± 0.50 | ns/op |  | 0.50 |  |"), md);
    }
}
