package org.hmaplab.harness.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hmaplab.harness.archive.ArchiveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ForkScores.read of a run folder: its jmh-result.json through the archive reader, or nothing without one. */
class ForkScoresTest {

    @TempDir
    Path tmp;

    /** One JMH result of two forks of two timed iterations each (fork means 2 and 6), on 14 lines. */
    private static final String JMH_JSON = """
        [
            {
                "benchmark" : "org.hmaplab.harness.bench.GetBench.hit",
                "mode" : "avgt",
                "params" : {
                    "size" : "1024",
                    "impl" : "fastutil"
                },
                "primaryMetric" : {
                    "score" : 4.0,
                    "rawData" : [ [ 1.0, 3.0 ], [ 5.0, 7.0 ] ]
                }
            }
        ]
        """;

    private Path run(String name, String json) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("jmh-result.json"), json, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void aFolderWithoutJmhResultJsonHasNoForkScores() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("csv-only"));
        Files.writeString(dir.resolve("results.csv"), "benchmark,mode,unit,score,error\n", StandardCharsets.UTF_8);
        assertSame(ForkScores.EMPTY, ForkScores.read(dir));
    }

    @Test
    void theSamplesOfARunFolderAreFoundByBenchmarkAndParamsInNameOrder() throws IOException {
        ForkScores forks = ForkScores.read(run("whole", JMH_JSON));
        assertFalse(forks.isEmpty());
        ForkScores.Sample s = forks.of("org.hmaplab.harness.bench.GetBench.hit", "impl=fastutil;size=1024")
            .orElseThrow();
        assertArrayEquals(new double[] {2.0, 6.0}, s.forkMeans(), 1e-12);
        assertArrayEquals(new double[] {1.0, 3.0, 5.0, 7.0}, s.iterations(), 1e-12);
        assertTrue(forks.of("org.hmaplab.harness.bench.GetBench.hit", "impl=agrona;size=1024").isEmpty());
    }

    @Test
    void aTruncatedJmhResultJsonIsOneLineNamingTheRunAndTheFile() throws IOException {
        // cut inside the rawData array, as a copy interrupted half way would leave it
        String truncated = JMH_JSON.substring(0, JMH_JSON.indexOf("[ 5.0"));
        Path dir = run("copy-of-a-run", truncated);
        ArchiveException e = assertThrows(ArchiveException.class, () -> ForkScores.read(dir));
        String message = e.getMessage();
        assertEquals(1, message.lines().count(), message);
        // docs/archive-format.md: "run RUN: FILE line N: not valid JSON ... (the file is truncated?)"
        assertTrue(message.startsWith("run copy-of-a-run: jmh-result.json line "), message);
        assertTrue(message.matches("run copy-of-a-run: jmh-result\\.json line \\d+: not valid JSON.*"), message);
        assertTrue(message.endsWith("(the file is truncated?)"), message);
        assertEquals("jmh-result.json", e.file());
        assertEquals("copy-of-a-run", e.run());
    }

    @Test
    void theRunIsNamedByTheRunIdOfItsMetadata() throws IOException {
        Path dir = run("renamed-folder", "[ {");
        Files.writeString(dir.resolve("metadata.json"), "{\"kind\": \"bench\", \"run_id\": \"20261204T000000Z-bench-"
            + "abc123\"}", StandardCharsets.UTF_8);
        ArchiveException e = assertThrows(ArchiveException.class, () -> ForkScores.read(dir));
        assertTrue(e.getMessage().startsWith("run 20261204T000000Z-bench-abc123: jmh-result.json line 1: "),
            e.getMessage());
    }
}
