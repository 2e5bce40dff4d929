package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.archive.ArchiveCheck;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.CsvFiles;
import org.hmaplab.harness.cli.Hbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** check-archive on a good archive and on archives broken one way each. */
class ArchiveCheckTest {

    @TempDir
    Path tmp;

    private Path good() throws IOException {
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        return TestArchives.archive(tmp.resolve("results"), scratch, TestArchives.sampleJson(), "smoke", "1/1");
    }

    private static void replaceInFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " should contain " + from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    @Test
    void aCompleteArchivePasses() throws IOException {
        assertNull(ArchiveCheck.check(good()));
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path a = good();
        Files.delete(a.resolve(ArchiveFormat.MEMORY_CSV));
        assertEquals("missing memory.csv", ArchiveCheck.check(a));
    }

    @Test
    void aFolderWithoutMetadataIsNotAnArchive() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("plain"));
        assertTrue(ArchiveCheck.check(a).contains("not a run archive"), ArchiveCheck.check(a));
    }

    @Test
    void aWrongCsvHeaderIsNamed() throws IOException {
        Path a = good();
        replaceInFile(a.resolve(ArchiveFormat.RESULTS_CSV), "alloc_bytes_per_op", "alloc");
        String problem = ArchiveCheck.check(a);
        assertTrue(problem.startsWith("results.csv header"), problem);
    }

    @Test
    void aNonNumericCellIsNamedWithItsLine() throws IOException {
        Path a = good();
        List<String> lines = Files.readAllLines(a.resolve(ArchiveFormat.LATENCY_CSV));
        String[] cells = lines.get(1).split(",", -1);
        cells[2] = "fast";
        lines.set(1, String.join(",", cells));
        Files.write(a.resolve(ArchiveFormat.LATENCY_CSV), lines);
        assertEquals("latency.csv line 2: p50 'fast' is not a number", ArchiveCheck.check(a));
    }

    /**
     * Sets the per-fill columns of latency.csv's first row (line 2, the sample's timer row, max 8105983)
     * to {@code rounds, max_median, max_min}; the other rows keep them empty.
     */
    private static void setFillColumns(Path archive, String rounds, String median, String min) {
        Path file = archive.resolve(ArchiveFormat.LATENCY_CSV);
        CsvFiles.Table t = CsvFiles.read(file);
        Map<String, String> first = t.rows().get(0);
        first.put("rounds", rounds);
        first.put("max_median", median);
        first.put("max_min", min);
        CsvFiles.write(file, t.header(), t.values(t.header()));
    }

    @Test
    void perFillColumnsInOrderPass() throws IOException {
        Path a = good();
        setFillColumns(a, "5", "8105983", "20000");
        assertNull(ArchiveCheck.check(a));
        setFillColumns(a, "1", "8105983", "8105983");
        assertNull(ArchiveCheck.check(a));
    }

    @ParameterizedTest
    @CsvSource({
        "8105984, 20000, 'latency.csv line 2: max_median 8105984 is larger than max 8105983'",
        "20000, 20001, 'latency.csv line 2: max_min 20001 is larger than max_median 20000'"})
    void perFillColumnsOutOfOrderAreNamed(String median, String min, String message) throws IOException {
        Path a = good();
        setFillColumns(a, "5", median, min);
        assertEquals(message, ArchiveCheck.check(a));
    }

    @Test
    void zeroRoundsAreNamed() throws IOException {
        Path a = good();
        setFillColumns(a, "0", "20000", "20000");
        assertEquals("latency.csv line 2: rounds is 0; a row measures at least one fill", ArchiveCheck.check(a));
    }

    @Test
    void aFillColumnThatIsNotAWholeNumberIsNamed() throws IOException {
        Path a = good();
        setFillColumns(a, "5", "20000", "-3");
        assertEquals("latency.csv line 2: max_min '-3' is not a whole number >= 0 (the per-fill columns "
            + "[rounds, max_median, max_min] are all set or all empty)", ArchiveCheck.check(a));
        setFillColumns(a, "5", "200.5", "3");
        assertTrue(ArchiveCheck.check(a).startsWith("latency.csv line 2: max_median '200.5' is not a whole number"),
            ArchiveCheck.check(a));
        setFillColumns(a, "5", "", "3");
        assertTrue(ArchiveCheck.check(a).startsWith("latency.csv line 2: max_median '' is not a whole number"),
            ArchiveCheck.check(a));
    }

    @Test
    void aLatencyFileWrittenBeforeThePerFillColumnsPasses() throws IOException {
        Path a = good();
        Path file = a.resolve(ArchiveFormat.LATENCY_CSV);
        CsvFiles.Table t = CsvFiles.read(file);
        assertEquals(ArchiveFormat.LATENCY_COLUMNS, t.header());
        CsvFiles.write(file, ArchiveFormat.LATENCY_REQUIRED_COLUMNS, t.values(ArchiveFormat.LATENCY_REQUIRED_COLUMNS));
        assertNull(ArchiveCheck.check(a));
    }

    @Test
    void aResultsRowThatDisagreesWithTheJsonIsFound() throws IOException {
        Path a = good();
        replaceInFile(a.resolve(ArchiveFormat.RESULTS_CSV), ",get-hit,go-swar,", ",get-miss,go-swar,");
        String problem = ArchiveCheck.check(a);
        assertTrue(problem.startsWith("results.csv row 1 differs"), problem);
    }

    @Test
    void aCountThatDisagreesWithTheMetadataIsFound() throws IOException {
        Path a = good();
        List<String> lines = Files.readAllLines(a.resolve(ArchiveFormat.MEMORY_CSV));
        Files.write(a.resolve(ArchiveFormat.MEMORY_CSV), lines.subList(0, lines.size() - 1));
        String problem = ArchiveCheck.check(a);
        assertTrue(problem.contains("memory_rows"), problem);
    }

    @Test
    void brokenJsonIsNamed() throws IOException {
        Path a = good();
        Files.writeString(a.resolve(ArchiveFormat.JMH_JSON), "[{\"benchmark\": ");
        assertTrue(ArchiveCheck.check(a).startsWith("jmh-result.json line 1: not valid JSON at column "),
            ArchiveCheck.check(a));
    }

    @Test
    void theCommandExitsWithTwoAndNamesTheProblem() throws IOException {
        Path a = good();
        Files.delete(a.resolve(ArchiveFormat.SUMMARY_MD));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Hbench.commandLine().execute("check-archive", a.toString());
        } finally {
            System.setErr(old);
        }
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing summary.md"), err.toString());
        assertEquals(0, Hbench.commandLine().execute("check-archive", good().toString()));
    }
}
