package org.hmaplab.harness.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.hmaplab.baselines.CompositeKey;
import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.baselines.ObjectObjectMapAdapter;
import org.hmaplab.baselines.StringLongMapAdapter;
import org.hmaplab.harness.bench.KeyKind;

/**
 * The latency of every single insert while an empty map (no size hint) is filled to N keys,
 * recorded in an HdrHistogram: the place where Go's incremental evacuation shows against the
 * peers' all-at-once rehash, which an average hides. Runs in a child JVM of its own (one per
 * implementation, so no other map pollutes the type profile), with the fork's heap flags.
 *
 * <p>Timing each insert with two {@code System.nanoTime()} calls is acceptable here only because
 * the result is a latency distribution whose timer cost is measured too: the probe first
 * records {@link #TIMER_SAMPLES} empty measurements (two back-to-back nanoTime calls) and
 * reports them as the row {@code impl = timer}. Before measuring, the map is filled
 * {@link #WARMUP_FILLS} times so the put and growth paths are compiled; then {@code rounds} fills
 * are recorded (a GC is requested between fills).
 *
 * <p>Per-fill maxima. The percentiles come from one histogram of every measured insert of every
 * fill, and {@code max} is the largest insert of all fills, as before. But on a shared VM a single
 * machine hiccup (the {@code timer} row, which times nothing, reaches tenths of a millisecond) can
 * be that maximum, so one sample would decide "the largest pause". Each fill is therefore also
 * recorded into a histogram of its own ({@link Rounds}), whose maximum is that fill's largest
 * insert; the probe reports how many fills were measured ({@code rounds}), the median of their
 * maxima ({@code max_median}: for an even count the lower of the two middle values, so it is
 * always a maximum some fill really had) and the smallest ({@code max_min}). A pause the map
 * itself causes recurs in every fill; a hiccup hits one fill and moves the median only when it
 * hits more than half of them. The same bucketing (3 significant digits) gives
 * {@code max_min <= max_median <= max}.
 *
 * <p>The {@code timer} row reports {@code rounds = 1} and {@code max_median = max_min = max}: its
 * {@link #TIMER_SAMPLES} samples are one block taken once, before the fills, lasting tens of
 * milliseconds against a fill's second or so. Chunks of it would be windows of another length than
 * a fill, so their maxima would not be comparable with the fills' and are not invented.
 *
 * <p>Usage: {@code InsertLatencyProbe impl hasher keyKind size rounds} ({@code rounds >= 1});
 * prints two lines {@code RESULT} followed by the {@link #FIELDS}, comma-separated: the timer row
 * and the map's row ({@code gc}: the collector of this JVM, which a latency cell's {@code gc}
 * parameter chooses). {@link #parse} reads such a line back. Each fill's largest insert is also
 * printed on stderr ({@link #FILL_MAXIMA_LOG}), which {@code hbench run} keeps in jmh.log.
 */
public final class InsertLatencyProbe {
    private InsertLatencyProbe() {
    }

    /** Empty measurements recorded for the timer's own cost. */
    static final int TIMER_SAMPLES = 1_000_000;
    /** Unmeasured fills before the measured ones. */
    static final int WARMUP_FILLS = 2;
    /** Largest latency the histogram holds (longer ones are clamped to it): 60 s. */
    static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** HdrHistogram precision: 3 significant digits. */
    static final int SIGNIFICANT_DIGITS = 3;
    /** The prefix of a result line on stdout. */
    static final String RESULT_PREFIX = "RESULT ";
    /** The start of the stderr line listing each measured fill's largest insert. */
    static final String FILL_MAXIMA_LOG = "largest insert of each measured fill, ns: ";
    /** The fields of a result line, in order (after {@link #RESULT_PREFIX}). */
    public static final List<String> FIELDS = List.of("impl", "hasher", "key_kind", "size", "p50", "p99", "p999",
        "p9999", "max", "mean", "count", "unit", "gc", "rounds", "max_median", "max_min");

    public static void main(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: InsertLatencyProbe impl hasher keyKind size rounds");
        }
        String impl = MapRegistry.requireKnown(args[0]);
        String hasher = args[1];
        KeyKind kind = KeyKind.of(args[2]);
        int size = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1 (measured fills), got " + rounds);
        }

        Histogram timer = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        for (int i = 0; i < TIMER_SAMPLES; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            timer.recordValue(t1 - t0);
        }
        Object keys = ProbeMaps.keys(kind, size);
        for (int w = 0; w < WARMUP_FILLS; w++) {
            fill(impl, hasher, kind, keys, null);
        }
        Rounds latency = new Rounds(rounds);
        for (int r = 0; r < rounds; r++) {
            System.gc();
            fill(impl, hasher, kind, keys, latency.next());
            latency.finish();
        }
        System.out.println(RESULT_PREFIX + line("timer", MapRegistry.NO_HASHER, kind, size, timer,
            new long[] {timer.getMaxValue()}));
        System.out.println(RESULT_PREFIX + line(impl, hasher, kind, size, latency.all(), latency.maxima()));
        // the raw per-fill maxima, for diagnosis: hbench run copies the probe's stderr into jmh.log
        System.err.println(FILL_MAXIMA_LOG + Arrays.toString(latency.maxima()));
    }

    /**
     * The measured fills: each is recorded into a histogram of its own, whose maximum is kept,
     * and then added to the histogram of all fills. Use: {@link #next()}, record one fill into it,
     * {@link #finish()}; repeat for every round.
     */
    static final class Rounds {
        private final Histogram all = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        private final Histogram round = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        private final long[] maxima;
        private int done;

        Rounds(int rounds) {
            maxima = new long[rounds];
        }

        /** The empty histogram of the next fill. */
        Histogram next() {
            if (done == maxima.length) {
                throw new IllegalStateException("all " + maxima.length + " rounds are recorded");
            }
            round.reset();
            return round;
        }

        /** Ends the fill recorded since {@link #next()}: keeps its maximum, adds it to all fills. */
        void finish() {
            maxima[done++] = round.getMaxValue();
            all.add(round);
        }

        /** Every insert of the finished fills. */
        Histogram all() {
            return all;
        }

        /** The largest insert of each finished fill, in fill order. */
        long[] maxima() {
            return Arrays.copyOf(maxima, done);
        }
    }

    /** The median of {@code values}; for an even count the lower of the two middle values. */
    static long lowerMedian(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    /**
     * The fields of a result line (without {@link #RESULT_PREFIX}) by name.
     *
     * @throws IllegalArgumentException when the line does not have the {@link #FIELDS}
     */
    public static Map<String, String> parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != FIELDS.size()) {
            throw new IllegalArgumentException("not an insert-latency probe line (" + FIELDS.size() + " fields "
                + String.join(",", FIELDS) + "): " + line);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < f.length; i++) {
            m.put(FIELDS.get(i), f[i]);
        }
        return m;
    }

    /** The collector this JVM runs, by the names of its collector beans: g1, zgc, parallel, serial, shenandoah. */
    static String collector() {
        String names = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).reduce("", (a, b) -> a + " " + b);
        if (names.contains("G1")) {
            return "g1";
        } else if (names.contains("ZGC")) {
            return "zgc";
        } else if (names.contains("Shenandoah")) {
            return "shenandoah";
        } else if (names.contains("PS ") || names.contains("Parallel")) {
            return "parallel";
        } else if (names.contains("Copy") || names.contains("MarkSweepCompact")) {
            return "serial";
        }
        return names.trim().toLowerCase(Locale.ROOT).replace(' ', '+');
    }

    /** A result line: the {@link #FIELDS} of histogram {@code h} and the per-fill {@code maxima}. */
    static String line(String impl, String hasher, KeyKind kind, int size, Histogram h, long[] maxima) {
        return String.join(",", impl, hasher, kind.label(), Integer.toString(size),
            Long.toString(h.getValueAtPercentile(50)), Long.toString(h.getValueAtPercentile(99)),
            Long.toString(h.getValueAtPercentile(99.9)), Long.toString(h.getValueAtPercentile(99.99)),
            Long.toString(h.getMaxValue()), String.format(Locale.ROOT, "%.1f", h.getMean()),
            Long.toString(h.getTotalCount()), "ns", collector(), Integer.toString(maxima.length),
            Long.toString(lowerMedian(maxima)), Long.toString(LongStream.of(maxima).min().orElseThrow()));
    }

    /** Fills a fresh map with all keys; records each insert's latency when {@code h} is not null. */
    private static void fill(String impl, String hasher, KeyKind kind, Object keys, Histogram h) {
        switch (kind.family()) {
            case LONG -> fillLongs(MapRegistry.longLong(impl, hasher, 0), (long[]) keys, h);
            case STRING -> fillStrings(MapRegistry.stringLong(impl, hasher, 0), (String[]) keys, h);
            case COMPOSITE -> fillObjects(MapRegistry.objectObject(impl, hasher, 0), (CompositeKey[]) keys, h);
            default -> throw new IllegalStateException("family " + kind.family());
        }
    }

    private static void fillLongs(LongLongMapAdapter map, long[] keys, Histogram h) {
        for (int i = 0; i < keys.length; i++) {
            long t0 = System.nanoTime();
            map.put(keys[i], i);
            long t1 = System.nanoTime();
            if (h != null) {
                h.recordValue(Math.min(t1 - t0, HIGHEST_NANOS));
            }
        }
    }

    private static void fillStrings(StringLongMapAdapter map, String[] keys, Histogram h) {
        for (int i = 0; i < keys.length; i++) {
            long t0 = System.nanoTime();
            map.put(keys[i], i);
            long t1 = System.nanoTime();
            if (h != null) {
                h.recordValue(Math.min(t1 - t0, HIGHEST_NANOS));
            }
        }
    }

    private static void fillObjects(ObjectObjectMapAdapter map, CompositeKey[] keys, Histogram h) {
        for (CompositeKey key : keys) {
            long t0 = System.nanoTime();
            map.put(key, key);
            long t1 = System.nanoTime();
            if (h != null) {
                h.recordValue(Math.min(t1 - t0, HIGHEST_NANOS));
            }
        }
    }
}
