package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hasher goals of issue 6 judged from hand-made rows whose verdicts follow from the thresholds. */
class HasherGoalsTest {

    private static Map<String, String> hash(String operation, String hasher, int bytes, double ns) {
        return Map.of("operation", operation, "hasher", hasher, "input_bytes", String.valueOf(bytes),
            "score", String.valueOf(ns));
    }

    private static Map<String, String> multiply(double ns) {
        return Map.of("operation", MatrixBuilder.MULTIPLY_LATENCY_OPERATION, "hasher", "", "input_bytes", "",
            "score", String.valueOf(ns));
    }

    private static Goals.Verdict verdict(List<Map<String, String>> rows, String goalPrefix) {
        return Goals.judge(TypedRows.results(rows), List.of(), List.of()).stream()
            .filter(v -> v.goal().startsWith(goalPrefix)).findFirst().orElseThrow();
    }

    @Test
    void aesOnEightByteKeysIsJudgedOnOneCallPerInvocationNotOnTheVectorisedLoop() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(hash("hash-bytes", "aes", 8, 11.0));
        rows.add(hash("hash-bytes", "xxh3", 8, 6.0));   // 1.83x: within 2x
        rows.add(hash("hash-long", "aes", 8, 8.0));
        rows.add(hash("hash-long", "xxh3", 8, 0.4));    // 20x, shown but not judged
        Goals.Verdict v = verdict(rows, "aes on 8-byte keys");
        assertEquals("met", v.status());
        assertTrue(v.measure().startsWith("hash-bytes 8 B: 1.83x"), v.measure());
        assertTrue(v.measure().contains("= 20.00x (not judged"), v.measure());

        rows.set(0, hash("hash-bytes", "aes", 8, 12.5)); // 2.08x
        assertEquals("missed", verdict(rows, "aes on 8-byte keys").status());
    }

    @Test
    void aesInBulkMustBeThreeTimesXxh3AtEveryLengthFromOneKibibyte() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(hash("hash-bytes", "aes", 16, 20));     // below 1 KiB: ignored
        rows.add(hash("hash-bytes", "xxh3", 16, 10));
        rows.add(hash("hash-bytes", "aes", 1024, 40));
        rows.add(hash("hash-bytes", "xxh3", 1024, 130)); // 3.25x
        rows.add(hash("hash-bytes", "aes", 4096, 100));
        rows.add(hash("hash-bytes", "xxh3", 4096, 520)); // 5.2x
        rows.add(hash("hash-bytes", "aes", 8192, 1));    // xxh3 lacks this length: ignored
        Goals.Verdict v = verdict(rows, "aes throughput");
        assertEquals("met", v.status());
        assertTrue(v.measure().startsWith("1024 B 3.25x (25.6 vs 7.9 B/ns); 4096 B 5.20x"), v.measure());
        assertTrue(!v.measure().contains("8192"), v.measure());

        rows.add(hash("hash-bytes", "aes", 262144, 30000));
        rows.add(hash("hash-bytes", "xxh3", 262144, 60000)); // 2x at the longest length
        assertEquals("missed", verdict(rows, "aes throughput").status());
    }

    @Test
    void fnv1aPerByteAtItsLongestInputIsComparedWithTheMeasuredMultiplyLatency() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(hash("hash-bytes", "fnv1a", 1024, 2048));     // 2 ns/byte: not the longest, not judged
        rows.add(hash("hash-bytes", "fnv1a", 262144, 275251)); // 1.05 ns/byte
        rows.add(multiply(1.0));
        Goals.Verdict v = verdict(rows, "fnv1a per byte");
        assertEquals("met", v.status());
        assertEquals("1.05x", v.measure());
        assertTrue(v.ours().contains("at 262144 B"), v.ours());

        rows.set(2, multiply(0.9)); // 1.17x
        assertEquals("missed", verdict(rows, "fnv1a per byte").status());
        rows.remove(2);
        assertEquals(Goals.NOT_MEASURED, verdict(rows, "fnv1a per byte").status());
    }

    @Test
    void rc6AndGoAreReportedWhenBothWereMeasured() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(hash("hash-bytes", "rc6", 8, 17.25));
        assertEquals(Goals.NOT_MEASURED, verdict(rows, "rc6 and go").status());
        rows.add(hash("hash-bytes", "go", 8, 6.5));
        Goals.Verdict v = verdict(rows, "rc6 and go");
        assertEquals(HasherGoals.REPORTED, v.status());
        assertEquals("rc6: 8 B 17.25 ns; go: 8 B 6.50 ns", v.measure());
    }

    @Test
    void aRunWithoutHasherRowsLeavesEveryHasherGoalNotMeasured() {
        List<Goals.Verdict> all = Goals.judge(List.of(), List.of(), List.of());
        for (String goal : List.of("aes on 8-byte keys", "aes throughput", "fnv1a per byte", "rc6 and go")) {
            assertEquals(Goals.NOT_MEASURED, all.stream().filter(v -> v.goal().startsWith(goal)).findFirst()
                .orElseThrow().status(), goal);
        }
    }
}
