package org.hmaplab.harness.bench;

import static org.hmaplab.harness.bench.ProbePlan.BATCH;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hmaplab.baselines.CompositeKey;
import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.ObjectObjectMapAdapter;
import org.hmaplab.baselines.StringLongMapAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Overwriting the value of keys already present ({@code put} of an existing key), and the mixed
 * 90/10 workload: {@link #update} does {@link ProbePlan#BATCH} updates per invocation over a
 * precomputed all-hit probe sequence (uniform or Zipf); {@link #mixed} walks the same sequence
 * with every tenth operation (at precomputed, shuffled positions) an update and the rest gets.
 * The map's size never changes. CSV operations: {@code update}, {@code mixed-90-10}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UpdateBench {

    /** Share of writes in the mixed workload, in percent. */
    public static final int MIXED_WRITE_PERCENT = 10;

    /** A filled map, an all-hit probe sequence and the mixed workload's write positions. */
    @State(Scope.Benchmark)
    public static class Updates extends MapState {
        @Param({"uniform"})
        public String distribution;

        boolean[] write;
        int mask;
        int cursor;

        @Setup(Level.Trial)
        public void setup() {
            generateKeys();
            newFilledMap();
            int count = ProbePlan.probeCount(size);
            buildProbes(ProbePlan.indexes(size, count, Distribution.of(distribution), 100));
            write = writeMask(count);
            mask = count - 1;
        }

        int nextStart() {
            int start = cursor;
            cursor = (start + BATCH) & mask;
            return start;
        }
    }

    /**
     * Where the mixed workload writes: {@code count} flags from a fixed seed, each set with
     * probability {@link #MIXED_WRITE_PERCENT} %. The native-Go cells use the same flags.
     */
    public static boolean[] writeMask(int count) {
        boolean[] write = new boolean[count];
        SplittableRandom random = new SplittableRandom(KeySets.PROBE_SEED ^ 0x90);
        for (int i = 0; i < count; i++) {
            write[i] = random.nextInt(100) < MIXED_WRITE_PERCENT;
        }
        return write;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int update(Updates s) {
        int start = s.nextStart();
        switch (s.family) {
            case LONG -> updateLongs(s.longMap, s.longProbes, start);
            case STRING -> updateStrings(s.stringMap, s.stringProbes, start);
            case COMPOSITE -> updateObjects(s.objectMap, s.compositeProbes, start);
            default -> throw new IllegalStateException();
        }
        return start;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long mixed(Updates s) {
        int start = s.nextStart();
        return switch (s.family) {
            case LONG -> mixedLongs(s.longMap, s.longProbes, s.write, start);
            case STRING -> mixedStrings(s.stringMap, s.stringProbes, s.write, start);
            case COMPOSITE -> mixedObjects(s.objectMap, s.compositeProbes, s.write, start);
        };
    }

    private static void updateLongs(LongLongMapAdapter map, long[] probes, int start) {
        for (int i = start, end = start + BATCH; i < end; i++) {
            map.put(probes[i], i);
        }
    }

    private static void updateStrings(StringLongMapAdapter map, String[] probes, int start) {
        for (int i = start, end = start + BATCH; i < end; i++) {
            map.put(probes[i], i);
        }
    }

    private static void updateObjects(ObjectObjectMapAdapter map, CompositeKey[] probes, int start) {
        for (int i = start, end = start + BATCH; i < end; i++) {
            map.put(probes[i], probes[i]);
        }
    }

    private static long mixedLongs(LongLongMapAdapter map, long[] probes, boolean[] write, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            if (write[i]) {
                map.put(probes[i], i);
            } else {
                acc += map.get(probes[i]);
            }
        }
        return acc;
    }

    private static long mixedStrings(StringLongMapAdapter map, String[] probes, boolean[] write, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            if (write[i]) {
                map.put(probes[i], i);
            } else {
                acc += map.get(probes[i]);
            }
        }
        return acc;
    }

    private static long mixedObjects(ObjectObjectMapAdapter map, CompositeKey[] probes, boolean[] write, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            if (write[i]) {
                map.put(probes[i], probes[i]);
            } else if (map.get(probes[i]) != null) {
                acc++;
            }
        }
        return acc;
    }
}
