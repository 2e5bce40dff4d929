package org.hmaplab.harness.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunArchiveTest {

    @TempDir
    Path results;

    private static RunMetadata meta() {
        return RunMetadata.collect("test", "quick", Map.of("seeds", "1,2,3"));
    }

    private List<Path> children() throws IOException {
        try (Stream<Path> s = Files.list(results)) {
            return s.toList();
        }
    }

    @Test
    void commitProducesTheFolderTheMetadataAndOneIndexLine() throws IOException {
        Path folder;
        try (RunArchive a = RunArchive.begin(results, meta())) {
            assertTrue(a.dir().getFileName().toString().startsWith(".tmp-"));
            Files.writeString(a.file("data.csv"), "x\n1\n");
            folder = a.commit(a.metadata().with("rows", "1"), Map.of("cells", "1"));
            assertEquals(results.resolve(a.runId()), folder);
        }
        assertTrue(Files.isRegularFile(folder.resolve("data.csv")));
        RunMetadata back = RunMetadata.read(folder.resolve("metadata.json"));
        assertEquals("test", back.get("kind"));
        assertEquals("1,2,3", back.get("seeds"));
        assertEquals("1", back.get("rows"));
        assertFalse(back.get("end_utc").isEmpty(), "commit stamps the end time");
        List<Map<String, String>> index = RunArchive.readIndex(results.resolve("index.csv"));
        assertEquals(1, index.size());
        assertEquals(folder.getFileName().toString(), index.get(0).get("folder"));
        assertEquals(back.get("run_id"), index.get(0).get("run_id"));
        assertEquals("cells=1", index.get(0).get("extra"));
        assertEquals(List.of(folder), children().stream().filter(Files::isDirectory).toList(),
            "no temporary folder is left");
    }

    @Test
    void runIdNamesTheUtcStartTheKindAndSixHexDigits() {
        String id = meta().get("run_id");
        assertTrue(id.matches("\\d{8}T\\d{6}Z-test-[0-9a-f]{6}"), id);
    }

    @Test
    void closeWithoutCommitLeavesNoFolder() throws IOException {
        try (RunArchive a = RunArchive.begin(results, meta())) {
            Files.writeString(a.file("partial.csv"), "half");
            assertTrue(Files.isDirectory(a.dir()));
        }
        assertEquals(List.of(), children());
    }

    @Test
    void indexHeaderStaysTheSameOverManyRuns() throws IOException {
        for (int i = 0; i < 3; i++) {
            try (RunArchive a = RunArchive.begin(results, meta())) {
                a.commit(a.metadata(), Map.of());
            }
        }
        List<String> lines = Files.readAllLines(results.resolve("index.csv"));
        assertEquals(4, lines.size());
        assertEquals(String.join(",", RunArchive.INDEX_COLUMNS), lines.get(0));
        assertEquals("run_id,kind,profile,start_utc,end_utc,git_commit,git_dirty,jdk_version,cpu_model,cores,"
            + "hasher_selected,folder,extra", lines.get(0), "the documented header");
    }

    @Test
    void parallelCommitsEachAppendOneWholeLine() throws Exception {
        int runs = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
        try {
            List<java.util.concurrent.Future<Path>> done = new java.util.ArrayList<>();
            for (int i = 0; i < runs; i++) {
                done.add(pool.submit(() -> {
                    try (RunArchive a = RunArchive.begin(results, meta())) {
                        return a.commit(a.metadata(), Map.of());
                    }
                }));
            }
            for (java.util.concurrent.Future<Path> f : done) {
                assertTrue(Files.isDirectory(f.get()));
            }
        } finally {
            pool.shutdown();
        }
        List<Map<String, String>> index = RunArchive.readIndex(results.resolve("index.csv"));
        assertEquals(runs, index.size());
        assertEquals(runs, index.stream().map(r -> r.get("run_id")).distinct().count());
        assertEquals(runs + 1, Files.readAllLines(results.resolve("index.csv")).size(), "one header, no torn lines");
    }

    @Test
    void anOlderIndexWithAPrefixHeaderIsMigratedKeepingItsRows() throws IOException {
        Files.writeString(results.resolve("index.csv"), "run_id,kind\nold-run,bench\n");
        try (RunArchive a = RunArchive.begin(results, meta())) {
            a.commit(a.metadata(), Map.of());
        }
        List<Map<String, String>> rows = RunArchive.readIndex(results.resolve("index.csv"));
        assertEquals(2, rows.size());
        assertEquals("old-run", rows.get(0).get("run_id"));
        assertEquals("", rows.get(0).get("folder"));
        assertEquals("test", rows.get(1).get("kind"));
    }

    @Test
    void anIndexWithAForeignHeaderIsRefused() throws IOException {
        Files.writeString(results.resolve("index.csv"), "name,value\na,b\n");
        RunArchive a = RunArchive.begin(results, meta());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.commit(a.metadata(), Map.of()));
        assertTrue(e.getMessage().contains("not an older form"), e.getMessage());
    }

    @Test
    void aRunCannotBeCommittedTwice() {
        RunArchive a = RunArchive.begin(results, meta());
        a.commit(a.metadata(), Map.of());
        assertThrows(IllegalStateException.class, () -> a.commit(a.metadata(), Map.of()));
    }

    @Test
    void malformedMetadataGivesAClearError() throws IOException {
        Path bad = results.resolve("metadata.json");
        Files.writeString(bad, "{\"kind\": \"bench\", ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunMetadata.read(bad));
        assertTrue(e.getMessage().startsWith("malformed metadata file " + bad + ": not valid JSON"), e.getMessage());
        Files.writeString(bad, "{\"cores\": 2}");
        e = assertThrows(IllegalArgumentException.class, () -> RunMetadata.read(bad));
        assertTrue(e.getMessage().endsWith("value of 'cores' is NUMBER, expected a string"), e.getMessage());
        Files.writeString(bad, "[\"a\"]");
        e = assertThrows(IllegalArgumentException.class, () -> RunMetadata.read(bad));
        assertTrue(e.getMessage().contains("expected one JSON object"), e.getMessage());
    }

    @Test
    void metadataKeepsInsertionOrderThroughJson() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("zeta", "1");
        m.put("alpha", "2");
        RunMetadata md = RunMetadata.of(m).with("mid", "3");
        Path f = results.resolve("m.json");
        md.write(f);
        assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(RunMetadata.read(f).entries().keySet()));
    }

    @Test
    void collectWritesEveryStandardKeyThenTheExtras() {
        RunMetadata m = meta();
        List<String> keys = List.copyOf(m.entries().keySet());
        assertEquals(RunMetadata.STANDARD_KEYS, keys.subList(0, RunMetadata.STANDARD_KEYS.size()));
        assertEquals("seeds", keys.get(keys.size() - 1));
        assertTrue(m.get("jdk_version").startsWith("25"), m.get("jdk_version"));
        assertEquals("1.37", m.get("jmh_version"));
        assertTrue(List.of("native", "vector", "table").contains(m.get("aes_backend")), m.get("aes_backend"));
        assertTrue(m.get("jvm_args").contains("--add-modules=jdk.incubator.vector"), m.get("jvm_args"));
    }

    @Test
    void gitOutsideARepositoryIsUnknownNotAFailure(@TempDir Path notARepo) {
        assertEquals(null, RunMetadata.git(notARepo, "rev-parse", "HEAD"));
    }

    @Test
    void anUncommittedArchiveDoesNotMakeTheTreeDirtyButAChangedSourceDoes(@TempDir Path repo) throws IOException {
        Assumptions.assumeTrue(RunMetadata.git(repo, "init", "-q") != null, "git is not installed");
        Files.writeString(repo.resolve("Source.java"), "class Source {}\n");
        RunMetadata.git(repo, "add", "Source.java");
        Assumptions.assumeTrue(RunMetadata.git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x")
            != null, "git commit failed");
        assertEquals("false", RunMetadata.gitDirty(repo));
        Files.createDirectories(repo.resolve("results/20261122T000000Z-bench-abcdef"));
        Files.writeString(repo.resolve("results/20261122T000000Z-bench-abcdef/results.csv"), "a\n");
        Files.writeString(repo.resolve("results/index.csv"), "run_id\n");
        assertEquals("false", RunMetadata.gitDirty(repo), "archives are outputs, not inputs");
        Files.writeString(repo.resolve("Source.java"), "class Source { int x; }\n");
        assertEquals("true", RunMetadata.gitDirty(repo));
    }

    @Test
    void aKindThatCannotBeAFolderNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RunMetadata.collect("../x", "quick", Map.of()));
        assertTrue(e.getMessage().contains("lower-case letters"), e.getMessage());
    }
}
