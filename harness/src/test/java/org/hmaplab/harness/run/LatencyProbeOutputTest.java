package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.bench.KeyKind;
import org.junit.jupiter.api.Test;

/**
 * The latency probe's per-fill maxima and result line, and how a line becomes a latency.csv row with
 * the probe JVM's collector; gc names are checked. Latencies are hand-made and below 2048 ns, which
 * HdrHistogram with 3 significant digits records exactly.
 */
class LatencyProbeOutputTest {

    /** Records each fill's hand-made latencies the way the probe records its measured fills. */
    private static InsertLatencyProbe.Rounds record(long[]... fills) {
        InsertLatencyProbe.Rounds rounds = new InsertLatencyProbe.Rounds(fills.length);
        for (long[] fill : fills) {
            Histogram h = rounds.next();
            for (long v : fill) {
                h.recordValue(v);
            }
            rounds.finish();
        }
        return rounds;
    }

    @Test
    void eachFillKeepsItsOwnLargestInsertAndAllFillsShareOneHistogram() {
        InsertLatencyProbe.Rounds r = record(new long[] {3, 5, 2}, new long[] {1}, new long[] {9, 4});
        assertArrayEquals(new long[] {5, 1, 9}, r.maxima());
        assertEquals(6, r.all().getTotalCount());
        assertEquals(9, r.all().getMaxValue());
        assertEquals(1, r.all().getMinValue());
    }

    @Test
    void theResultLineReportsTheFillCountTheMedianAndTheSmallestOfTheFillMaxima() {
        InsertLatencyProbe.Rounds r = record(new long[] {3, 5, 2}, new long[] {1}, new long[] {9, 4});
        Map<String, String> f = InsertLatencyProbe.parse(InsertLatencyProbe.line("go-fast64", "go",
            KeyKind.LONG_RANDOM, 6, r.all(), r.maxima()));
        // maxima {5, 1, 9}: largest 9, median 5, smallest 1
        assertEquals("9", f.get("max"));
        assertEquals("3", f.get("rounds"));
        assertEquals("5", f.get("max_median"));
        assertEquals("1", f.get("max_min"));
        assertEquals("6", f.get("count"));
        assertEquals("4.0", f.get("mean"), "(3 + 5 + 2 + 1 + 9 + 4) / 6");
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValue() {
        assertEquals(4, InsertLatencyProbe.lowerMedian(new long[] {9, 1, 7, 4}), "sorted 1 4 7 9");
        assertEquals(7, InsertLatencyProbe.lowerMedian(new long[] {7}));
        assertEquals(2, InsertLatencyProbe.lowerMedian(new long[] {8, 2}));
        assertThrows(IllegalArgumentException.class, () -> InsertLatencyProbe.lowerMedian(new long[0]));
    }

    @Test
    void aFillCannotBeRecordedBeyondTheRoundsAsked() {
        InsertLatencyProbe.Rounds r = record(new long[] {1});
        assertThrows(IllegalStateException.class, r::next);
    }

    @Test
    void zeroRoundsAreRefusedBeforeAnythingIsMeasured() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InsertLatencyProbe.main(
            new String[] {"go-fast64", "go", "long-random", "16", "0"}));
        assertEquals("rounds must be at least 1 (measured fills), got 0", e.getMessage());
    }

    @Test
    void aProbeLineBecomesARowInTheArchiveColumnOrderEndingWithTheCollectorAndTheFillMaxima() {
        List<String> row = BenchRun.latencyRow("go-fast64,go,long-random,4194304,251,1763,2655,56767,1475583,412.6,"
            + "20971520,ns,zgc,5,310271,250111");
        assertEquals(ArchiveFormat.LATENCY_COLUMNS.size(), row.size());
        assertEquals(List.of("go-fast64", "4194304", "251", "1763", "2655", "56767", "1475583", "20971520", "ns", "go",
            "long-random", "fast64", "412.6", "zgc", "5", "310271", "250111"), row);
        assertEquals(List.of("gc", "rounds", "max_median", "max_min"),
            ArchiveFormat.LATENCY_COLUMNS.subList(row.size() - 4, row.size()));
    }

    @Test
    void aLineWithoutTheFillMaximaIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BenchRun.latencyRow(
            "go-fast64,go,long-random,4194304,251,1763,2655,56767,1475583,412.6,4194304,ns,zgc"));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        assertTrue(e.getMessage().contains("rounds,max_median,max_min"), e.getMessage());
    }

    @Test
    void theCollectorOfThisJvmIsNamed() {
        // the test JVM runs the JDK's default collector, G1, unless the build says otherwise
        String gc = InsertLatencyProbe.collector();
        assertTrue(CellRunner.GC_OPTIONS.containsKey(gc) || gc.equals("shenandoah"), gc);
    }

    @Test
    void anUnknownCollectorNameListsTheValidOnes() {
        assertEquals("-XX:+UseZGC", CellRunner.gcOption("zgc"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellRunner.gcOption("cms"));
        assertEquals("unknown gc 'cms'; valid: g1, parallel, serial, zgc", e.getMessage());
    }
}
