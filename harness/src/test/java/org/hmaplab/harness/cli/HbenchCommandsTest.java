package org.hmaplab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' successful paths, with the registered hashers. */
class HbenchCommandsTest {

    @Test
    void hashOfFoobarWithFnv1aIsTheFnvReferenceValue() {
        // FNV-1a 64 of "foobar" = 0x85944171f73967e8: Landon Curt Noll's FNV test vectors (test_fnv.c)
        CliRun r = CliRun.of("hash", "--hasher", "fnv1a", "foobar");
        assertEquals(0, r.exit(), r.err());
        assertEquals("85944171f73967e8\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void hexGivesTheSameBytesAsText() {
        assertEquals("85944171f73967e8\n", CliRun.of("hash", "--hasher", "fnv1a", "--hex", "666f6f626172").out());
        // FNV-1a 64 of the empty string is the offset basis 0xcbf29ce484222325 (FNV reference)
        assertEquals("cbf29ce484222325\n", CliRun.of("hash", "--hasher", "fnv1a", "--hex", "").out());
    }

    @Test
    void longAndHexAgreeForTheEightLittleEndianBytes() {
        for (String hasher : List.of("fnv1a", "xxh3", "go", "rc6", "wyhash")) {
            CliRun viaLong = CliRun.of("hash", "--hasher", hasher, "--seed", "0x9e3779b97f4a7c15",
                "--long", "0x0807060504030201");
            CliRun viaHex = CliRun.of("hash", "--hasher", hasher, "--seed", "-7046029254386353131",
                "--hex", "0102030405060708");
            assertEquals(0, viaLong.exit(), viaLong.err());
            assertTrue(viaLong.out().matches("[0-9a-f]{16}\n"), viaLong.out());
            assertEquals(viaLong.out(), viaHex.out(), hasher);
        }
    }

    @Test
    void theSeedChangesTheHash() {
        assertTrue(!CliRun.of("hash", "--hasher", "fnv1a", "--seed", "1", "foobar").out()
            .equals(CliRun.of("hash", "--hasher", "fnv1a", "foobar").out()));
    }

    @Test
    void qualityPrintsTheTableAndArchivesTheCsv(@TempDir Path results) throws IOException {
        CliRun r = CliRun.of("quality", "--hasher", "fnv1a", "--quick", "--results", results.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("fnv1a") && l.contains("avalanche")
            && l.endsWith("FAIL")), "FNV-1a must fail avalanche:\n" + r.out());
        String archived = r.out().lines().filter(l -> l.startsWith("archived: ")).findFirst().orElseThrow();
        Path folder = Path.of(archived.substring("archived: ".length()));
        assertEquals(results, folder.getParent());
        List<String> csv = Files.readAllLines(folder.resolve("quality.csv"));
        assertEquals("hasher,test,parameters,measure,statistic,threshold,result,mode", csv.get(0));
        assertEquals(String.join(",", QualityCommand.CSV_COLUMNS), csv.get(0));
        assertTrue(csv.size() > 40, "rows: " + csv.size());
        RunMetadata meta = RunMetadata.read(folder.resolve("metadata.json"));
        assertEquals("quality", meta.get("kind"));
        assertEquals("quick", meta.get("profile"));
        assertEquals("fnv1a", meta.get("quality_hashers"));
        List<Map<String, String>> index = RunArchive.readIndex(results.resolve("index.csv"));
        assertEquals(1, index.size());
        assertEquals(folder.getFileName().toString(), index.get(0).get("folder"));
    }
}
