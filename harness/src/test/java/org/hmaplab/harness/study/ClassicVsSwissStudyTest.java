package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.run.Cell;
import org.hmaplab.harness.study.ClassicVsSwissStudy.Comparison;
import org.hmaplab.harness.study.ClassicVsSwissStudy.Reach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic-vs-swiss ratio table from a small archive written here, whose fork scores are chosen
 * so that every ratio, interval and verdict can be worked out by hand; the report's reading of the
 * claim; the report without real Go; and the harness run's cells.
 */
class ClassicVsSwissStudyTest {

    private static final double EPS = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<List<String>> results = new ArrayList<>();
    private final ArrayNode jmh = JSON.createArrayNode();
    private final List<List<String>> memory = new ArrayList<>();

    @BeforeEach
    void clear() {
        results.clear();
        jmh.removeAll();
        memory.clear();
    }

    /** One results.csv row and its jmh-result.json element, each fork's iterations as given. */
    private void cell(String op, String impl, String hasher, int size, String distribution, double[]... forks) {
        final boolean get = op.startsWith("get-");
        final Map<String, String> params = new TreeMap<>();
        if (get) {
            params.put("distribution", distribution);
            params.put("hitRatio", op.equals("get-hit") ? "100" : "0");
        }
        params.put("hasher", hasher);
        params.put("impl", impl);
        params.put("keyKind", "long-random");
        params.put("size", Integer.toString(size));
        final String benchmark = get ? "org.hmaplab.harness.bench.GetBench.get"
            : "org.hmaplab.harness.bench.PutBench." + op;
        double sum = 0;
        int n = 0;
        final ObjectNode result = jmh.addObject();
        result.put("benchmark", benchmark);
        final ObjectNode p = result.putObject("params");
        params.forEach(p::put);
        final ArrayNode raw = result.putObject("primaryMetric").putArray("rawData");
        for (double[] fork : forks) {
            final ArrayNode f = raw.addArray();
            for (double v : fork) {
                f.add(v);
                sum += v;
                n++;
            }
        }
        final Map<String, String> row = new LinkedHashMap<>();
        ArchiveFormat.RESULTS_COLUMNS.forEach(c -> row.put(c, ""));
        row.put("benchmark", benchmark);
        row.put("operation", op);
        row.put("impl", impl);
        row.put("hasher", hasher);
        row.put("key_kind", "long-random");
        row.put("size", Integer.toString(size));
        row.put("distribution", get ? distribution : "");
        row.put("mode", "avgt");
        row.put("unit", "ns/op");
        row.put("score", Double.toString(sum / n));
        row.put("error", "0");
        row.put("params", String.join(";", params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .toList()));
        results.add(new ArrayList<>(row.values()));
    }

    private static double[] fork(double... iterations) {
        return iterations;
    }

    private void bytes(String impl, int size, double perEntry) {
        memory.add(List.of(impl, "long-random", Integer.toString(size), Long.toString(Math.round(perEntry * size)),
            Double.toString(perEntry), "agent", "go", ""));
    }

    private Path archive(boolean withJson) throws IOException {
        final Path dir = Files.createDirectories(tmp.resolve("run"));
        CsvOut.write(dir.resolve(ArchiveFormat.RESULTS_CSV), ArchiveFormat.RESULTS_COLUMNS,
            results.stream().<List<?>>map(r -> r).toList());
        CsvOut.write(dir.resolve(ArchiveFormat.MEMORY_CSV), ArchiveFormat.MEMORY_COLUMNS,
            memory.stream().<List<?>>map(r -> r).toList());
        if (withJson) {
            JSON.writeValue(dir.resolve(ArchiveFormat.JMH_JSON).toFile(), jmh);
        }
        return dir;
    }

    /**
     * The synthetic run. Java side (hasher go), two forks of two iterations per cell:
     * get-hit 6,6 / 10,10 ns: 0.60 exactly (no spread, so the interval is the point);
     * get-miss forks 9 and 11 against 10, 10: ratio 1.00; Fieller with va = var(9, 11) / 2 = 1, vb = 0,
     * Welch df = 1, t = 12.7062: qa = 100, qb = 100, qc = 100 - 161.448, root = sqrt(16144.8) = 127.063,
     * interval (max(0, -0.2706), 2.2706); put-growth 12 / 10: 1.20. Native: get-hit fallback 3 / 10 = 0.30,
     * aeshash 5 / 10 = 0.50, get-miss fallback forks 9 and 11 against 10 (as the Java one),
     * put-growth fallback 10.1 / 10 = 1.01. Memory: 34.5 / 38.6 B per entry.
     * A zipf get-hit and a string-16 row come first to show that they are not taken.
     */
    private void writeRun() {
        cell("get-hit", "swiss-swar", "go", 1024, "zipf", fork(1, 1), fork(1, 1));
        cell("get-hit", "swiss-swar", "go", 1024, "uniform", fork(6, 6), fork(6, 6));
        cell("get-hit", "go-fast64", "go", 1024, "uniform", fork(10, 10), fork(10, 10));
        cell("get-miss", "swiss-swar", "go", 1024, "uniform", fork(9, 9), fork(11, 11));
        cell("get-miss", "go-fast64", "go", 1024, "uniform", fork(10, 10), fork(10, 10));
        cell("put-growth", "swiss-swar", "go", 1024, "", fork(12, 12), fork(12, 12));
        cell("put-growth", "go-fast64", "go", 1024, "", fork(10, 10), fork(10, 10));
        cell("get-hit", "native-go124", "fallback", 1024, "uniform", fork(3, 3), fork(3, 3));
        cell("get-hit", "native-go124-noswiss", "fallback", 1024, "uniform", fork(10, 10), fork(10, 10));
        cell("get-hit", "native-go124", "aeshash", 1024, "uniform", fork(5, 5), fork(5, 5));
        cell("get-hit", "native-go124-noswiss", "aeshash", 1024, "uniform", fork(10, 10), fork(10, 10));
        cell("get-miss", "native-go124", "fallback", 1024, "uniform", fork(9, 9), fork(11, 11));
        cell("get-miss", "native-go124-noswiss", "fallback", 1024, "uniform", fork(10, 10), fork(10, 10));
        cell("put-growth", "native-go124", "fallback", 1024, "", fork(10.1, 10.1), fork(10.1, 10.1));
        cell("put-growth", "native-go124-noswiss", "fallback", 1024, "", fork(10, 10), fork(10, 10));
        memory.add(List.of("swiss-swar", "string-16", "1024", "1", "1.0", "agent", "go", ""));
        bytes("swiss-swar", 1024, 34.5);
        bytes("go-fast64", 1024, 38.6);
    }

    private static Comparison row(List<Comparison> table, String side, String op, String hasher) {
        return table.stream().filter(c -> c.side().equals(side) && c.operation().equals(op)
            && c.hasher().equals(hasher)).findFirst().orElseThrow(() -> new AssertionError(side + " " + op + " "
            + hasher + " missing from " + table));
    }

    @Test
    void ratioTableHasTheHandComputedRatiosIntervalsAndVerdicts() throws IOException {
        writeRun();
        final List<Comparison> t = ClassicVsSwissStudy.compare(archive(true));
        assertEquals(8, t.size(), t.toString());

        final Comparison hit = row(t, "java", "get-hit", "go");
        assertEquals(List.of("java", "get-hit", 1024, "go", "swiss-swar", "go-fast64", "6.0000", "10.0000", "0.6000",
            "0.6000", "0.6000", "faster"), hit.csv());
        assertEquals(Reach.REACHED, hit.reach(ClassicVsSwissStudy.SPEED_READING));
        assertEquals(Reach.NOT_REACHED, hit.reach(ClassicVsSwissStudy.TIME_READING));

        final Comparison miss = row(t, "java", "get-miss", "go");
        assertEquals(1.0, miss.ratio(), EPS);
        assertEquals(0.0, miss.low(), EPS);
        assertEquals(2.2706, miss.high(), 1e-4);
        assertEquals("undecided", miss.verdict());
        assertEquals(Reach.UNDECIDED, miss.reach(ClassicVsSwissStudy.SPEED_READING));

        final Comparison put = row(t, "java", "put-growth", "go");
        assertEquals(1.2, put.ratio(), EPS);
        assertEquals("slower", put.verdict());
        assertEquals(Reach.NOT_REACHED, put.reach(ClassicVsSwissStudy.SPEED_READING));

        final Comparison goHit = row(t, "native", "get-hit", "fallback");
        assertEquals(0.30, goHit.ratio(), EPS);
        assertEquals("native-go124", goHit.swissImpl());
        assertEquals("native-go124-noswiss", goHit.classicImpl());
        assertEquals(Reach.REACHED, goHit.reach(ClassicVsSwissStudy.TIME_READING));
        final Comparison goAes = row(t, "native", "get-hit", "aeshash");
        assertEquals(0.50, goAes.ratio(), EPS);
        assertEquals(Reach.REACHED, goAes.reach(ClassicVsSwissStudy.SPEED_READING));
        assertEquals(Reach.NOT_REACHED, goAes.reach(ClassicVsSwissStudy.TIME_READING));
        final Comparison goPut = row(t, "native", "put-growth", "fallback");
        assertEquals(1.01, goPut.ratio(), EPS);
        assertEquals("no difference", goPut.verdict());

        final Comparison mem = row(t, "java", "memory", "go");
        assertEquals(34.5 / 38.6, mem.ratio(), EPS);
        assertEquals(mem.ratio(), mem.low(), EPS);
        assertEquals(mem.ratio(), mem.high(), EPS);
        assertEquals("smaller", mem.verdict());
    }

    @Test
    void withoutForkScoresTheRatioComesFromTheScoresAndIsUndecided() throws IOException {
        cell("get-hit", "swiss-swar", "go", 1024, "uniform", fork(6, 6), fork(6, 6));
        cell("get-hit", "go-fast64", "go", 1024, "uniform", fork(10, 10), fork(10, 10));
        final List<Comparison> t = ClassicVsSwissStudy.compare(archive(false));
        assertEquals(1, t.size());
        assertEquals(0.6, t.getFirst().ratio(), EPS);
        assertFalse(t.getFirst().hasInterval());
        assertEquals("undecided", t.getFirst().verdict());
        assertEquals(Reach.UNDECIDED, t.getFirst().reach(ClassicVsSwissStudy.SPEED_READING));
        assertEquals("", t.getFirst().csv().get(9));
    }

    @Test
    void theClaimIsReproducedByOneCellThatReachesAReadingAndRefutedOnlyWhenNoneCan() {
        final Comparison reachesSpeed = point("get-hit", 0.60);
        final Comparison reachesBoth = point("get-hit", 0.30);
        final Comparison slower = point("put-growth", 1.20);
        final Comparison open = new Comparison("java", "get-miss", 1024, "go", "s", "c", 1, 1, 1.0, 0.0, 2.27,
            "undecided");
        assertEquals(0.625, ClassicVsSwissStudy.SPEED_READING, EPS);
        assertEquals("reproduced", ClassicVsSwissStudy.claimStatus(List.of(reachesSpeed, slower),
            ClassicVsSwissStudy.SPEED_READING));
        assertEquals("not reproduced", ClassicVsSwissStudy.claimStatus(List.of(reachesSpeed, slower),
            ClassicVsSwissStudy.TIME_READING));
        assertEquals("undecided", ClassicVsSwissStudy.claimStatus(List.of(reachesSpeed, open),
            ClassicVsSwissStudy.TIME_READING));
        assertEquals("reproduced", ClassicVsSwissStudy.claimStatus(List.of(reachesBoth, open),
            ClassicVsSwissStudy.TIME_READING));
        assertEquals("not measured", ClassicVsSwissStudy.claimStatus(List.of(), ClassicVsSwissStudy.TIME_READING));
        assertEquals("Swiss faster by 40 %", ClassicVsSwissStudy.change(0.60));
        assertEquals("Swiss slower by 20 %", ClassicVsSwissStudy.change(1.20));
        assertEquals("Swiss as fast", ClassicVsSwissStudy.change(1.002));
        assertEquals("smaller", ClassicVsSwissStudy.memoryVerdict(0.96));
        assertEquals("no difference", ClassicVsSwissStudy.memoryVerdict(0.98));
        assertEquals("larger", ClassicVsSwissStudy.memoryVerdict(1.04));
    }

    private static Comparison point(String op, double ratio) {
        return new Comparison("java", op, 1024, "go", "swiss-swar", "go-fast64", ratio * 10, 10, ratio, ratio, ratio,
            ratio < 1 ? "faster" : "slower");
    }

    @Test
    void reportStatesBothReadingsAndWhichEachSideSupports() throws IOException {
        writeRun();
        final String md = ClassicVsSwissStudy.markdown(ClassicVsSwissStudy.compare(archive(true)), null, "bench/x");
        assertTrue(md.contains("\"In microbenchmarks, map operations are up to 60% faster than in Go 1.23.\""), md);
        assertTrue(md.contains("https://go.dev/blog/swisstable"), md);
        assertTrue(md.contains("https://go.dev/doc/go1.24"), md);
        assertTrue(md.contains("(a) 1.6x the speed (operations per second): ratio 0.625; (b) 60 % less time:"
            + " ratio 0.40"), md);
        // Java: 0.60 reaches (a); no cell reaches (b), and get-miss (0.00-2.27) leaves it open
        final String java = md.substring(md.indexOf("## Java models"), md.indexOf("## Real Go 1.24"));
        assertTrue(java.contains("read as 1.6x the speed (<= 0.625) **reproduced**; read as 60 % less time (<= 0.40)"
            + " **undecided**"), java);
        assertTrue(java.contains("| get-hit | 1K | go | 6.00 ns | 10.00 ns | 0.60 (0.60-0.60) | faster | reached |"
            + " not reached |"), java);
        assertTrue(java.contains("- get-hit (go): Swiss faster by 40 % at 1K (ratio 0.60 (0.60-0.60))"), java);
        assertTrue(java.contains("- put-growth (go): Swiss slower by 20 % at 1K (ratio 1.20 (1.20-1.20))"), java);
        assertTrue(java.contains("- memory (go): Swiss 11 % smaller in bytes per entry at 1K (34.50 vs 38.60 B)"),
            java);
        assertTrue(java.contains("Not in this run: iterate."), java);
        // real Go: 0.30 reaches both readings
        final String go = md.substring(md.indexOf("## Real Go 1.24"), md.indexOf("## The model against real Go"));
        assertTrue(go.contains("**reproduced**; read as 60 % less time (<= 0.40) **reproduced**"), go);
        assertTrue(go.contains("Best cell: get-hit 1K (fallback), ratio 0.30 (0.30-0.30)."), go);
        assertTrue(go.contains("Bytes per entry are not measured for native Go"), go);
        assertTrue(go.contains("GOEXPERIMENT=noswissmap") || md.contains("GOEXPERIMENT=noswissmap"), md);
        // model against Go: 0.60 vs 0.30 and vs 0.50, 1.20 vs 1.01 differ; the two open get-miss intervals agree
        final String vs = md.substring(md.indexOf("## The model against real Go"));
        assertTrue(vs.contains("| get-hit | 1K | go / fallback | 0.60 (0.60-0.60) | 0.30 (0.30-0.30) | 2.00 |"
            + " differ: the model's Swiss gains less |"), vs);
        assertTrue(vs.contains("| get-hit | 1K | go / aeshash | 0.60 (0.60-0.60) | 0.50 (0.50-0.50) | 1.20 |"), vs);
        assertTrue(vs.contains("| get-miss | 1K | go / fallback | 1.00 (0.00-2.27) | 1.00 (0.00-2.27) | 1.00 |"
            + " overlap (not shown to differ) |"), vs);
        assertTrue(vs.contains("differs from real Go's on 3 of 4 cells; on the other 1 the intervals overlap."), vs);
    }

    @Test
    void withoutGo124TheReportSaysHowToInstallItAndCoversTheJavaSideOnly() throws IOException {
        writeRun();
        final List<Comparison> javaOnly = ClassicVsSwissStudy.compare(archive(true)).stream()
            .filter(c -> c.side().equals("java")).toList();
        final String md = ClassicVsSwissStudy.markdown(javaOnly, ClassicVsSwissStudy.missingToolchainNote(), "b");
        final String go = md.substring(md.indexOf("## Real Go 1.24"), md.indexOf("## The model against real Go"));
        assertTrue(go.contains("no Go 1.24 toolchain"), go);
        assertTrue(go.contains("`build/install-go.sh 1.24`"), go);
        assertFalse(go.contains("| get-hit |"), go);
        assertTrue(md.contains("No cell was measured on both sides"), md);
        assertTrue(md.contains("| get-hit | 1K | go | 6.00 ns |"), md);
    }

    @Test
    void agreementIsOverlapOfTheTwoIntervals() {
        final Comparison model = new Comparison("java", "get-hit", 1024, "go", "s", "c", 1, 1, 0.8, 0.7, 0.9, "f");
        final Comparison close = new Comparison("native", "get-hit", 1024, "fallback", "s", "c", 1, 1, 0.95, 0.9,
            1.0, "u");
        final Comparison far = new Comparison("native", "get-hit", 1024, "fallback", "s", "c", 1, 1, 1.1, 1.0, 1.2,
            "s");
        final Comparison low = new Comparison("native", "get-hit", 1024, "fallback", "s", "c", 1, 1, 0.5, 0.4, 0.6,
            "f");
        final Comparison none = new Comparison("native", "get-hit", 1024, "fallback", "s", "c", 1, 1, 0.5,
            Double.NaN, Double.NaN, "u");
        assertEquals("overlap (not shown to differ)", ClassicVsSwissStudy.agreement(model, close));
        assertEquals("differ: the model's Swiss gains more", ClassicVsSwissStudy.agreement(model, far));
        assertEquals("differ: the model's Swiss gains less", ClassicVsSwissStudy.agreement(model, low));
        assertEquals("undecided (no interval)", ClassicVsSwissStudy.agreement(model, none));
    }

    private static Map<String, Integer> cellsPerOperation(ClassicVsSwissStudy.Setup setup) {
        final Map<String, Integer> perOp = new TreeMap<>();
        for (Cell c : setup.plan().cells()) {
            perOp.merge(c.operation(), 1, Integer::sum);
            assertFalse(c.id().contains("zipf"), c.id());
            assertTrue(c.id().contains("keyKind=long-random"), c.id());
        }
        return perOp;
    }

    @Test
    void fullRunHasTheFourOperationsForBothPairsAndTheJavaModelsMemory() {
        final ClassicVsSwissStudy.Setup setup = ClassicVsSwissStudy.Setup.of(false, true);
        assertEquals("nightly", setup.profile());
        assertEquals(3, setup.rounds());
        assertEquals(List.of("go-fast64", "swiss-swar", "native-go124", "native-go124-noswiss"), setup.impls());
        // per operation and size: 1 Java cell per model, 2 hashes per native map -> 6; x 3 sizes = 18;
        // get-hit has the A/A control besides
        assertEquals(Map.of("get-hit", 19, "get-miss", 18, "put-growth", 18, "iterate", 18, "memory", 2),
            cellsPerOperation(setup));
        final List<Cell> memoryCells = setup.plan().cells().stream().filter(c -> c.operation().equals("memory"))
            .toList();
        assertEquals(List.of("go-fast64", "swiss-swar"), memoryCells.stream().map(c -> c.param("impl")).toList());
        assertEquals("1024,65536,4194304", memoryCells.getFirst().param("sizes"));
    }

    @Test
    void withoutGo124TheFullRunHasTheJavaModelsOnly() {
        assertEquals(Map.of("get-hit", 7, "get-miss", 6, "put-growth", 6, "iterate", 6, "memory", 2),
            cellsPerOperation(ClassicVsSwissStudy.Setup.of(false, false)));
    }

    @Test
    void quickRunIsTheSmokeMatrixAt1024ForTheJavaModels() {
        final ClassicVsSwissStudy.Setup setup = ClassicVsSwissStudy.Setup.of(true, true);
        assertEquals("smoke", setup.profile());
        assertEquals(List.of("go-fast64", "swiss-swar"), setup.impls());
        assertEquals(Map.of("get-hit", 3, "put-growth", 2, "memory", 2), cellsPerOperation(setup));
        assertTrue(setup.plan().cells().stream().allMatch(c -> "1024".equals(c.param("size"))
            || "1024".equals(c.param("sizes"))));
    }

    @Test
    void benchRunIsTheOneCommittedFolder() throws IOException {
        final Path root = Files.createDirectories(tmp.resolve("bench"));
        Files.createDirectories(root.resolve(".tmp-leftover"));
        Files.writeString(root.resolve("index.csv"), "run_id\n");
        final Path run = Files.createDirectories(root.resolve("20261204T000000Z-bench-abcdef"));
        assertEquals(run, ClassicVsSwissStudy.benchRun(root));
        Files.createDirectories(root.resolve("20261204T000001Z-bench-123456"));
        assertThrows(IOException.class, () -> ClassicVsSwissStudy.benchRun(root));
    }
}
