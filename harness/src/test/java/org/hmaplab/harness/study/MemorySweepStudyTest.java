package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.core.GoMapRules;
import org.hmaplab.core.swiss.SwissLongLongMap;
import org.hmaplab.core.swiss.SwissLookupStyle;
import org.hmaplab.core.swiss.SwissStats;
import org.hmaplab.core.swiss.SwissTableStats;
import org.hmaplab.core.swiss.SwissVersion;
import org.hmaplab.harness.archive.RunMetadata;
import org.hmaplab.harness.cli.StudyCommand;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory-sweep study: its sizes are log-uniform, its JOL figures agree with byte counts
 * worked out by hand from the maps' documented layouts, and its quick run archives both CSVs and
 * a report with the verdict.
 */
class MemorySweepStudyTest {

    /** A compressed-oops, 64-bit HotSpot array header: mark word, class word, length. */
    private static final long ARRAY_HEADER = 16;

    @TempDir
    Path tmp;

    @Test
    void quickSweepIsTwoSizesPerDoublingFrom2To10To2To14() {
        // 2^(10 + k/2) for k = 0..8: the odd k are 2^10.5 = 1448.15, 2^11.5 = 2896.31, 2^12.5 = 5792.62,
        // 2^13.5 = 11585.24, rounded
        assertArrayEquals(new int[] {1024, 1448, 2048, 2896, 4096, 5793, 8192, 11585, 16384},
            MemorySweepStudy.sizes(true));
    }

    @Test
    void fullSweepIsFourSizesPerDoublingFrom2To10To2To24() {
        final int[] sizes = MemorySweepStudy.sizes(false);
        // 14 doublings x 4 steps, both ends included
        assertEquals(57, sizes.length);
        assertEquals(1 << 10, sizes[0]);
        assertEquals(1 << 24, sizes[56]);
        for (int k = 0; k < sizes.length; k += 4) {
            assertEquals(1 << (10 + k / 4), sizes[k], "k = " + k + " is a power of two");
        }
        // 2^10.25 = 1217.748, 2^10.75 = 1722.156, 2^23.75 = 14,107,900.79 (40-digit Decimal in Python)
        assertEquals(1218, sizes[1]);
        assertEquals(1722, sizes[3]);
        assertEquals(14_107_901, sizes[55]);
        // equally spaced in log2: every step is 2^(1/4) = 1.1892 up to rounding
        for (int k = 1; k < sizes.length; k++) {
            assertEquals(1.189207, (double) sizes[k] / sizes[k - 1], 0.001, "step " + k);
        }
    }

    /**
     * fastutil's Long2LongOpenHashMap at 1024 keys: load factor 0.75, power-of-two tables from 16,
     * doubling when size exceeds 0.75 x capacity; 1024 > 768 so the table has 2048 slots. Its key and
     * value arrays have capacity + 1 longs (the extra slot holds key 0): 16 + 2049 x 8 = 16,408 bytes
     * each. The map object and the adapter come on top: a few dozen bytes.
     */
    @Test
    void fastutilAt1024KeysIsTwoLongArraysOf2049PlusTheObjects() {
        final MemorySweepStudy.Point p = MemorySweepStudy.measure("fastutil", Hashers.byName("go"), 1024);
        final long arrays = 2 * (ARRAY_HEADER + 2049 * 8);
        assertTrue(p.bytes() >= arrays + 32 && p.bytes() <= arrays + 160, "bytes " + p.bytes() + " vs arrays "
            + arrays);
        assertEquals(32.05, p.bytesPerEntry(), 0.12);
        assertEquals("none", p.hasher());
    }

    /**
     * The Swiss map at 2^12 keys, from its documented layout: each table is one long[] of 17 longs
     * (136 bytes) per 8-slot group, so a table of c slots holds 16 + 17 c bytes of array; the
     * directory, the table objects and the map object come on top. The
     * tables are read from a second map built the way the registry builds swiss-swar (same hasher,
     * seed, version, keys), and the hasher is not counted.
     */
    @Test
    void swissAt4096KeysIsSeventeenBytesPerSlotPlusTheTableObjects() {
        final Hasher hasher = Hashers.byName("go");
        final int n = 1 << 12;
        final SwissLongLongMap twin = new SwissLongLongMap(hasher, GoMapRules.seedsStartingWith(MapRegistry.GO_SEED),
            0, SwissVersion.NEWEST, SwissLookupStyle.SWAR);
        final SplittableRandom keys = new SplittableRandom(MemorySweepStudy.KEY_SEED);
        for (int i = 0; i < n; i++) {
            final long k = keys.nextLong();
            twin.put(k, k, Long.MIN_VALUE);
        }
        final SwissStats stats = twin.stats();
        assertEquals(n, stats.used());
        long arrays = 0;
        for (SwissTableStats t : stats.tables()) {
            assertEquals(0, t.capacity() % 8);
            arrays += ARRAY_HEADER + t.capacity() / 8 * 136;
        }
        // the directory: a reference array of dirLen entries, 16 + 4 per entry
        final long directory = ARRAY_HEADER + 4L * stats.dirLen();
        final MemorySweepStudy.Point p = MemorySweepStudy.measure("swiss-swar", hasher, n);
        assertEquals("go", p.hasher());
        // on top: one table object per table (a reference to its array and a few int counters: at most
        // 64 bytes), the map object, the adapter, the seed supplier (a lambda over a SplittableRandom),
        // the version, layout and lookup-style enum constants with their names, small arrays: under 512 bytes
        final long low = arrays + directory;
        final long high = low + 64L * stats.tableCount() + 512;
        assertTrue(p.bytes() >= low && p.bytes() <= high, "bytes " + p.bytes() + " vs by hand " + low + ".." + high);
        // the groups dominate: within 2 % of the arrays alone
        assertEquals((double) arrays / n, p.bytesPerEntry(), 0.02 * arrays / n);
        // at most 7/8 full: at least 8/7 x 17 bytes per entry
        assertTrue(p.bytesPerEntry() >= 17.0 * 8 / 7, "bytes/entry " + p.bytesPerEntry());
    }

    @Test
    void quickRunArchivesEveryMapAtEverySizeSummaryAndVerdict() throws Exception {
        final Path dir = StudyCommand.run(new MemorySweepStudy(), tmp, true, new PrintWriter(new StringWriter()));
        final List<String> rows = Files.readAllLines(dir.resolve("memory-sweep.csv"));
        assertEquals("impl,hasher,size,bytes,bytes_per_entry", rows.getFirst());
        final List<String> maps = List.of("swiss-swar", "go-fast64", "eclipse", "agrona", "fastutil", "jdk");
        // 9 sizes (2^10..2^14, 2 per doubling) x 6 maps, all under the JDK cap and small enough for any heap
        assertEquals(1 + 9 * maps.size(), rows.size());
        final Set<String> seen = new HashSet<>();
        final Map<String, Long> bytesAt = new HashMap<>();
        for (String r : rows.subList(1, rows.size())) {
            final String[] f = r.split(",");
            assertEquals(5, f.length, r);
            seen.add(f[0] + "@" + f[2]);
            final long bytes = Long.parseLong(f[3]);
            final int size = Integer.parseInt(f[2]);
            // a long key and a long value are 16 bytes; no map stores them in less
            assertTrue(bytes >= 16L * size, r);
            assertEquals((double) bytes / size, Double.parseDouble(f[4]), 0.001, r);
            assertEquals(f[0].startsWith("swiss-") || f[0].startsWith("go-"), !f[1].equals("none"), r);
            bytesAt.put(f[0] + "@" + f[2], bytes);
        }
        for (String m : maps) {
            for (int s : new int[] {1024, 1448, 2048, 2896, 4096, 5793, 8192, 11585, 16384}) {
                assertTrue(seen.contains(m + "@" + s), m + " at " + s);
            }
        }
        final List<String> summary = Files.readAllLines(dir.resolve("memory-sweep-summary.csv"));
        assertEquals("impl,hasher,sizes,largest_size,common_sizes,mean_bytes_per_entry_common,mean_bytes_per_entry,"
            + "min_bytes_per_entry,max_bytes_per_entry,largest_rise,skipped", summary.getFirst());
        assertEquals(1 + maps.size(), summary.size());
        for (int i = 0; i < maps.size(); i++) {
            final String[] f = summary.get(i + 1).split(",");
            assertEquals(maps.get(i), f[0]);
            assertEquals("9", f[2]);
            assertEquals("16384", f[3]);
            assertEquals("9", f[4]);
            final double min = Double.parseDouble(f[7]);
            final double max = Double.parseDouble(f[8]);
            final double mean = Double.parseDouble(f[6]);
            assertTrue(min <= mean && mean <= max, summary.get(i + 1));
            assertEquals("0", f[10]);
            if (maps.get(i).equals("fastutil")) {
                // its largest rise is the doubling between 1448 keys (2048 slots) and 2048 keys (4096 slots):
                // (2 x (16 + 4097 x 8) / 2048) / (2 x (16 + 2049 x 8) / 1448) = 32.0625 / 22.663 = 1.4148
                assertEquals(1.4148, Double.parseDouble(f[9]), 0.01, summary.get(i + 1));
            }
        }
        // fastutil at 1024 and at 1448 keys: the same 2048-slot table (1448 <= 0.75 x 2048 = 1536), the same bytes;
        // at 2048 keys (> 1536) twice the arrays: 2 x (16 + 4097 x 8)
        assertEquals(bytesAt.get("fastutil@1024"), bytesAt.get("fastutil@1448"));
        assertEquals(2 * (ARRAY_HEADER + 4097 * 8) - 2 * (ARRAY_HEADER + 2049 * 8),
            bytesAt.get("fastutil@2048") - bytesAt.get("fastutil@1024"));
        final String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.startsWith("# Study: memory-sweep\n"), report);
        final Matcher v = Pattern.compile("Goal \"Swiss bytes per entry, mean over the log-uniform sweep"
            + " 2\\^10\\.\\.2\\^24: <= fastutil's\": \\*\\*(met|missed)\\*\\*:"
            + " swiss-swar ([0-9.]+) bytes/entry, fastutil ([0-9.]+)")
            .matcher(report);
        assertTrue(v.find(), report);
        final boolean met = Double.parseDouble(v.group(2)) <= Double.parseDouble(v.group(3));
        assertEquals(met ? "met" : "missed", v.group(1));
        assertFalse(report.contains("## Bytes per entry at every size"), "the per-size table is for the full sweep");
        assertTrue(report.contains("Shape. Expected: the Swiss map grows by extendible hashing"), report);
        final RunMetadata meta = RunMetadata.read(dir.resolve("metadata.json"));
        assertEquals("study-memory-sweep", meta.get("kind"));
        assertEquals(Long.toHexString(MemorySweepStudy.KEY_SEED), meta.get("study_key_seed"));
        assertEquals("1024,1448,2048,2896,4096,5793,8192,11585,16384", meta.get("study_sizes"));
        for (String r : rows.subList(1, rows.size())) {
            final String[] f = r.split(",");
            if (!f[1].equals("none")) {
                assertEquals(meta.get("study_hasher"), f[1], r);
            }
        }
    }
}
