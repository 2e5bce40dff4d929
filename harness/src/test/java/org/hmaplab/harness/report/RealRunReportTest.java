package org.hmaplab.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hmaplab.harness.cli.ReportCommand;
import org.hmaplab.harness.compare.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report from the output of a real smoke run of {@code hbench run} (the harness module's test
 * resources jmh-smoke-run-20261122.json, latency-smoke-run-20261122.csv and
 * memory-smoke-run-20261122.csv, written by JMH 1.37 and the harness on 2026-11-22), read as an
 * archive that holds JMH's JSON but no results.csv.
 */
class RealRunReportTest {

    private static final String RES = "/org/hmaplab/harness/run/";

    @TempDir
    Path tmp;

    private Path copy(String resource, Path target) throws Exception {
        try (InputStream in = RealRunReportTest.class.getResourceAsStream(RES + resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void reportFromARealRunShowsEveryOperationHasherThroughputLatencyAndMemory() throws Exception {
        final Path run = Files.createDirectories(tmp.resolve("20261122T000000Z-bench-smoke"));
        copy("jmh-smoke-run-20261122.json", run.resolve("jmh-result.json"));
        copy("latency-smoke-run-20261122.csv", run.resolve("latency.csv"));
        copy("memory-smoke-run-20261122.csv", run.resolve("memory.csv"));
        assertEquals(7, RunResults.read(run).cells().size());
        final List<Path> files = ReportCommand.write(List.of(run), tmp.resolve("report"));
        final String md = Files.readString(files.get(0));
        // GetBench.get at 1024 long keys: fastutil 6.681 ns/op is the best, go-swar/aes 31.46 = 4.71x of it
        assertTrue(md.contains("### get (avgt, ns/op)"), md);
        assertTrue(md.contains("| fastutil | 6.681"), md);
        assertTrue(md.contains("(4.71x)"), md);
        assertTrue(md.contains("### growth (avgt, ns/op)"), md);
        // HasherBench.hashBytes, aes, 16 bytes in 12.543 ns: 1.276 bytes/ns; its baseline is not a hasher
        assertTrue(md.contains("| aes hashBytes | 16 | 1.276 |"), md);
        assertTrue(!md.contains("aes baseline"), md);
        assertTrue(md.contains("| go-swar/aes | 16384 | 862 | 2113 |"), md);
        assertTrue(!md.contains("| fills |"), "an archive without per-fill columns shows none");
        assertTrue(md.contains("| go-swar/aes | long-random | 1024 | 38440 | 37.54 | agent |"), md);
    }

    /**
     * The report of a run holding the smoke run's JMH results and its latency rows with extra columns:
     * the header gets {@code extraHeader}, and each data row appears once per entry of {@code extraCells}.
     */
    private String reportWithLatencyColumns(String name, String extraHeader, List<String> extraCells)
        throws Exception {
        final Path run = Files.createDirectories(tmp.resolve("20261122T000000Z-bench-" + name));
        copy("jmh-smoke-run-20261122.json", run.resolve("jmh-result.json"));
        final Path smoke = copy("latency-smoke-run-20261122.csv", tmp.resolve(name + ".csv"));
        final List<String> lines = Files.readAllLines(smoke);
        final List<String> out = new ArrayList<>(List.of(lines.get(0) + extraHeader));
        for (String cells : extraCells) {
            lines.subList(1, lines.size()).forEach(line -> out.add(line + cells));
        }
        Files.write(run.resolve("latency.csv"), out);
        return Files.readString(ReportCommand.write(List.of(run), tmp.resolve("report-" + name)).get(0));
    }

    @Test
    void theLatencyTableShowsThePerFillColumnsWhenTheArchiveHasThem() throws Exception {
        // hand-made per-fill columns: 3 fills, maxima median 120000, smallest 99000
        final String md = reportWithLatencyColumns("fills", ",gc,rounds,max_median,max_min",
            List.of(",g1,3,120000,99000"));
        assertTrue(md.contains("| max | fills | max, median of fills | max, min of fills | count | unit |"), md);
        assertTrue(md.contains("| go-swar/aes | 16384 | 862 | 2113 | 35455 | 118335 | 128767 | 3 | 120000 | 99000 "
            + "| 16384 | ns |"), md);
    }

    @Test
    void latencyRowsNameTheirCollectorWhenARunFilledUnderSeveral() throws Exception {
        // the smoke run's latency rows twice, once as measured under G1 and once under ZGC
        final String md = reportWithLatencyColumns("gcs", ",gc", List.of(",g1", ",zgc"));
        assertTrue(md.contains("| go-swar/aes [g1] | 16384 | 862 | 2113 |"), md);
        assertTrue(md.contains("| go-swar/aes [zgc] | 16384 | 862 | 2113 |"), md);
    }

    @Test
    void latencyRowsOfOneCollectorAreNotLabelledWithIt() throws Exception {
        final String md = reportWithLatencyColumns("onegc", ",gc", List.of(",g1"));
        assertTrue(md.contains("| go-swar/aes | 16384 | 862 | 2113 |"), md);
    }

    @Test
    void aHasherWhoseNameIsPartOfTheImplementationNameIsStillNamed() throws Exception {
        final Path run = Files.createDirectories(tmp.resolve("20261122T000000Z-bench-go"));
        copy("jmh-smoke-run-20261122.json", run.resolve("jmh-result.json"));
        copy("memory-smoke-run-20261122.csv", run.resolve("memory.csv"));
        // the smoke run's latency rows, with Go's fallback hash ("go", a part of "go-swar") as the hasher
        final String latency = Files.readString(copy("latency-smoke-run-20261122.csv", tmp.resolve("latency.csv")));
        Files.writeString(run.resolve("latency.csv"), latency.replace(",ns,aes,", ",ns,go,"));
        final String md = Files.readString(ReportCommand.write(List.of(run), tmp.resolve("report")).get(0));
        assertTrue(md.contains("| go-swar/go | 16384 | 862 | 2113 |"), md);
    }
}
