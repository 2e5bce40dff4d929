package org.hmaplab.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hmaplab.harness.compare.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ratios to the fastest peer from planted forks: the values, the CSV, the LaTeX table and the chart
 * (written to target/ratio-chart-sample.png to be looked at).
 */
class RatioReportTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "benchmark,operation,impl,hasher,lookup_style,key_kind,size,distribution,"
        + "hit_ratio,mode,unit,score,error,samples,alloc_bytes_per_op,params";

    /** A run whose cells have the given fork means: impl, hasher, operation, size, then fork means. */
    private Path run(Object[]... cells) throws Exception {
        Path dir = tmp.resolve("run1");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metadata.json"), "{\"run_id\":\"run1\",\"kind\":\"bench\"}");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        StringBuilder json = new StringBuilder("[");
        for (Object[] c : cells) {
            String impl = (String) c[0];
            String hasher = (String) c[1];
            String op = (String) c[2];
            int size = (Integer) c[3];
            double[] forks = (double[]) c[4];
            int hit = op.equals("get-hit") ? 100 : 0;
            String params = String.format(Locale.ROOT, "distribution=uniform;hasher=%s;hitRatio=%d;impl=%s;"
                + "keyKind=long-random;size=%d", hasher, hit, impl, size);
            double mean = 0;
            StringBuilder raw = new StringBuilder();
            for (double f : forks) {
                mean += f / forks.length;
                raw.append(raw.length() == 0 ? "" : ",")
                    .append(String.format(Locale.ROOT, "[%s,%s,%s]", f * 0.995, f, f * 1.005));
            }
            csv.append(String.format(Locale.ROOT, "org.hmaplab.harness.bench.GetBench.get,%s,%s,%s,,long-random,%d,"
                + "uniform,%d,avgt,ns/op,%s,NaN,%d,0,%s%n", op, impl, hasher, size, hit, mean, forks.length * 3,
                params));
            json.append(json.length() == 1 ? "" : ",").append(String.format(Locale.ROOT,
                "{\"benchmark\":\"org.hmaplab.harness.bench.GetBench.get\",\"mode\":\"avgt\",\"params\":{"
                    + "\"distribution\":\"uniform\",\"hasher\":\"%s\",\"hitRatio\":\"%d\",\"impl\":\"%s\","
                    + "\"keyKind\":\"long-random\",\"size\":\"%d\"},\"primaryMetric\":{\"score\":%s,"
                    + "\"scoreUnit\":\"ns/op\",\"rawData\":[%s]}}", hasher, hit, impl, size, mean, raw));
        }
        Files.writeString(dir.resolve("results.csv"), csv.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("jmh-result.json"), json.append(']').toString(), StandardCharsets.UTF_8);
        return dir;
    }

    private static Object[] cell(String impl, String hasher, String op, int size, double... forks) {
        return new Object[] {impl, hasher, op, size, forks};
    }

    @Test
    void everyImplementationIsSetAgainstItsCellsFastestPeer() throws Exception {
        Path dir = run(
            cell("fastutil", "none", "get-hit", 1024, 2.0, 2.02, 1.98),
            cell("agrona", "none", "get-hit", 1024, 3.0, 3.1, 2.9),
            cell("go-fast64", "go", "get-hit", 1024, 4.0, 4.1, 3.9),
            cell("swiss-swar", "go", "get-hit", 1024, 3.0, 3.6, 2.4),
            cell("fastutil", "none", "get-miss", 65536, 10.0, 10.2, 9.8),
            cell("go-fast64", "go", "get-miss", 65536, 7.0, 7.1, 6.9),
            cell("swiss-swar", "go", "get-miss", 65536, 5.0, 5.05, 4.95),
            cell("fastutil", "none", "get-hit", 4194304, 40.0, 41, 39),
            cell("go-fast64", "go", "get-hit", 4194304, 70.0, 72, 68),
            cell("swiss-swar", "go", "get-hit", 4194304, 45.0, 47, 43));
        List<RatioReport.Entry> entries = RatioReport.entries(RunResults.read(dir));
        assertEquals(7, entries.size());
        RatioReport.Entry agrona = entries.stream().filter(e -> e.series().equals("agrona")).findFirst().orElseThrow();
        assertEquals(1.5, agrona.interval().estimate(), 1e-9);
        assertEquals("fastutil", agrona.reference());
        assertEquals(3, agrona.forkRatios().length);
        RatioReport.Entry swissMiss = entries.stream().filter(e -> e.series().equals("swiss-swar/go")
            && e.cellLabel().equals("get-miss 64K")).findFirst().orElseThrow();
        assertEquals(0.5, swissMiss.interval().estimate(), 1e-9);
        assertTrue(swissMiss.interval().high() < 1, swissMiss.interval().format(3));

        Path csv = tmp.resolve("ratios.csv");
        RatioReport.writeCsv(csv, entries);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", RatioReport.CSV_COLUMNS), lines.get(0));
        assertEquals(8, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("get-miss") && l.contains("swiss-swar") && l.endsWith(
            "faster")), lines.toString());

        String tex = RatioReport.latex("Ratios & more", entries);
        assertTrue(tex.contains("\\toprule") && tex.contains("\\bottomrule") && tex.contains("Ratios \\& more"), tex);
        assertTrue(tex.contains("swiss-swar/go & fastutil & 0.50"), tex);

        List<RatioReport.Entry> longs = new ArrayList<>(entries);
        Path png = Path.of("target", "ratio-chart-sample.png");
        ChartWriter.save(RatioReport.chart("time / fastest peer, long-random keys (planted data)", longs),
            png.getParent(), "ratio-chart-sample");
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void latexSpecialCharactersAreEscaped() {
        assertEquals("a\\_b \\% c \\& d \\$ \\# \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
            RatioReport.escape("a_b % c & d $ # {x} ~ ^ \\"));
    }

    @Test
    void sizesAreWrittenShort() {
        assertEquals("1K", RatioReport.sizeText("1024"));
        assertEquals("64K", RatioReport.sizeText("65536"));
        assertEquals("4M", RatioReport.sizeText("4194304"));
        assertEquals("1000", RatioReport.sizeText("1000"));
    }
}
