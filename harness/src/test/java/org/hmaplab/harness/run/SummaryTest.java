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
        String md = Summary.markdown("t", List.of(), List.of(latency("go-swar", "128767", "5", "120000", "99000")),
            List.of());
        assertTrue(md.contains("| p99.99 | max | fills | max, median of fills | max, min of fills | unit |"), md);
        assertTrue(md.contains("| go-swar | aes | long-random | 16384 | g1 | 800 | 2000 | 30000 | 110000 | 128767 "
            + "| 5 | 120000 | 99000 | ns |"), md);
    }

    @Test
    void theLatencyTableOfAnOlderArchiveHasNoPerFillColumns() {
        String md = Summary.markdown("t", List.of(), List.of(latency("go-swar", "128767")), List.of());
        assertTrue(md.contains("| p99.99 | max | unit |"), md);
        assertTrue(md.contains("| 110000 | 128767 | ns |"), md);
        assertFalse(md.contains("fills |"), md);
    }

    @Test
    void ratiosAreAgainstTheFastestPeerOfTheSameSize() {
        List<Map<String, String>> rows = new ArrayList<>(List.of(
            row("go-swar", "1024", "20"), row("fastutil", "1024", "10"), row("agrona", "1024", "15"),
            row("go-swar", "65536", "30"), row("jdk", "65536", "60")));
        String md = Summary.markdown("t", rows, List.of(), List.of());
        assertTrue(md.contains("| go-swar | fnv1a | 20.00 ± 0.50 | ns/op |  | 2.00 |"), md);
        assertTrue(md.contains("| agrona | none | 15.00 ± 0.50 | ns/op |  | 1.50 |"), md);
        assertTrue(md.contains("| fastutil | none | 10.00 ± 0.50 | ns/op |  | 1.00 |"), md);
        assertTrue(md.contains("| go-swar | fnv1a | 30.00 ± 0.50 | ns/op |  | 0.50 |"), md);
    }
}
