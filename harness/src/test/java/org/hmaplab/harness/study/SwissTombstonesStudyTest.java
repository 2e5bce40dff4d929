package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hmaplab.core.swiss.SwissVersion;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.cli.StudyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swiss-tombstones study on a window of 100 keys, with expectations taken from Go's rules
 * (docs/go-swiss-map.md), and its archive.
 */
class SwissTombstonesStudyTest {

    private static final Hasher GO = Hashers.byName("go");
    private static final int WINDOW = 100;
    private static final int ROUNDS = 200;
    private static final int EVERY = 10;

    @TempDir
    Path tmp;

    /**
     * W = 100. Need (5.5): hint 100 -> target 100 * 8 / 7 = 114 -> one table of pow2(114) = 128 slots.
     * Fill from empty (4.8): tables of 16, 32, 64 and 128 slots at inserts 9, 15, 29, 57, the next
     * growth only at 113, so 128 slots with growthLeft 112 - 100 = 12. When the churn has used those
     * 12, the table holds 112 - 100 = 12 tombstones, under 10 % of 128 (12.8): no version can prune
     * (7.1) and the table doubles to 256 (5.1). From then on the versions differ only at the next
     * moment growthLeft is 0: 1.24 doubles again (7.2, no pruning), 1.26 prunes (124 tombstones, 48 %)
     * and, by Go's own TestTombstoneGrow, grows at most once in a churn at constant size. 1.27 changes
     * only the small map's rule for updates (4.4), which distinct keys never meet: identical to 1.26.
     */
    @Test
    void go124OutgrowsTheTableGo126KeepsUnderTheSameChurn() {
        final SwissTombstonesStudy.Run v24 = run(SwissVersion.GO1_24);
        final SwissTombstonesStudy.Run v26 = run(SwissVersion.GO1_26);
        final SwissTombstonesStudy.Run v27 = run(SwissVersion.GO1_27);
        for (SwissTombstonesStudy.Run r : List.of(v24, v26, v27)) {
            assertEquals(128, r.needCapacity(), r.version() + " need");
            assertEquals(128, r.fillCapacity(), r.version() + " after the fill");
            assertEquals(12, r.samples().getFirst().stats().growthLeft(), r.version() + " growthLeft after the fill");
            assertEquals(WINDOW * ROUNDS / EVERY + 1, r.samples().size());
            assertCapacityNeverShrinks(r);
        }
        assertEquals(256, v26.maxCapacity(), "1.26 doubles once (128 cannot prune) and then only prunes");
        assertEquals(256, v26.last().stats().capacity());
        assertTrue(v24.maxCapacity() > v26.maxCapacity(), "1.24 " + v24.maxCapacity() + " vs 1.26 "
            + v26.maxCapacity());
        assertTrue(v24.blowup() >= 4.0, "1.24 blow-up " + v24.blowup());
        assertEquals(2.0, v26.blowup());
        assertEquals(v26.samples(), v27.samples(), "1.27 equals 1.26 at every sample");

        // Same keys, same rules until the first moment pruning applies: the first sample where 1.24
        // and 1.26 differ is one where 1.24 has grown past 256 slots and 1.26 has not.
        int first = 0;
        while (v24.samples().get(first).equals(v26.samples().get(first))) {
            first++;
        }
        assertEquals(512, v24.samples().get(first).stats().capacity(), "1.24 at the first difference");
        assertEquals(256, v26.samples().get(first).stats().capacity(), "1.26 at the first difference");

        // 1.24 removes tombstones only by growing or by an insert reusing one (one per operation);
        // a 1.26 prune frees at least 10 % of 256 slots (26) in one insert.
        assertTrue(largestTombstoneDropWithoutGrowth(v24) <= EVERY, "1.24 drops at most 1 per op: "
            + largestTombstoneDropWithoutGrowth(v24));
        assertTrue(largestTombstoneDropWithoutGrowth(v26) >= 26, "1.26 prunes: largest drop "
            + largestTombstoneDropWithoutGrowth(v26));
    }

    private static SwissTombstonesStudy.Run run(SwissVersion version) {
        return SwissTombstonesStudy.churn(WINDOW, ROUNDS, EVERY, version, GO);
    }

    private static void assertCapacityNeverShrinks(SwissTombstonesStudy.Run r) {
        long previous = 0;
        for (SwissTombstonesStudy.Sample s : r.samples()) {
            assertTrue(s.stats().capacity() >= previous, r.version() + " capacity fell at op " + s.op());
            assertEquals(WINDOW, s.stats().used());
            previous = s.stats().capacity();
        }
        assertEquals(r.maxCapacity(), r.last().stats().capacity(), "tables never shrink (5.6)");
    }

    private static long largestTombstoneDropWithoutGrowth(SwissTombstonesStudy.Run r) {
        long largest = 0;
        for (int i = 1; i < r.samples().size(); i++) {
            final SwissTombstonesStudy.Sample a = r.samples().get(i - 1);
            final SwissTombstonesStudy.Sample b = r.samples().get(i);
            if (a.stats().capacity() == b.stats().capacity()) {
                largest = Math.max(largest, a.stats().tombstones() - b.stats().tombstones());
            }
        }
        return largest;
    }

    @Test
    void quickRunArchivesSamplesSummaryReportAndSeeds() throws Exception {
        final Path dir = StudyCommand.run(new SwissTombstonesStudy(), tmp, true, new PrintWriter(new StringWriter()));
        final List<String> samples = Files.readAllLines(dir.resolve("swiss-tombstones.csv"));
        assertEquals("window,go_version,op,keys_inserted,used,capacity,table_count,dir_len,global_depth,growth_left,"
            + "tombstones,tombstone_pct,capacity_over_need", samples.getFirst());
        // quick: W = 1,000 and 10,000, 20 x W operations, a sample every W/2 plus the one after the fill
        assertEquals(1 + 2 * 3 * (20 * 2 + 1), samples.size());
        assertTrue(samples.get(1).startsWith("1000,1.24,0,1000,1000,"), samples.get(1));
        final List<String> summary = Files.readAllLines(dir.resolve("swiss-tombstones-summary.csv"));
        assertEquals("window,go_version,ops,need_capacity,fill_capacity,final_capacity,max_capacity,blowup,"
            + "max_blowup,final_table_count,final_global_depth,final_tombstones,final_tombstone_pct,"
            + "mean_tombstone_pct,max_tombstone_pct,last_growth_op", summary.getFirst());
        assertEquals(7, summary.size());
        // need for W = 1,000 (5.5): target 1142 -> 2 tables of pow2(571) = 1024 slots
        assertTrue(summary.get(1).startsWith("1000,1.24,20000,2048,"), summary.get(1));
        final String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.startsWith("# Study: swiss-tombstones\n"), report);
        assertTrue(report.contains("W = 10,000, after 200,000 operations: 1.24 ends at"), report);
        final RunMetadata meta = RunMetadata.read(dir.resolve("metadata.json"));
        assertEquals("study-swiss-tombstones", meta.get("kind"));
        assertEquals(Long.toHexString(SwissTombstonesStudy.SEED), meta.get("study_seed"));
        assertEquals("go", meta.get("study_hasher"));
        assertEquals("1000,10000", meta.get("study_windows"));
    }
}
