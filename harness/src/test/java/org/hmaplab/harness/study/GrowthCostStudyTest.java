package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the insert-latency probe's lines and the fill time derived from them. */
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

    @Test
    void reportComparesTheWorstInsertOfThePeersWithGo() {
        final String md = GrowthCostStudy.markdown(List.of(
            new GrowthCostStudy.ProbeLine[] {GrowthCostStudy.ProbeLine.parse(TIMER),
                GrowthCostStudy.ProbeLine.parse(GO)},
            new GrowthCostStudy.ProbeLine[] {GrowthCostStudy.ProbeLine.parse(TIMER),
                GrowthCostStudy.ProbeLine.parse(PEER)}), 65536);
        // 4073471 / 128767 = 31.6
        assertTrue(md.contains("go-generic took 0.13 ms; jdk 4.07 ms (31.6x)"), md);
    }
}
