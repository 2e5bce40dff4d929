package org.hmaplab.harness.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hmaplab.core.GoLongLongMap;
import org.hmaplab.core.LookupStyle;
import org.hmaplab.core.MapOptions;
import org.hmaplab.core.MapStats;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Study {@code tophash-filter}: how many full key comparisons the tophash byte saves, per lookup
 * style, for hits and misses, at load factors 4.0 to 8.0.
 *
 * <p>For each load factor, three maps (GENERIC, FAST64, SWAR) get the same seed and the same keys,
 * so their bucket layouts are identical, filled to the largest count that does not grow. Their
 * {@code stats()} count per lookup (see GoLongLongMap's class comment):
 * <ul>
 *   <li>FAST64 (Go's map_fast64.go): every slot's key is compared - a hit compares the slots up to
 *   it, a miss every slot of the chain. These are the key comparisons without a filter.</li>
 *   <li>SWAR: candidates whose tophash matches are verified by a key comparison - a hit compares
 *   the earlier slots with the same tophash plus itself, a miss the live slots whose tophash happens
 *   to match (expected live/251). These are the key comparisons with the tophash filter; Go's
 *   generic path (mapaccess1) compares keys exactly for these slots too.</li>
 *   <li>GENERIC: tophash bytes read (up to the hit, or to the emptyRest stop for a miss): the
 *   filter's own cost in one-byte reads.</li>
 * </ul>
 * The hot-key cache's timing is not part of this study (it needs a JMH run).
 */
public final class TophashFilterStudy implements Study {

    /** Seed of the per-load-factor seeds and keys. */
    static final long SEED = 0x70F_4A54_0000_0001L;

    @Override
    public String name() {
        return "tophash-filter";
    }

    @Override
    public String summary() {
        return "full key comparisons the tophash saves, per lookup style, hits and misses, by load factor";
    }

    /**
     * One load factor's figures, per lookup.
     *
     * @param loadFactor     num/2
     * @param fast64Hit      key comparisons for a hit without the filter (FAST64)
     * @param filteredHit    key comparisons for a hit with the tophash filter (SWAR, and Go's generic path)
     * @param genericHitReads tophash bytes read for a hit (GENERIC)
     * @param fast64Miss     key comparisons for a miss without the filter
     * @param filteredMiss   key comparisons for a miss with the filter
     * @param genericMissReads tophash bytes read for a miss (GENERIC, to the emptyRest stop)
     */
    public record Row(double loadFactor, double fast64Hit, double filteredHit, double genericHitReads,
                      double fast64Miss, double filteredMiss, double genericMissReads) {

        /** Share of a hit's key comparisons the filter saves, in percent. */
        public double savedHitPct() {
            return 100.0 * (1.0 - filteredHit / fast64Hit);
        }

        /** Share of a miss's key comparisons the filter saves, in percent. */
        public double savedMissPct() {
            return 100.0 * (1.0 - filteredMiss / fast64Miss);
        }
    }

    /** Measures load factor num/2 with 2^b buckets, averaged over {@code tables} key sets. */
    public static Row measure(int num, int b, int tables, Hasher hasher) {
        final SplittableRandom rnd = new SplittableRandom(SEED ^ num);
        final int count = (int) ((long) num * ((1L << b) / 2));
        final double[] sum = new double[6];
        for (int t = 0; t < tables; t++) {
            final long seed = rnd.nextLong();
            final long[] keys = rnd.longs(count).toArray();
            final MapStats[] s = new MapStats[3];
            final LookupStyle[] styles = {LookupStyle.FAST64, LookupStyle.SWAR, LookupStyle.GENERIC};
            for (int i = 0; i < 3; i++) {
                final GoLongLongMap m = new GoLongLongMap(hasher, seed, count,
                    MapOptions.DEFAULT.withLookupStyle(styles[i]).withLoadFactor(num, 2));
                for (long k : keys) {
                    m.put(k, k, Long.MIN_VALUE);
                }
                s[i] = m.stats();
            }
            sum[0] += s[0].avgProbesHit();
            sum[1] += s[1].avgProbesHit();
            sum[2] += s[2].avgProbesHit();
            sum[3] += s[0].avgProbesMiss();
            sum[4] += s[1].avgProbesMiss();
            sum[5] += s[2].avgProbesMiss();
        }
        return new Row(num / 2.0, sum[0] / tables, sum[1] / tables, sum[2] / tables, sum[3] / tables,
            sum[4] / tables, sum[5] / tables);
    }

    @Override
    public String run(StudyContext ctx) throws IOException {
        final int b = ctx.quick() ? 10 : 15;
        final int tables = ctx.quick() ? 2 : 5;
        final Hasher hasher = Hashers.byName("go");
        final List<Row> rows = new ArrayList<>();
        final List<List<?>> csv = new ArrayList<>();
        for (int num = 8; num <= 16; num++) {
            final Row r = measure(num, b, tables, hasher);
            rows.add(r);
            csv.add(List.of(f(r.loadFactor()), f(r.fast64Hit()), f(r.filteredHit()), f(r.genericHitReads()),
                f(r.savedHitPct()), f(r.fast64Miss()), f(r.filteredMiss()), f(r.genericMissReads()),
                f(r.savedMissPct())));
            ctx.log().println("tophash-filter: " + num + "/2 done");
            ctx.log().flush();
        }
        CsvOut.write(ctx.dir().resolve("tophash-filter.csv"), List.of("load_factor", "hit_key_compares_fast64",
            "hit_key_compares_filtered", "hit_tophash_reads_generic", "hit_saved_pct", "miss_key_compares_fast64",
            "miss_key_compares_filtered", "miss_tophash_reads_generic", "miss_saved_pct"), csv);
        ctx.metadata().put("study_seed", Long.toHexString(SEED));
        ctx.metadata().put("study_B", Integer.toString(b));
        ctx.metadata().put("study_tables", Integer.toString(tables));
        final StringBuilder sb = new StringBuilder("# Study: tophash-filter\n\n");
        sb.append(String.format(Locale.ROOT, "GoLongLongMap, hasher `go`, %d key sets per load factor, 2^%d buckets"
            + " filled to the largest count that does not grow; the same seed and keys for the three lookup styles"
            + " (identical layouts). Per lookup: key comparisons without a filter (FAST64, Go's map_fast64.go),"
            + " with the tophash filter (SWAR; Go's generic mapaccess compares keys for the same slots), and the"
            + " tophash bytes the GENERIC path reads.%n%n", tables, b));
        sb.append("| load factor | hit: compares FAST64 | hit: compares filtered | hit: tophash reads | hit: saved |"
            + " miss: compares FAST64 | miss: compares filtered | miss: tophash reads | miss: saved |\n"
            + "|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.4f | %.3f | %.1f%% | %.3f | %.4f | %.3f |"
                    + " %.1f%% |%n", r.loadFactor(), r.fast64Hit(), r.filteredHit(), r.genericHitReads(),
                r.savedHitPct(), r.fast64Miss(), r.filteredMiss(), r.genericMissReads(), r.savedMissPct()));
        }
        final Row go = rows.get(5);
        sb.append(String.format(Locale.ROOT, "%nAt Go's load factor 6.5 the tophash saves %.1f %% of the key"
                + " comparisons of a hit (%.2f instead of %.2f) and %.1f %% of a miss (%.3f instead of %.2f),"
                + " for %.2f / %.2f one-byte tophash reads. With 8-byte keys a key comparison costs about as much"
                + " as a tophash read, which is why Go's fast64 path skips the filter; the filter pays for keys"
                + " that are expensive to compare (strings, large structs).%n%nNot done here: the hot-key cache's"
                + " timing (it needs a JMH run of the get benchmark with go-*-cache against go-*).%n",
            go.savedHitPct(), go.filteredHit(), go.fast64Hit(), go.savedMissPct(), go.filteredMiss(),
            go.fast64Miss(), go.genericHitReads(), go.genericMissReads()));
        return sb.toString();
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.5f", d);
    }
}
