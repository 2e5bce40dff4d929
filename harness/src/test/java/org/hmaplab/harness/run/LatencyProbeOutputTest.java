package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The latency probe's result line becomes a latency.csv row with the probe JVM's collector; gc names are checked. */
class LatencyProbeOutputTest {

    @Test
    void aProbeLineBecomesARowInTheArchiveColumnOrderEndingWithTheCollector() {
        List<String> row = RunCommand.latencyRow("go-fast64,go,long-random,4194304,251,1763,2655,56767,1475583,412.6,"
            + "4194304,ns,zgc");
        assertEquals(ArchiveFormat.LATENCY_COLUMNS.size(), row.size());
        assertEquals(List.of("go-fast64", "4194304", "251", "1763", "2655", "56767", "1475583", "4194304", "ns", "go",
            "long-random", "fast64", "412.6", "zgc"), row);
        assertEquals("gc", ArchiveFormat.LATENCY_COLUMNS.get(row.size() - 1));
    }

    @Test
    void aLineWithoutTheCollectorIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunCommand.latencyRow(
            "go-fast64,go,long-random,4194304,251,1763,2655,56767,1475583,412.6,4194304,ns"));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
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
