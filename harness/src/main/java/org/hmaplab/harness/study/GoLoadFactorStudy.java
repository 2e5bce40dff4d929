package org.hmaplab.harness.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hmaplab.core.GoLoadFactorTable;
import org.hmaplab.core.GoLongLongMap;
import org.hmaplab.core.LookupStyle;
import org.hmaplab.core.MapOptions;
import org.hmaplab.core.MapStats;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Study {@code go-load-factor}: reproduces the table in the header comment of Go 1.19's
 * {@code runtime/map.go} with {@link GoLongLongMap} at load factors 4.0 to 8.0 (num/2, num = 8..16).
 *
 * <p>Method, following the comment's definitions ("maximally loaded tables, i.e. just before the
 * table grows", 8-byte keys and elems): a map is made with the size hint {@code num * 2^B / 2},
 * which is the largest count at 2^B buckets that does not start a growth, and filled with that
 * many distinct random keys; then, from {@code stats()}:
 * <ul>
 *   <li>%overflow = percentage of main buckets that have an overflow bucket (chain length &gt;= 2,
 *   from the chain length histogram);</li>
 *   <li>bytes/entry = overhead bytes per key/elem pair:
 *   {@code (bucketCount + overflowBucketsInUse) * 144 / count - 16} (a 144-byte bucket of
 *   map[int64]int64, less the 16 bytes of the pair itself);</li>
 *   <li>hitprobe = entries checked looking up a present key: {@code avgProbesHit} under the GENERIC
 *   lookup style, which counts the tophash reads up to the hit - with no deletes, the key's
 *   position in its chain;</li>
 *   <li>missprobe = entries checked looking up an absent key: the entries in its chain, on average
 *   {@code count / bucketCount}. The GENERIC style's own miss count ({@code avgProbesMiss}, slots read
 *   until emptyRest, which includes the empty slot that stops it) is printed beside it.</li>
 * </ul>
 * Averaged over several tables with different seeds and keys.
 */
public final class GoLoadFactorStudy implements Study {

    /** Bucket bytes of map[int64]int64 (GO-MAP-SPEC 2.4). */
    static final int BUCKET_BYTES = 144;
    /** Bytes of one int64/int64 pair. */
    static final int PAIR_BYTES = 16;
    /** Load-factor denominator of the study. */
    static final int DEN = 2;
    /** Seed of the per-table seeds. */
    static final long SEED = 0x10AD_FAC7_0000_0001L;

    @Override
    public String name() {
        return "go-load-factor";
    }

    @Override
    public String summary() {
        return "reproduces the load-factor table of Go 1.19's map.go with GoLongLongMap";
    }

    /**
     * One load factor's averaged measurement.
     *
     * @param loadFactor   num/2
     * @param overflowPct  % of main buckets with an overflow bucket
     * @param bytesPerEntry overhead bytes per pair
     * @param hitProbe     entries checked for a hit
     * @param missProbe    entries checked for a miss (entries in the chain)
     * @param genericMissSlots slots the GENERIC style reads for a miss (to the emptyRest stop)
     */
    public record Row(double loadFactor, double overflowPct, double bytesPerEntry, double hitProbe,
                      double missProbe, double genericMissSlots) {
    }

    /** Measures load factor num/2 on {@code tables} maps of 2^b buckets. */
    public static Row measure(int num, int b, int tables, Hasher hasher, long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed ^ num);
        final MapOptions opts = MapOptions.DEFAULT.withLookupStyle(LookupStyle.GENERIC).withLoadFactor(num, DEN);
        final int count = (int) ((long) num * ((1L << b) / DEN));
        double ovf = 0;
        double bpe = 0;
        double hit = 0;
        double miss = 0;
        double genericMiss = 0;
        for (int t = 0; t < tables; t++) {
            final GoLongLongMap map = new GoLongLongMap(hasher, rnd.nextLong(), count, opts);
            while (map.size() < count) {
                map.put(rnd.nextLong(), 1L, Long.MIN_VALUE);
            }
            final MapStats s = map.stats();
            if (s.B() != b || s.growing()) {
                throw new IllegalStateException("load factor " + num + "/" + DEN + ": expected a full table at B = "
                    + b + " without growth, got B = " + s.B() + ", growing = " + s.growing());
            }
            long withOverflow = 0;
            for (int len = 2; len < s.chainLengthHistogram().size(); len++) {
                withOverflow += s.chainLengthHistogram().get(len);
            }
            ovf += 100.0 * withOverflow / s.bucketCount();
            bpe += (double) (s.bucketCount() + s.overflowBucketsInUse()) * BUCKET_BYTES / s.count() - PAIR_BYTES;
            hit += s.avgProbesHit();
            miss += (double) s.count() / s.bucketCount();
            genericMiss += s.avgProbesMiss();
        }
        return new Row(num / (double) DEN, ovf / tables, bpe / tables, hit / tables, miss / tables,
            genericMiss / tables);
    }

    @Override
    public String run(StudyContext ctx) throws IOException {
        final int b = ctx.quick() ? 10 : 16;
        final int tables = ctx.quick() ? 3 : 10;
        final Hasher hasher = Hashers.byName("go");
        final List<Row> rows = new ArrayList<>();
        for (int num = 8; num <= 16; num++) {
            rows.add(measure(num, b, tables, hasher, SEED));
            ctx.log().println("go-load-factor: " + num + "/" + DEN + " done");
            ctx.log().flush();
        }
        final List<List<?>> csv = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            final Row r = rows.get(i);
            final double[] g = GoLoadFactorTable.row(i);
            csv.add(List.of(f(r.loadFactor()), f(r.overflowPct()), f(g[1]), f(r.bytesPerEntry()), f(g[2]),
                f(r.hitProbe()), f(g[3]), f(r.missProbe()), f(g[4]), f(r.genericMissSlots())));
        }
        CsvOut.write(ctx.dir().resolve("go-load-factor.csv"), List.of("load_factor", "overflow_pct",
            "go_overflow_pct", "bytes_per_entry", "go_bytes_per_entry", "hitprobe", "go_hitprobe", "missprobe",
            "go_missprobe", "generic_miss_slots"), csv);
        ctx.metadata().put("study_seed", Long.toHexString(SEED));
        ctx.metadata().put("study_B", Integer.toString(b));
        ctx.metadata().put("study_tables", Integer.toString(tables));
        ctx.metadata().put("study_hasher", hasher.name());
        return markdown(rows, b, tables, hasher.name());
    }

    private static String markdown(List<Row> rows, int b, int tables, String hasher) {
        final StringBuilder sb = new StringBuilder("# Study: go-load-factor\n\n");
        sb.append(String.format(Locale.ROOT, "GoLongLongMap (GENERIC lookups, hasher `%s`), load factor num/2 for"
            + " num = 8..16, %d tables of 2^%d buckets each filled to the largest count that does not grow"
            + " (num * 2^B / 2) with random distinct long keys; averages over the tables. Beside each figure, Go"
            + " 1.19's own (runtime/map.go header comment) and the relative difference. Definitions as in that"
            + " comment: %%overflow = buckets that have an overflow bucket; bytes/entry = overhead bytes per"
            + " key/elem pair, ((buckets + overflow buckets) * 144 / count - 16); hitprobe / missprobe = entries"
            + " checked for a present / absent key. `GENERIC miss slots` is what our GENERIC style reads for a"
            + " miss (tophash reads up to and including the emptyRest stop).%n%n", hasher, tables, b));
        sb.append("| load factor | %overflow | Go | diff | bytes/entry | Go | diff | hitprobe | Go | diff |"
            + " missprobe | Go | diff | GENERIC miss slots |\n"
            + "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        double worst = 0;
        for (int i = 0; i < rows.size(); i++) {
            final Row r = rows.get(i);
            final double[] g = GoLoadFactorTable.row(i);
            final double[] diffs = {rel(r.overflowPct(), g[1]), rel(r.bytesPerEntry(), g[2]),
                rel(r.hitProbe(), g[3]), rel(r.missProbe(), g[4])};
            for (double d : diffs) {
                worst = Math.max(worst, Math.abs(d));
            }
            sb.append(String.format(Locale.ROOT, "| %.2f | %.2f | %.2f | %+.1f%% | %.2f | %.2f | %+.1f%% | %.3f |"
                    + " %.2f | %+.1f%% | %.3f | %.2f | %+.1f%% | %.2f |%n", r.loadFactor(), r.overflowPct(), g[1],
                diffs[0], r.bytesPerEntry(), g[2], diffs[1], r.hitProbe(), g[3], diffs[2], r.missProbe(), g[4],
                diffs[3], r.genericMissSlots()));
        }
        sb.append(String.format(Locale.ROOT, "%nLargest relative difference from Go's table: %.1f %%. Go's"
            + " hitprobe and missprobe columns are exactly loadFactor/2 + 1 and loadFactor: the expected values"
            + " for Poisson bucket loads (a present key sits on average at position (k+1)/2 of a size-biased"
            + " bucket load k+1, an absent key checks all entries of its chain).%n", worst));
        return sb.toString();
    }

    private static double rel(double ours, double go) {
        return (ours - go) / go * 100.0;
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
