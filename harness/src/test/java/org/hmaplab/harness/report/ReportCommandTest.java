package org.hmaplab.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hmaplab.harness.cli.ReportCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** hbench report over the hand-made fixture archives in src/test/resources/fixtures. */
class ReportCommandTest {

    @TempDir
    static Path tmp;

    /** The Markdown and HTML of one report over both fixture runs, rendered once for all tests. */
    private static List<Path> files;

    @BeforeAll
    static void renderOnce() throws Exception {
        files = ReportCommand.write(List.of(fixture("run-a"), fixture("run-b")), tmp);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ReportCommandTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void reportOverTwoRunsWritesMarkdownHtmlAndChartsAndWarnsAboutDifferingEnvironments() throws Exception {
        final String md = Files.readString(files.get(0));
        final String html = Files.readString(files.get(1));
        assertTrue(md.contains("Warning: the runs' environments differ"), md);
        assertTrue(md.contains("jdk_version differs"), md);
        assertTrue(md.contains("cpu_model differs"), md);
        assertTrue(md.contains("cores differs"), md);
        assertTrue(md.contains("git_commit differs"), md);
        assertTrue(html.contains("class=\"warn\""), "HTML warning box");
        assertTrue(html.contains("data:image/png;base64,"), "charts embedded in the HTML");
        assertFalse(html.contains("src=\"charts/"), "HTML must not link external images");
        final long pngs;
        final long svgs;
        try (Stream<Path> s = Files.list(tmp.resolve("charts"))) {
            final List<String> names = s.map(p -> p.getFileName().toString()).toList();
            pngs = names.stream().filter(n -> n.endsWith(".png")).count();
            svgs = names.stream().filter(n -> n.endsWith(".svg")).count();
        }
        // getHit, getMiss, put; hasher throughput; one latency size; one memory key kind
        assertEquals(6, pngs);
        assertEquals(6, svgs);
        assertTrue(Files.readString(tmp.resolve("charts/chart-01.svg")).contains("<svg"));
    }

    @Test
    void tablesShowRatioToTheBestImplementationAtEachSize() throws Exception {
        final String md = Files.readString(files.get(0));
        // run-a getHit at 1024: fastutil 9.000 is the best of run-a; run-b's fastutil (8.100) is the best of
        // the column, and run-a's jdk 14.4 is 14.4 / 8.1 = 1.78x of it
        assertTrue(md.contains("| 20260101T000000Z-bbbb: fastutil | 8.100 +/- 0.49 (1.00x)"), md);
        assertTrue(md.contains("| 20260101T000000Z-aaaa: jdk | 14.40 +/- 0.86 (1.78x)"), md);
        assertTrue(md.contains("mixed machines, see warning"), md);
        // hasher throughput: aes at 1024 bytes takes 3 + 1024/12 ns in run-a: 1024 / 88.333 = 11.592 bytes/ns
        assertTrue(md.contains("| 20260101T000000Z-aaaa: aes hashBytes | 1024 | 11.592 |"), md);
    }

    @Test
    void theMultiplyReferenceIsStatedBesideTheHasherThroughputAndIsNoHasherSeries() throws Exception {
        final String md = Files.readString(files.get(0));
        // run-a has a multiply-latency row of 0.840 ns/op; run-b has none
        assertTrue(md.contains("One 64-bit multiply's latency (`multiply-latency`, a chain of dependent multiplies), "
            + "the yardstick of a per-byte cost: 20260101T000000Z-aaaa: 0.840 ns/op."), md);
        assertFalse(md.contains("multiply-latency |"), "not a row of the throughput table");
    }

    @Test
    void severalRunsWithoutOutIsAUsageError() throws Exception {
        final StringWriter err = new StringWriter();
        final CommandLine cl = new CommandLine(new ReportCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute(fixture("run-a").toString(), fixture("run-b").toString()));
        assertTrue(err.toString().contains("--out DIR is required"), err.toString());
    }
}
