package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hmaplab.baselines.MapRegistry;
import org.junit.jupiter.api.Test;

/**
 * Parsing the insert-latency probe's lines, the fill time derived from them, the maps of the study
 * and the report: each Go model against the peers, and the Swiss goal at 4M keys.
 */
class GrowthCostStudyTest {

    // In the format of InsertLatencyProbe.line (harness run package): impl,hasher,key_kind,size,p50,p99,p999,
    // p9999,max,mean,count,unit,gc,rounds,max_median,max_min; the figures are hand-made.
    private static final String TIMER =
        "RESULT timer,none,long-random,65536,20,40,41,171,8105983,46.1,1000000,ns,g1,1,8105983,8105983";
    private static final String GO =
        "RESULT go-generic,aes,long-random,65536,862,2113,35455,118335,128767,96.1,65536,ns,g1,1,128767,128767";
    private static final String PEER =
        "RESULT jdk,none,long-random,65536,80,261,821,283391,4073471,393.9,65536,ns,g1,1,4073471,4073471";

    @Test
    void probeLinesParseIntoTheirColumns() {
        final GrowthCostStudy.ProbeLine go = GrowthCostStudy.ProbeLine.parse(GO);
        assertEquals("go-generic", go.impl());
        assertEquals("aes", go.hasher());
        assertEquals(65536, go.size());
        assertEquals(862, go.p50());
        assertEquals(118335, go.p9999());
        assertEquals(128767, go.max());
        assertEquals(96.1, go.mean());
        assertEquals(65536, go.count());
    }

    @Test
    void fillTimeIsMeanLessTimerCostTimesInserts() {
        // (96.1 - 46.1) ns * 65536 inserts = 3,276,800 ns = 3.2768 ms
        assertEquals(3.2768, GrowthCostStudy.fillMs(GrowthCostStudy.ProbeLine.parse(GO),
            GrowthCostStudy.ProbeLine.parse(TIMER)), 1e-9);
    }

    @Test
    void aLineInAnotherFormatIsRejectedNamingTheExpectedColumns() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> GrowthCostStudy.ProbeLine.parse("RESULT go,aes,1,2"));
        assertTrue(e.getMessage().contains("impl,hasher,key_kind,size"), e.getMessage());
        // the line the probe printed before its gc and per-fill fields
        assertThrows(IllegalArgumentException.class, () -> GrowthCostStudy.ProbeLine.parse(
            "RESULT jdk,none,long-random,65536,80,261,821,283391,4073471,393.9,65536,ns"));
        assertThrows(IllegalArgumentException.class,
            () -> GrowthCostStudy.ProbeLine.parse(PEER.replace(",ns,", ",us,")));
    }

    private static final String SWISS =
        "RESULT swiss-swar,aes,long-random,65536,70,150,900,2500,90000,60.2,65536,ns,g1,1,90000,90000";

    /** A probe line pair (timer, map) as the study collects them. */
    private static GrowthCostStudy.ProbeLine[] pair(String mapLine) {
        return new GrowthCostStudy.ProbeLine[] {GrowthCostStudy.ProbeLine.parse(TIMER),
            GrowthCostStudy.ProbeLine.parse(mapLine)};
    }

    /** A swiss-swar line at 4M keys with this largest insert, built by hand. */
    private static GrowthCostStudy.ProbeLine[] swissAt4m(long maxNs) {
        return new GrowthCostStudy.ProbeLine[] {GrowthCostStudy.ProbeLine.parse(TIMER),
            new GrowthCostStudy.ProbeLine("swiss-swar", "aes", 1 << 22, 70, 150, 900, 2500, maxNs, 60.2, 1 << 22)};
    }

    @Test
    void theStudyFillsTheClassicAndTheSwissModelsAndThePeers() {
        assertEquals(List.of("go-generic", "go-fast64", "swiss-swar", "eclipse", "agrona", "fastutil", "jdk"),
            GrowthCostStudy.impls());
        for (String impl : GrowthCostStudy.impls()) {
            assertEquals(impl, MapRegistry.requireKnown(impl));
        }
        assertTrue(MapRegistry.isGo("swiss-swar"), "swiss-swar takes the Go-side hasher");
    }

    @Test
    void reportComparesTheWorstInsertOfThePeersWithEachGoModel() {
        final String md = GrowthCostStudy.markdown(List.of(pair(GO), pair(SWISS), pair(PEER)), 65536);
        // 4073471 / 128767 = 31.6; 4073471 / 90000 = 45.3
        assertTrue(md.contains("into the classic model go-generic/aes took 0.13 ms; jdk 4.07 ms (31.6x)."), md);
        assertTrue(md.contains("into the Swiss model swiss-swar/aes took 0.09 ms; jdk 4.07 ms (45.3x)."), md);
        assertTrue(md.contains("| swiss-swar/aes | 65536 | 70 | 150 | 900 | 2500 | 90000 |"), md);
    }

    @Test
    void theSwissGoalIsMetByAnInsertOf900MicrosecondsAt4m() {
        final String md = GrowthCostStudy.markdown(List.of(pair(GO), swissAt4m(900_000)), 1 << 22);
        assertTrue(md.contains("Goal: largest single insert filling to 4M keys (2^22): swiss-swar/aes 0.900 ms,"
            + " goal <= 1 ms: met (one fill: the max is a single observation; p99.99 0.003 ms)."), md);
    }

    @Test
    void theSwissGoalIsMissedByAnInsertOf1100MicrosecondsAt4m() {
        final String md = GrowthCostStudy.markdown(List.<GrowthCostStudy.ProbeLine[]>of(swissAt4m(1_100_000)), 1 << 22);
        assertTrue(md.contains("swiss-swar/aes 1.100 ms, goal <= 1 ms: missed"), md);
    }

    @Test
    void theSwissGoalIsNotMeasuredWithoutAFillTo4m() {
        final String md = GrowthCostStudy.markdown(List.of(pair(GO), pair(SWISS)), 65536);
        assertTrue(md.contains("swiss-swar not measured (this run has no fill to 4194304 keys)"), md);
        assertFalse(md.contains(": met") || md.contains(": missed"), md);
    }

    @Test
    void theReportSaysWhyASwissInsertIsBounded() {
        final String md = GrowthCostStudy.markdown(List.<GrowthCostStudy.ProbeLine[]>of(pair(SWISS)), 65536);
        assertTrue(md.contains("at most 1024 slots plus the directory copy"), md);
    }
}
