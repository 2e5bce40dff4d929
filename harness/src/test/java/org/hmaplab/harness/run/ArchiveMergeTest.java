package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hmaplab.harness.archive.ArchiveCheck;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveMerge;
import org.hmaplab.harness.archive.CsvFiles;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hbench merge: two shard archives become one valid archive; mismatches are refused. */
class ArchiveMergeTest {

    @TempDir
    Path tmp;

    private Path scratch;

    @BeforeEach
    void scratch() throws IOException {
        scratch = Files.createDirectories(tmp.resolve("scratch"));
    }

    @Test
    void twoShardsMergeIntoOneValidArchive() throws IOException {
        Path a = TestArchives.archive(tmp.resolve("r1"), scratch, TestArchives.slice(0, 4), "smoke", "1/2");
        Path b = TestArchives.archive(tmp.resolve("r2"), scratch, TestArchives.slice(4, 7), "smoke", "2/2");
        Path merged = ArchiveMerge.merge(tmp.resolve("merged"), List.of(a, b));
        assertNull(ArchiveCheck.check(merged));
        JsonNode jmh = ArchiveMerge.jmhOf(merged);
        assertEquals(7, jmh.size());
        assertEquals(TestArchives.sampleJson(), jmh, "the shards' results in order are the whole sample");
        RunMetadata m = RunMetadata.read(merged.resolve(RunArchive.METADATA_FILE));
        assertEquals("merged", m.get("shard"));
        assertTrue(m.get("shards").contains("(1/2)") && m.get("shards").contains("(2/2)"), m.get("shards"));
        assertEquals("7", m.get("cells_run"));
        int latencyRows = CsvFiles.read(a.resolve(ArchiveFormat.LATENCY_CSV)).rows().size();
        assertEquals(2 * latencyRows, CsvFiles.read(merged.resolve(ArchiveFormat.LATENCY_CSV)).rows().size());
    }

    @Test
    void shardsOfDifferentProfilesAreRefused() {
        Path a = TestArchives.archive(tmp.resolve("r1"), scratch, TestArchives.slice(0, 4), "smoke", "1/2");
        Path b = TestArchives.archive(tmp.resolve("r2"), scratch, TestArchives.slice(4, 7), "quick", "2/2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ArchiveMerge.merge(tmp.resolve("merged"), List.of(a, b)));
        assertTrue(e.getMessage().contains("profile differs"), e.getMessage());
    }

    @Test
    void theSameShardTwiceIsRefused() {
        Path a = TestArchives.archive(tmp.resolve("r1"), scratch, TestArchives.slice(0, 4), "smoke", "1/2");
        Path b = TestArchives.archive(tmp.resolve("r2"), scratch, TestArchives.slice(4, 7), "smoke", "1/2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ArchiveMerge.merge(tmp.resolve("merged"), List.of(a, b)));
        assertTrue(e.getMessage().contains("shard 1/2 appears twice"), e.getMessage());
    }

    @Test
    void aFolderThatIsNotAnArchiveIsRefused() throws IOException {
        Path a = TestArchives.archive(tmp.resolve("r1"), scratch, TestArchives.slice(0, 4), "smoke", "1/2");
        Path notArchive = Files.createDirectories(tmp.resolve("photos"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ArchiveMerge.merge(tmp.resolve("merged"), List.of(a, notArchive)));
        assertTrue(e.getMessage().contains("photos is not a valid bench archive"), e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("merged")) || isEmptyOfRuns(tmp.resolve("merged")));
    }

    private static boolean isEmptyOfRuns(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.noneMatch(p -> Files.isDirectory(p));
        }
    }
}
