package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.bench.KeyKind;
import org.junit.jupiter.api.Test;

/** The matrix of each profile, the command line's overrides and filters, and shard slices. */
class MatrixBuilderTest {

    private static List<Cell> cells(Profile p) {
        return MatrixBuilder.cells(MatrixBuilder.spec(p, "fnv1a"), p);
    }

    private static Set<String> values(List<Cell> cells, String param) {
        Set<String> out = new HashSet<>();
        for (Cell c : cells) {
            if (c.param(param) != null) {
                out.add(c.param(param));
            }
        }
        return out;
    }

    @Test
    void smokeIsAHandfulOfCellsCoveringEveryCellKind() {
        List<Cell> smoke = cells(Profile.SMOKE);
        assertTrue(smoke.size() <= 16, "smoke has " + smoke.size() + " cells");
        Set<Cell.Kind> kinds = new HashSet<>();
        smoke.forEach(c -> kinds.add(c.kind()));
        assertEquals(Set.of(Cell.Kind.JMH, Cell.Kind.LATENCY, Cell.Kind.MEMORY), kinds);
        // CI runs smoke: its latency cells (go-swar, swiss-swar, fastutil) stay one measured fill of 16K keys each
        List<Cell> latency = smoke.stream().filter(c -> c.kind() == Cell.Kind.LATENCY).toList();
        assertEquals(3, latency.size());
        assertEquals(Set.of("1"), values(latency, "rounds"));
        assertEquals(Set.of("16384"), values(latency, "size"));
    }

    @Test
    void quickComparesOurMapsWithEveryPeerAtOneKAndSixtyFourK() {
        List<Cell> quick = cells(Profile.QUICK);
        Set<String> impls = values(quick, "impl");
        assertTrue(impls.containsAll(MapRegistry.peerNames()), impls.toString());
        assertTrue(impls.containsAll(List.of("go-fast64", "swiss-swar")), impls.toString());
        assertTrue(quick.stream().anyMatch(c -> "go-fast64".equals(c.param("impl")) && "go".equals(c.param("hasher"))),
            "our classic map with Go's fallback hash, the fastest hasher for 8-byte keys");
        assertTrue(quick.stream().anyMatch(c -> "swiss-swar".equals(c.param("impl")) && "go".equals(c.param("hasher"))),
            "our Swiss map with the same hash");
        Set<String> ops = new HashSet<>();
        quick.forEach(c -> ops.add(c.operation()));
        assertTrue(ops.containsAll(List.of("get-hit", "get-miss", "put-growth", "baseline", "hash-bytes", "latency",
            "memory")), ops.toString());
        assertTrue(values(quick, "size").containsAll(List.of("1024", "65536")));
        assertTrue(quick.stream().anyMatch(c -> "string-16".equals(c.param("keyKind"))));
    }

    @Test
    void goalsMeasuresEveryGoalOfThePerformanceIssue() {
        List<Cell> goals = cells(Profile.GOALS);
        Set<String> ids = new HashSet<>();
        goals.forEach(c -> ids.add(c.operation() + " " + c.param("keyKind") + " " + c.param("size")));
        for (String size : List.of("1024", "65536", "4194304")) {
            for (String op : List.of("get-hit", "get-miss", "put-growth")) {
                assertTrue(ids.contains(op + " long-random " + size), op + " at " + size + " in " + ids);
            }
        }
        assertTrue(ids.contains("get-hit string-16 65536") && ids.contains("get-miss string-16 65536"), ids.toString());
        List<Cell> latency = goals.stream().filter(c -> c.operation().equals("latency")).toList();
        assertTrue(latency.stream().allMatch(c -> "4194304".equals(c.param("size"))), "latency at 4M");
        assertEquals(Set.of("g1", "zgc"), values(latency, "gc"), "every latency cell under G1 and under ZGC");
        assertEquals(2 * latency.stream().filter(c -> "g1".equals(c.param("gc"))).count(), latency.size());
        assertEquals(24, latency.size(), "2 classic and 2 Swiss styles x 2 hashers + 4 peers, each under 2 collectors");
        assertEquals(Set.of("5"), values(latency, "rounds"), "the pause goal takes the median of 5 fills' maxima");
        assertTrue(cells(Profile.QUICK).stream().noneMatch(c -> c.param("gc") != null), "other profiles name no gc");
        List<Cell> memory = goals.stream().filter(c -> c.operation().equals("memory")).toList();
        // one of our maps per design (memory depends on neither style nor hasher) and every peer but the boxed jdk map
        assertEquals(Set.of("go-fast64", "swiss-swar", "eclipse", "agrona", "fastutil"), values(memory, "impl"));
        String[] sizes = memory.get(0).param("sizes").split(",");
        assertEquals(29, sizes.length);
        assertEquals("1024", sizes[0]);
        assertEquals("16777216", sizes[28]);
        assertEquals("1448", sizes[1], "2^10.5 rounded");
        // the hasher goals: aes vs xxh3 at 8 bytes and from 1 KiB up, fnv1a against a multiply, rc6 and go reported
        for (String hasher : List.of("aes", "xxh3", "fnv1a", "rc6", "go")) {
            for (String length : List.of("8", "1024", "4096", "262144")) {
                assertTrue(goals.stream().anyMatch(c -> c.operation().equals("hash-bytes")
                    && hasher.equals(c.param("hasher")) && length.equals(c.param("length"))), hasher + " " + length);
            }
        }
        assertEquals(1, goals.stream().filter(c -> c.operation().equals(MatrixBuilder.MULTIPLY_LATENCY_OPERATION))
            .count(), "one multiply-latency reference");
    }

    @Test
    void everyRunThatTimesHashersAlsoTimesOneMultiply() {
        for (Profile p : Profile.values()) {
            List<Cell> all = cells(p);
            boolean hashes = all.stream().anyMatch(c -> c.operation().startsWith("hash-"));
            long multiplies = all.stream().filter(c -> c.operation().equals(MatrixBuilder.MULTIPLY_LATENCY_OPERATION))
                .count();
            assertEquals(hashes ? 1 : 0, multiplies, p.name());
        }
    }

    @Test
    void growthCellsCountOneOperationPerInsertedKey() {
        for (Cell c : cells(Profile.QUICK)) {
            if (c.operation().equals("put-growth")) {
                assertEquals(Integer.parseInt(c.param("size")), c.opsPerInvocation(), c.id());
            } else {
                assertEquals(0, c.opsPerInvocation(), c.id());
            }
        }
    }

    @Test
    void cachedGoMapsAreMeasuredWithEveryKeyKind() {
        Set<String> kinds = new HashSet<>();
        for (Cell c : cells(Profile.FULL)) {
            String impl = c.param("impl");
            if (impl != null && impl.endsWith("-cache") && c.param("keyKind") != null) {
                kinds.add(c.param("keyKind"));
            }
        }
        assertTrue(kinds.containsAll(List.of("long-random", "string-16", "composite")), kinds.toString());
    }

    @Test
    void theMatrixOrderIsDeterministic() {
        assertEquals(cells(Profile.NIGHTLY), cells(Profile.NIGHTLY));
    }

    @Test
    void shardsAreDisjointAndTogetherAreTheMatrix() {
        List<Cell> all = cells(Profile.NIGHTLY);
        for (int n = 1; n <= 5; n++) {
            List<Cell> union = new ArrayList<>();
            Set<Cell> seen = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                for (Cell c : MatrixBuilder.shard(all, i, n)) {
                    assertTrue(seen.add(c), "cell in two shards of " + n + ": " + c.id());
                    union.add(c);
                }
            }
            assertEquals(all.size(), union.size());
            assertEquals(new HashSet<>(all), seen);
        }
        assertEquals(all.get(1), MatrixBuilder.shard(all, 2, 3).get(0), "cell k goes to shard k mod N + 1");
        assertEquals(all.get(4), MatrixBuilder.shard(all, 2, 3).get(1));
    }

    @Test
    void includeKeepsOnlyCellsWhoseIdMatches() {
        List<Cell> kept = MatrixBuilder.include(cells(Profile.QUICK), Pattern.compile("impl=agrona .*size=1024 "));
        assertFalse(kept.isEmpty());
        for (Cell c : kept) {
            assertEquals("agrona", c.param("impl"));
            assertEquals("1024", c.param("size"));
        }
    }

    @Test
    void overridesReplaceTheProfilesImplementationsHashersAndSizes() {
        MatrixBuilder.Spec s = MatrixBuilder.override(MatrixBuilder.spec(Profile.QUICK, "fnv1a"),
            List.of("go-fast64-cache", "jdk"), List.of("xxh3"), List.of(4096));
        List<Cell> cells = MatrixBuilder.cells(s, Profile.QUICK);
        assertEquals(Set.of("go-fast64-cache", "jdk"), values(cells, "impl"));
        assertEquals(Set.of("xxh3", "none"), values(cells, "hasher"));
        assertEquals(Set.of("4096"), values(cells, "size"));
    }

    @Test
    void hashersProfileMeasuresEveryHasherAndAesBackendAndNoMap() {
        List<Cell> cells = cells(Profile.HASHERS);
        assertTrue(cells.stream()
                .allMatch(c -> c.operation().startsWith("hash-") || c.operation().equals("baseline-hash")
                    || c.operation().equals(MatrixBuilder.MULTIPLY_LATENCY_OPERATION)),
            "only hasher cells and the multiply reference");
        for (String hasher : org.hmaplab.hash.Hashers.names()) {
            assertTrue(cells.stream().anyMatch(c -> c.id().equals("hash-long hasher=" + hasher + " length=8")),
                "hashLong of " + hasher);
            assertTrue(cells.stream().anyMatch(c -> c.id().equals("hash-bytes hasher=" + hasher + " length=262144")),
                "256 KiB of " + hasher);
        }
    }

    /** How many cells of {@code operation} each long-key get group (key kind/size/distribution) of {@code p} has. */
    private static Map<String, Integer> limitsPerGetGroup(Profile p, String operation) {
        List<Cell> all = cells(p);
        Map<String, Integer> out = new HashMap<>();
        for (Cell c : all) {
            if (c.operation().startsWith("get-")
                && KeyKind.of(c.param("keyKind")).family() == KeyKind.Family.LONG) {
                out.put(c.param("keyKind") + "/" + c.param("size") + "/" + c.param("distribution"), 0);
            }
        }
        for (Cell c : all) {
            if (c.operation().equals(operation)) {
                String group = c.param("keyKind") + "/" + c.param("size") + "/" + c.param("distribution");
                assertTrue(out.containsKey(group), operation + " without a long-key get group: " + c.id());
                out.merge(group, 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void everyLongKeyGetGroupHasBothLimitsOnceInTheProfilesThatMeasureThem() {
        for (Profile p : List.of(Profile.GOALS, Profile.NIGHTLY, Profile.FULL, Profile.NATIVE_GAP)) {
            for (String op : List.of(MatrixBuilder.LIMIT_1LINE_OPERATION, MatrixBuilder.LIMIT_2LINES_OPERATION)) {
                Map<String, Integer> counts = limitsPerGetGroup(p, op);
                assertFalse(counts.isEmpty(), p + " has long-key gets");
                counts.forEach((group, n) -> assertEquals(1, n, p + " " + op + " " + group));
            }
        }
        // goals: long-random at 1K, 64K, 4M, uniform; its string-16 gets have none
        List<Cell> goals = cells(Profile.GOALS).stream().filter(c -> c.operation().startsWith("limit-")).toList();
        assertEquals(6, goals.size());
        assertEquals(Set.of("long-random"), values(goals, "keyKind"));
        assertEquals(Set.of("1024", "65536", "4194304"), values(goals, "size"));
        assertTrue(goals.stream().allMatch(c -> c.target().equals(MatrixBuilder.LIMITS.get(c.operation()))));
        // full: 3 long kinds x 8 sizes x 2 distributions, each with both limits
        assertEquals(96, cells(Profile.FULL).stream().filter(c -> c.operation().startsWith("limit-")).count());
    }

    @Test
    void quickHasTheOneLineLimitAtItsLargestSizeOnlyAndSmokeNone() {
        List<Cell> quick = cells(Profile.QUICK).stream().filter(c -> c.operation().startsWith("limit-")).toList();
        assertEquals(List.of("limit-1line keyKind=long-random size=65536 distribution=uniform hitRatio=100"),
            quick.stream().map(Cell::id).toList());
        assertEquals(MatrixBuilder.BENCH + "LimitBench.oneLine", quick.get(0).target());
        assertTrue(cells(Profile.SMOKE).stream().noneMatch(c -> c.operation().startsWith("limit-")));
        assertTrue(cells(Profile.HASHERS).stream().noneMatch(c -> c.operation().startsWith("limit-")));
    }
}
