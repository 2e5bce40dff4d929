package org.hmaplab.harness.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every archive committed under results/ (written by every format version so far, jmh.log
 * gzipped) is still read: the reader accepts each run, every bench archive passes check-archive,
 * and its JMH log reads back from jmh.log.gz.
 */
class CommittedArchivesTest {

    private static final Path RESULTS = Path.of("..", "results");

    private static List<Path> runs() throws IOException {
        try (Stream<Path> s = Files.list(RESULTS)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted().toList();
        }
    }

    @Test
    void everyCommittedRunIsReadAndEveryBenchArchivePassesTheCheck() throws IOException {
        List<Path> runs = runs();
        assertFalse(runs.isEmpty(), "no archives under " + RESULTS.toAbsolutePath());
        int bench = 0;
        for (Path run : runs) {
            ArchiveReader.Run r = ArchiveReader.read(run);
            assertTrue(r.version() >= ArchiveFormat.VERSION_BEFORE_KEY && r.version() <= ArchiveFormat.VERSION);
            if (ArchiveFormat.KIND.equals(r.meta("kind"))) {
                bench++;
                assertNull(ArchiveCheck.check(run), run.toString());
                assertEquals(Integer.parseInt(r.meta("jmh_results")), r.results().size(), run.toString());
                assertNotNull(ArchiveReader.jmhLog(run, r.label()), run + " has no JMH log");
                assertFalse(Files.exists(run.resolve(ArchiveFormat.JMH_LOG)), run + " keeps an uncompressed jmh.log");
            }
        }
        assertTrue(bench > 0, "no bench archive under " + RESULTS.toAbsolutePath());
    }
}
