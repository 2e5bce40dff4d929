package org.hmaplab.harness.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
 * are recorded into one histogram (a GC is requested between fills).
 *
 * <p>Usage: {@code InsertLatencyProbe impl hasher keyKind size rounds}; prints two lines
 * {@code RESULT impl,hasher,key_kind,size,p50,p99,p999,p9999,max,mean,count,unit,gc} (gc: the collector of
 * this JVM, which a latency cell's {@code gc} parameter chooses).
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

    public static void main(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: InsertLatencyProbe impl hasher keyKind size rounds");
        }
        String impl = MapRegistry.requireKnown(args[0]);
        String hasher = args[1];
        KeyKind kind = KeyKind.of(args[2]);
        int size = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);

        Histogram timer = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        for (int i = 0; i < TIMER_SAMPLES; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            timer.recordValue(t1 - t0);
        }
        Object keys = ProbeMaps.keys(kind, size);
        Histogram latency = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        for (int w = 0; w < WARMUP_FILLS; w++) {
            fill(impl, hasher, kind, keys, null);
        }
        for (int r = 0; r < rounds; r++) {
            System.gc();
            fill(impl, hasher, kind, keys, latency);
        }
        System.out.println(RESULT_PREFIX + line("timer", MapRegistry.NO_HASHER, kind, size, timer));
        System.out.println(RESULT_PREFIX + line(impl, hasher, kind, size, latency));
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

    private static String line(String impl, String hasher, KeyKind kind, int size, Histogram h) {
        return String.join(",", impl, hasher, kind.label(), Integer.toString(size),
            Long.toString(h.getValueAtPercentile(50)), Long.toString(h.getValueAtPercentile(99)),
            Long.toString(h.getValueAtPercentile(99.9)), Long.toString(h.getValueAtPercentile(99.99)),
            Long.toString(h.getMaxValue()), String.format(Locale.ROOT, "%.1f", h.getMean()),
            Long.toString(h.getTotalCount()), "ns", collector());
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
