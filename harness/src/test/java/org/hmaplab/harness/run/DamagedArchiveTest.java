package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hmaplab.harness.archive.ArchiveCheck;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveReader;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.cli.Hbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged archives, tried as a new user would: every command that reads archives answers with one
 * line on stderr naming the run, the file, the line and what is wrong, and exit status 2 (no stack
 * trace, no "cannot read the runs: Illegal character" without a file). Also jmh.log.gz: accepted
 * in place of jmh.log by check-archive and the reader, refused beside it or when it is not gzip.
 */
class DamagedArchiveTest {

    @TempDir
    Path tmp;

    private Path good(String name) {
        Path scratch = tmp.resolve("scratch-" + name);
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return TestArchives.archive(tmp.resolve("results-" + name), scratch, TestArchives.sampleJson(), "smoke", "1/1");
    }

    private static String runId(Path archive) {
        return RunMetadata.read(archive.resolve(ArchiveFormat.METADATA_JSON)).get("run_id");
    }

    /** Runs hbench in-process; returns exit status and the captured stderr. */
    private record Result(int exit, String err) {
        String errorLine() {
            String[] lines = err.strip().split("\n");
            assertEquals(1, lines.length, "expected exactly one error line, got:\n" + err);
            return lines[0];
        }
    }

    private static Result hbench(String... args) {
        StringWriter err = new StringWriter();
        int exit = Hbench.commandLine().setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(err, true)).execute(args);
        return new Result(exit, err.toString());
    }

    /** Puts an unbalanced quote into the first data row's benchmark cell (line 2 of results.csv). */
    private static void unbalancedQuote(Path archive) throws IOException {
        Path csv = archive.resolve(ArchiveFormat.RESULTS_CSV);
        List<String> lines = Files.readAllLines(csv);
        lines.set(1, "\"" + lines.get(1));
        Files.write(csv, lines);
    }

    @Test
    void reportOnAResultsRowWithAnUnbalancedQuoteIsOneLineNamingRunFileAndLine() throws IOException {
        Path a = good("quote");
        unbalancedQuote(a);
        Result r = hbench("report", a.toString(), "--out", tmp.resolve("report").toString());
        assertEquals(2, r.exit(), r.err());
        String line = r.errorLine();
        assertTrue(line.startsWith("hbench report: run " + runId(a) + ": results.csv line 2: "), line);
        assertTrue(line.contains("not valid CSV"), line);
    }

    @Test
    void compareOnAResultsRowWithAnUnbalancedQuoteIsOneLineNamingRunFileAndLine() throws IOException {
        Path base = good("base");
        Path a = good("quote");
        unbalancedQuote(a);
        Result r = hbench("compare", base.toString(), a.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.errorLine().startsWith("hbench compare: run " + runId(a) + ": results.csv line 2: "), r.err());
    }

    @Test
    void checkArchiveOnATruncatedJmhJsonIsOneLineNamingFileAndLine() throws IOException {
        Path a = good("truncated");
        Path json = a.resolve(ArchiveFormat.JMH_JSON);
        String text = Files.readString(json);
        Files.writeString(json, text.substring(0, text.length() / 2));
        Result r = hbench("check-archive", a.toString());
        assertEquals(2, r.exit(), r.err());
        String line = r.errorLine();
        assertTrue(line.startsWith("check-archive: " + a + ": jmh-result.json line 1: not valid JSON at column "),
            line);
        assertTrue(line.contains("truncated"), line);
    }

    @Test
    void compareAndReportOnAGarbageFolderNameTheRunAndTheFile() throws IOException {
        Path garbage = Files.createDirectories(tmp.resolve("garbage"));
        Files.writeString(garbage.resolve(ArchiveFormat.METADATA_JSON), "\u0001\u0002 not json");
        Files.writeString(garbage.resolve(ArchiveFormat.RESULTS_CSV), "whatever\n");
        Path base = good("base");
        Result c = hbench("compare", base.toString(), garbage.toString());
        assertEquals(2, c.exit(), c.err());
        assertTrue(c.errorLine().startsWith("hbench compare: run garbage: metadata.json line 1: not valid JSON"),
            c.err());
        Result rep = hbench("report", garbage.toString(), "--out", tmp.resolve("report").toString());
        assertEquals(2, rep.exit(), rep.err());
        assertTrue(rep.errorLine().startsWith("hbench report: run garbage: metadata.json line 1: not valid JSON"),
            rep.err());
    }

    @Test
    void aResultsCsvWithoutTheScoreColumnIsNamedWithItsHeaderLine() throws IOException {
        Path a = good("columns");
        Path csv = a.resolve(ArchiveFormat.RESULTS_CSV);
        List<String> lines = Files.readAllLines(csv);
        lines.set(0, lines.get(0).replace(",score,", ",scor,"));
        Files.write(csv, lines);
        Result r = hbench("report", a.toString(), "--out", tmp.resolve("report").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.errorLine().startsWith("hbench report: run " + runId(a) + ": results.csv line 1: no column "
            + "'score'"), r.err());
    }

    @Test
    void aScoreThatIsNotANumberIsNamedWithItsLine() throws IOException {
        Path a = good("score");
        Path csv = a.resolve(ArchiveFormat.LATENCY_CSV);
        Path results = a.resolve(ArchiveFormat.RESULTS_CSV);
        List<String> lines = Files.readAllLines(results);
        String[] cells = lines.get(3).split(",", -1);
        cells[ArchiveFormat.RESULTS_COLUMNS.indexOf("score")] = "fast";
        lines.set(3, String.join(",", cells));
        Files.write(results, lines);
        assertTrue(Files.exists(csv));
        Result r = hbench("compare", a.toString(), a.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("hbench compare: run " + runId(a) + ": results.csv line 4: score is 'fast', not a number",
            r.errorLine());
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            in.transferTo(out);
        }
        Files.delete(from);
    }

    @Test
    void aGzippedJmhLogPassesCheckArchiveAndReadsAsTheLog() throws IOException {
        Path a = good("gz");
        Files.writeString(a.resolve(ArchiveFormat.JMH_LOG), "# JMH version: 1.37\nline two\n");
        assertNull(ArchiveCheck.check(a));
        gzip(a.resolve(ArchiveFormat.JMH_LOG), a.resolve(ArchiveFormat.JMH_LOG_GZ));
        assertNull(ArchiveCheck.check(a));
        assertEquals("# JMH version: 1.37\nline two\n", ArchiveReader.jmhLog(a, runId(a)));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(a.resolve(ArchiveFormat.JMH_LOG_GZ)))) {
            assertEquals("# JMH version: 1.37\nline two\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aJmhLogGzThatIsNotGzipOrBesideAPlainLogIsRefused() throws IOException {
        Path a = good("badgz");
        Files.writeString(a.resolve(ArchiveFormat.JMH_LOG_GZ), "plain text, not gzip\n");
        String problem = ArchiveCheck.check(a);
        assertTrue(problem.startsWith("jmh.log.gz: cannot be read: "), problem);
        Files.delete(a.resolve(ArchiveFormat.JMH_LOG_GZ));
        Files.writeString(a.resolve(ArchiveFormat.JMH_LOG), "log\n");
        gzip(a.resolve(ArchiveFormat.JMH_LOG), a.resolve(ArchiveFormat.JMH_LOG_GZ));
        Files.writeString(a.resolve(ArchiveFormat.JMH_LOG), "log\n");
        problem = ArchiveCheck.check(a);
        assertTrue(problem.contains("both jmh.log and jmh.log.gz"), problem);
    }

    @Test
    void anArchiveOfANewerFormatVersionIsRefusedNamingBothVersions() throws IOException {
        Path a = good("newer");
        Path meta = a.resolve(ArchiveFormat.METADATA_JSON);
        String text = Files.readString(meta);
        Files.writeString(meta, text.replaceFirst("\\{", "{\n  \"" + ArchiveFormat.VERSION_KEY + "\" : \""
            + (ArchiveFormat.VERSION + 1) + "\","));
        Result r = hbench("report", a.toString(), "--out", tmp.resolve("report").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.errorLine().contains("metadata.json: archive_format is " + (ArchiveFormat.VERSION + 1)
            + "; this hbench reads versions 1 to " + ArchiveFormat.VERSION), r.err());
    }

    @Test
    void theReaderGivesEachResultRowItsPerForkMeanScores() {
        Path a = good("forks");
        ArchiveReader.Run run = ArchiveReader.read(a);
        com.fasterxml.jackson.databind.JsonNode jmh = TestArchives.sampleJson();
        assertEquals(jmh.size(), run.results().size());
        for (int i = 0; i < jmh.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode raw = jmh.get(i).path("primaryMetric").path("rawData");
            assertEquals(raw.size(), run.results().get(i).forkScores().size());
            for (int f = 0; f < raw.size(); f++) {
                double sum = 0;
                for (com.fasterxml.jackson.databind.JsonNode v : raw.get(f)) {
                    sum += v.asDouble();
                }
                assertEquals(sum / raw.get(f).size(), run.results().get(i).forkScores().get(f), 1e-9);
            }
            assertEquals(i + 2, run.results().get(i).line(), "data rows start on line 2");
        }
    }
}
