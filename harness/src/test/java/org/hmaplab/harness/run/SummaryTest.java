package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's ratio column: each score divided by the fastest peer of its group. */
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
