package org.hmaplab.harness.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hmaplab.core.swiss.SwissLongLongMap;
import org.hmaplab.core.swiss.SwissStats;
import org.hmaplab.core.swiss.SwissVersion;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Study {@code swiss-tombstones}: tombstone churn in Go's Swiss map, Go 1.24 (no in-place cleanup:
 * a table whose growthLeft reaches 0 always doubles or splits, even when it is mostly tombstones,
 * golang/go#70886) against Go 1.26 and 1.27 (tombstones pruned before growing when they fill at
 * least 10 % of the table and at least 10 % can be freed). Rules 6.3, 7.1, 7.2 and 5.6 of
 * docs/go-swiss-map.md.
 *
 * <p>Scenario: a sliding window of {@code W} live keys over {@link SwissLongLongMap} created without
 * a hint. Fill: insert keys 0..W-1. Churn, for {@code rounds * W} operations: operation j inserts key
 * {@code W + j} and then deletes key {@code j} (the key W places back). Key i is the i-th value of
 * {@code new SplittableRandom(SEED ^ W)}, the same sequence for every version; the map's hasher is
 * {@code go} with the fixed seed {@link #MAP_SEED} (re-drawn seeds, never needed here, would follow
 * from it). Every {@code sampleEvery} operations (and after the fill) the map's {@code stats()} are
 * recorded; {@code verifyInvariants()} runs after the fill, half-way and at the end.
 *
 * <p>"Live need" is the capacity Go's NewMap gives a map made with the hint W (rule 5.5), the
 * capacity W live keys need at load 7/8; the blow-up factor is a capacity over it. Tables never
 * shrink (rule 5.6), so the largest capacity is the final one; both are recorded.
 */
public final class SwissTombstonesStudy implements Study {

    /** Seed of the key sequences (XORed with the window). */
    static final long SEED = 0x70B5_7011_E500_0001L;
    /** The maps' hash seed. */
    static final long MAP_SEED = 0x5EED_0000_0000_0024L;
    /** The registry name of the hasher. */
    static final String HASHER = "go";
    /** The versions compared, in report order. */
    static final List<SwissVersion> VERSIONS = List.of(SwissVersion.GO1_24, SwissVersion.GO1_26,
        SwissVersion.GO1_27);

    /** The columns of {@code swiss-tombstones.csv}, one row per sample. */
    static final List<String> SAMPLE_COLUMNS = List.of("window", "go_version", "op", "keys_inserted", "used",
        "capacity", "table_count", "dir_len", "global_depth", "growth_left", "tombstones", "tombstone_pct",
        "capacity_over_need");
    /** The columns of {@code swiss-tombstones-summary.csv}, one row per window and version. */
    static final List<String> SUMMARY_COLUMNS = List.of("window", "go_version", "ops", "need_capacity",
        "fill_capacity", "final_capacity", "max_capacity", "blowup", "max_blowup", "final_table_count",
        "final_global_depth", "final_tombstones", "final_tombstone_pct", "mean_tombstone_pct", "max_tombstone_pct",
        "last_growth_op");

    @Override
    public String name() {
        return "swiss-tombstones";
    }

    @Override
    public String summary() {
        return "sliding-window churn in the Swiss map: Go 1.24's tombstone blow-up against 1.26/1.27's pruning";
    }

    /**
     * One sample of the map's header.
     *
     * @param op           churn operations done (0 = just after the fill)
     * @param keysInserted keys inserted so far, fill included
     * @param stats        the map's stats() at that moment
     */
    public record Sample(long op, long keysInserted, SwissStats stats) {

        /** Tombstones as a percentage of the capacity. */
        public double tombstonePct() {
            return stats.capacity() == 0 ? 0 : 100.0 * stats.tombstones() / stats.capacity();
        }
    }

    /**
     * One window and version's run.
     *
     * @param window       live keys W
     * @param version      the Go version modelled
     * @param ops          churn operations (insert + delete pairs)
     * @param needCapacity capacity of a map made with the hint W (NewMap, rule 5.5)
     * @param samples      the samples, the first just after the fill, the last at the end
     */
    public record Run(int window, SwissVersion version, long ops, long needCapacity, List<Sample> samples) {

        /** Capacity just after the fill from empty. */
        public long fillCapacity() {
            return samples.getFirst().stats().capacity();
        }

        /** The last sample. */
        public Sample last() {
            return samples.getLast();
        }

        /** The largest capacity of any sample. */
        public long maxCapacity() {
            return samples.stream().mapToLong(s -> s.stats().capacity()).max().orElseThrow();
        }

        /** Final capacity over the live need. */
        public double blowup() {
            return (double) last().stats().capacity() / needCapacity;
        }

        /** Largest capacity over the live need. */
        public double maxBlowup() {
            return (double) maxCapacity() / needCapacity;
        }

        /** The op of the first sample at the final capacity (0 when the churn never grew the map). */
        public long lastGrowthOp() {
            final long end = last().stats().capacity();
            return samples.stream().filter(s -> s.stats().capacity() == end).findFirst().orElseThrow().op();
        }

        /** Mean tombstone share over the samples, in percent. */
        public double meanTombstonePct() {
            return samples.stream().mapToDouble(Sample::tombstonePct).average().orElseThrow();
        }

        /** Largest tombstone share of any sample, in percent. */
        public double maxTombstonePct() {
            return samples.stream().mapToDouble(Sample::tombstonePct).max().orElseThrow();
        }
    }

    /** The capacity Go's NewMap allocates for the hint {@code window} (rule 5.5). */
    public static long needCapacity(int window, Hasher hasher) {
        return new SwissLongLongMap(hasher, () -> MAP_SEED, window, SwissVersion.NEWEST).stats().capacity();
    }

    /**
     * Runs the sliding window of {@code window} keys for {@code rounds * window} churn operations,
     * sampling every {@code sampleEvery} operations.
     */
    public static Run churn(int window, int rounds, int sampleEvery, SwissVersion version, Hasher hasher) {
        final SplittableRandom keys = new SplittableRandom(SEED ^ window);
        final SwissLongLongMap map = new SwissLongLongMap(hasher, () -> MAP_SEED, 0, version);
        final long[] ring = new long[window];
        for (int i = 0; i < window; i++) {
            ring[i] = keys.nextLong();
            map.put(ring[i], i, Long.MIN_VALUE);
        }
        map.verifyInvariants();
        final long ops = (long) rounds * window;
        final List<Sample> samples = new ArrayList<>();
        samples.add(sample(map, 0, window, window));
        for (long j = 0; j < ops; j++) {
            final int slot = (int) (j % window);
            final long key = keys.nextLong();
            map.put(key, window + j, Long.MIN_VALUE);
            map.remove(ring[slot], Long.MIN_VALUE);
            ring[slot] = key;
            final long done = j + 1;
            if (done % sampleEvery == 0 || done == ops) {
                samples.add(sample(map, done, window + done, window));
            }
            if (done == ops / 2 || done == ops) {
                map.verifyInvariants();
            }
        }
        return new Run(window, version, ops, needCapacity(window, hasher), samples);
    }

    private static Sample sample(SwissLongLongMap map, long op, long inserted, int window) {
        final SwissStats s = map.stats();
        if (s.used() != window) {
            throw new IllegalStateException("window " + window + " at op " + op + ": " + s.used()
                + " live keys (a key repeated?)");
        }
        return new Sample(op, inserted, s);
    }

    @Override
    public String run(StudyContext ctx) throws IOException {
        final int[] windows = ctx.quick() ? new int[] {1_000, 10_000} : new int[] {1_000, 10_000, 100_000};
        final int rounds = ctx.quick() ? 20 : 200;
        final int samplesPerWindow = 2;
        final Hasher hasher = Hashers.byName(HASHER);
        final List<Run> runs = new ArrayList<>();
        final List<List<?>> sampleRows = new ArrayList<>();
        final List<List<?>> summaryRows = new ArrayList<>();
        for (int w : windows) {
            for (SwissVersion v : VERSIONS) {
                final Run r = churn(w, rounds, w / samplesPerWindow, v, hasher);
                runs.add(r);
                for (Sample s : r.samples()) {
                    final SwissStats st = s.stats();
                    sampleRows.add(List.of(w, label(v), s.op(), s.keysInserted(), st.used(), st.capacity(),
                        st.tableCount(), st.dirLen(), st.globalDepth(), st.growthLeft(), st.tombstones(),
                        f(s.tombstonePct()), f((double) st.capacity() / r.needCapacity())));
                }
                final SwissStats end = r.last().stats();
                summaryRows.add(List.of(w, label(v), r.ops(), r.needCapacity(), r.fillCapacity(), end.capacity(),
                    r.maxCapacity(), f(r.blowup()), f(r.maxBlowup()), end.tableCount(), end.globalDepth(),
                    end.tombstones(), f(r.last().tombstonePct()), f(r.meanTombstonePct()), f(r.maxTombstonePct()),
                    r.lastGrowthOp()));
                ctx.log().println("swiss-tombstones: W = " + w + ", " + label(v) + " done");
                ctx.log().flush();
            }
        }
        CsvOut.write(ctx.dir().resolve("swiss-tombstones.csv"), SAMPLE_COLUMNS, sampleRows);
        CsvOut.write(ctx.dir().resolve("swiss-tombstones-summary.csv"), SUMMARY_COLUMNS, summaryRows);
        ctx.metadata().put("study_seed", Long.toHexString(SEED));
        ctx.metadata().put("study_map_seed", Long.toHexString(MAP_SEED));
        ctx.metadata().put("study_hasher", hasher.name());
        ctx.metadata().put("study_windows", String.join(",", Arrays.stream(windows)
            .mapToObj(Integer::toString).toList()));
        ctx.metadata().put("study_rounds", Integer.toString(rounds));
        ctx.metadata().put("study_sample_every", "W/" + samplesPerWindow);
        return markdown(runs, rounds, samplesPerWindow, hasher.name());
    }

    private static String markdown(List<Run> runs, int rounds, int samplesPerWindow, String hasher) {
        final StringBuilder sb = new StringBuilder("# Study: swiss-tombstones\n\n");
        sb.append(String.format(Locale.ROOT, "SwissLongLongMap (hasher `%s`, fixed seed), no size hint. A sliding"
            + " window of W live keys: fill with W random keys, then %d x W operations, each inserting a new"
            + " random key and deleting the oldest. `stats()` sampled every W/%d operations. \"Need\" = the"
            + " capacity Go's NewMap gives the hint W (W live keys at load 7/8); blow-up = capacity / need."
            + " Tables never shrink, so the largest capacity is the final one. Tombstone share = tombstones /"
            + " capacity (mean over the samples, and at the end).%n%n", hasher, rounds, samplesPerWindow));
        sb.append("| W | Go | ops | need | after fill | final capacity | blow-up | max capacity | tables |"
            + " last growth | tombstones at end | mean tombstones |\n"
            + "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Run r : runs) {
            final SwissStats end = r.last().stats();
            sb.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %,d | %,d | %,d | %.2fx | %,d | %d | %,d |"
                    + " %.1f %% | %.1f %% |%n", r.window(), label(r.version()), r.ops(), r.needCapacity(),
                r.fillCapacity(), end.capacity(), r.blowup(), r.maxCapacity(), end.tableCount(), r.lastGrowthOp(),
                r.last().tombstonePct(), r.meanTombstonePct()));
        }
        sb.append("\nVerdicts:\n\n");
        for (int i = 0; i < runs.size(); i += VERSIONS.size()) {
            sb.append("- ").append(verdict(runs.subList(i, i + VERSIONS.size()))).append('\n');
        }
        sb.append("\nWhy 1.26 can grow too: pruning runs only when growthLeft is 0 and then needs tombstones in at"
            + " least 10 % of the table, so a table whose live keys exceed 7/8 - 1/10 = 77.5 % of its slots"
            + " cannot prune and splits as in 1.24. A table's live count is its random share of the window, so"
            + " some tables cross that line now and then. In 1.24 a table gets rid of its tombstones only by"
            + " growing; each growth halves its load, and the next one comes later the emptier the table is"
            + " (`last growth` = the operation of the first sample at the final capacity; 0 = no growth after"
            + " the fill).\n");
        return sb.toString();
    }

    /** The verdict in words for one window's runs, in {@link #VERSIONS} order. */
    static String verdict(List<Run> window) {
        final Run old = window.get(0);
        final Run v26 = window.get(1);
        final Run v27 = window.get(2);
        final boolean same = v26.samples().equals(v27.samples());
        return String.format(Locale.ROOT, "W = %,d, after %,d operations: 1.24 ends at %.2fx the live need"
                + " (%,d slots in %d tables), 1.26 at %.2fx (%,d slots in %d tables), so 1.24 holds %.2fx the"
                + " capacity of 1.26; 1.27 %s.", old.window(), old.ops(), old.blowup(), old.last().stats().capacity(),
            old.last().stats().tableCount(), v26.blowup(), v26.last().stats().capacity(),
            v26.last().stats().tableCount(), (double) old.last().stats().capacity() / v26.last().stats().capacity(),
            same ? "is identical to 1.26 at every sample"
                : String.format(Locale.ROOT, "differs from 1.26 (%.2fx)", v27.blowup()));
    }

    /** The version as the CSV and report write it: 1.24, 1.26, 1.27. */
    static String label(SwissVersion v) {
        return switch (v) {
            case GO1_24 -> "1.24";
            case GO1_26 -> "1.26";
            case GO1_27 -> "1.27";
        };
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
