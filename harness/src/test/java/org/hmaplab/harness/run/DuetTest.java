package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.cli.DuetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duet mode's pairing, its process commands and its option checks (no benchmark runs here). */
class DuetTest {

    private static final String GET = "org.hmaplab.harness.bench.GetBench.get";

    @TempDir
    Path tmp;

    private static Cell get(String impl, String hasher, String size) {
        return new Cell("get-hit", Cell.Kind.JMH, GET, Map.of("impl", impl, "hasher", hasher, "size", size,
            "keyKind", "long-random"), 0);
    }

    @Test
    void eachImplementationIsPairedWithTheReferenceOfTheSameWorkloadAndControlsAreLeftOut() {
        List<Cell> cells = List.of(get("go-fast64", "aes", "1024"), get("fastutil", "none", "1024"),
            get("go-fast64", "aes", "65536"), get("fastutil", "none", "65536"), get("fastutil-aa", "none", "1024"),
            get("swiss-swar", "aes", "4194304"));
        List<Duet.Pair> pairs = Duet.pairs(cells, "fastutil");
        assertEquals(2, pairs.size(), pairs.toString());
        for (Duet.Pair p : pairs) {
            assertEquals("go-fast64", p.impl().param("impl"));
            assertEquals("fastutil", p.reference().param("impl"));
            assertEquals(p.impl().param("size"), p.reference().param("size"));
        }
    }

    @Test
    void theSidesSwapCoresEveryRound() {
        int[] cores = {0, 1};
        assertEquals(0, Duet.implCore(0, cores));
        assertEquals(1, Duet.implCore(1, cores));
        assertEquals(0, Duet.implCore(2, cores));
        assertEquals(1, Duet.implCore(3, cores));
    }

    @Test
    void eachSideIsOneForkOfJmhPinnedToItsCoreBypassingJmhsLock() {
        List<String> cmd = Duet.command(get("go-fast64", "aes", "1024"), Profile.of("goals"), 1, tmp.resolve("a.json"),
            tmp.resolve("a.log"));
        assertEquals(List.of("taskset", "-c", "1"), cmd.subList(0, 3));
        assertTrue(cmd.contains("-Djmh.ignoreLock=true"), cmd.toString());
        assertEquals("1", cmd.get(cmd.indexOf("-f") + 1));
        assertTrue(cmd.contains("impl=go-fast64") && cmd.contains("size=1024"), cmd.toString());
        assertEquals(tmp.resolve("a.json").toString(), cmd.get(cmd.indexOf("-rff") + 1));
        assertEquals(Integer.toString(Profile.of("goals").measurementIterations()), cmd.get(cmd.indexOf("-i") + 1));
    }

    @Test
    void theForkMeanIsTheMeanOfTheTimedIterationsOfJmhsOneFork() throws Exception {
        Path json = tmp.resolve("r.json");
        Files.writeString(json, "[{\"primaryMetric\":{\"score\":2.0,\"rawData\":[[1.0,2.0,6.0]]}}]");
        assertEquals(3.0, Duet.forkMean(json), 1e-12);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = org.hmaplab.harness.cli.Hbench.commandLine().setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true)).execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void anOddRoundCountIsAUsageErrorOnOneLine() {
        String[] r = run("duet", "--impl", "go-fast64", "--rounds", "3", "--results", tmp.toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().split("\n").length, r[2]);
        assertTrue(r[2].contains("--rounds must be even"), r[2]);
    }

    @Test
    void twiceTheSameCoreIsAUsageError() {
        String[] r = run("duet", "--impl", "go-fast64", "--cores", "0,0", "--results", tmp.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--cores needs two different cores"), r[2]);
    }

    @Test
    void anUnknownImplementationIsNamedAndNothingIsArchived() {
        String[] r = run("duet", "--impl", "no-such-map", "--results", tmp.resolve("res").toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("unknown implementation 'no-such-map'"), r[2]);
        assertTrue(!Files.exists(tmp.resolve("res")));
        assertTrue(DuetCommand.KIND.startsWith("study-"));
    }
}
