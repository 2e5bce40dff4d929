package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmaplab.hash.Hashers;
import org.hmaplab.core.GoLoadFactorTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The load-factor study on small tables, and its copy of Go's table against Go's source. */
class GoLoadFactorStudyTest {

    @Test
    void fullTableAtLoadFactorSixAndAHalfHasGoDefinitionsFigures() {
        final GoLoadFactorStudy.Row r = GoLoadFactorStudy.measure(13, 8, 2, Hashers.byName("go"), 42);
        assertEquals(6.5, r.loadFactor());
        // 13 * 256 / 2 = 1664 keys in 256 buckets: exactly 6.5 entries per chain
        assertEquals(6.5, r.missProbe(), 1e-12);
        // Poisson expectation lambda/2 + 1 = 4.25; two tables of 1664 keys: well within 0.25
        assertEquals(4.25, r.hitProbe(), 0.25);
        // about a fifth of the buckets overflow at 6.5 (Go: 20.90 %); small tables are noisy
        assertTrue(r.overflowPct() > 12 && r.overflowPct() < 30, "overflow % " + r.overflowPct());
        // overhead bytes per pair: (256 + overflow) * 144 / 1664 - 16 >= 256 * 144 / 1664 - 16 = 6.15
        assertTrue(r.bytesPerEntry() > 6.15 && r.bytesPerEntry() < 16, "bytes/entry " + r.bytesPerEntry());
        // the generic path also reads the emptyRest slot that stops a miss
        assertTrue(r.genericMissSlots() > r.missProbe());
    }

    @Test
    void embeddedGoTableEqualsTheHeaderCommentOfGo119MapGo() throws Exception {
        final Path mapGo = Path.of("/usr/lib/go-1.19/src/runtime/map.go");
        Assumptions.assumeTrue(Files.isRegularFile(mapGo), "Go 1.19 source not installed");
        final Matcher m = Pattern.compile("//\\s+(\\d\\.\\d\\d)\\s+(\\d+\\.\\d\\d)\\s+(\\d+\\.\\d\\d)\\s+(\\d\\.\\d\\d)"
            + "\\s+(\\d\\.\\d\\d)").matcher(Files.readString(mapGo));
        int row = 0;
        while (m.find()) {
            for (int c = 0; c < 5; c++) {
                assertEquals(Double.parseDouble(m.group(c + 1)), GoLoadFactorTable.row(row)[c], 1e-9,
                    "row " + row + " column " + c);
            }
            row++;
        }
        assertEquals(GoLoadFactorTable.ROWS, row);
    }
}
