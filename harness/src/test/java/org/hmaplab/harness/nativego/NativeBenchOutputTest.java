package org.hmaplab.harness.nativego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parser of the Go program's output (format 1 of harness/src/main/go/nativebench/main.go). */
class NativeBenchOutputTest {
    private static final String GOOD = """
        nativebench 1
        go_version go1.19.8
        gogc default
        cell op=get family=int64 size=1024 probes=1024
        check hits=512 of=1024
        warmup 1 ns_per_op 12.5 ops 1024000 gcs 0
        measure 1 ns_per_op 10.25 ops 2048000 gcs 1
        measure 2 ns_per_op 9.75 ops 2097152 gcs 0
        sink 123456789
        """;

    @Test
    void readsEveryRecordOfAWellFormedRun() {
        NativeBenchOutput o = NativeBenchOutput.parse(GOOD);
        assertEquals("go1.19.8", o.goVersion());
        assertEquals("default", o.gogc());
        assertEquals("get", o.cell().get("op"));
        assertEquals("1024", o.cell().get("size"));
        assertEquals(512, o.hits());
        assertEquals(1024, o.probes());
        assertEquals(1, o.warmups().size());
        assertEquals(2, o.measurements().size());
        assertEquals(10.25, o.measurements().get(0).nsPerOp());
        assertEquals(1, o.measurements().get(0).gcs());
        assertEquals(2097152, o.measurements().get(1).ops());
        assertEquals("123456789", o.sink());
    }

    @Test
    void aGoVersionWithAnExperimentIsKeptWhole() {
        NativeBenchOutput o = NativeBenchOutput.parse(GOOD.replace("go1.19.8", "go1.24.4 X:noswissmap"));
        assertEquals("go1.24.4 X:noswissmap", o.goVersion());
    }

    @Test
    void anUnknownRecordIsRefusedWithItsLineNumber() {
        String bad = GOOD.replace("sink", "sunk");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeBenchOutput.parse(bad));
        assertTrue(e.getMessage().contains("line 9"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown record 'sunk'"), e.getMessage());
    }

    @Test
    void aBadNumberIsRefusedWithItsLine() {
        String bad = GOOD.replace("ns_per_op 9.75", "ns_per_op nine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeBenchOutput.parse(bad));
        assertTrue(e.getMessage().contains("line 8") && e.getMessage().contains("bad number"), e.getMessage());
    }

    @Test
    void anotherFormatVersionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> NativeBenchOutput.parse(GOOD.replace("nativebench 1", "nativebench 2")));
        assertTrue(e.getMessage().contains("format 2"), e.getMessage());
    }

    @Test
    void aRunCutShortBeforeItsSinkIsIncomplete() {
        String cut = GOOD.substring(0, GOOD.indexOf("sink"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeBenchOutput.parse(cut));
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    @Test
    void aMalformedIterationLineIsRefused() {
        String bad = GOOD.replace("measure 1 ns_per_op 10.25 ops 2048000 gcs 1", "measure 1 10.25");
        assertThrows(IllegalArgumentException.class, () -> NativeBenchOutput.parse(bad));
        String zero = GOOD.replace("ns_per_op 10.25", "ns_per_op 0");
        assertThrows(IllegalArgumentException.class, () -> NativeBenchOutput.parse(zero));
    }
}
