package org.hmaplab.harness.bench;

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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Remove-and-reinsert churn at a steady size: the {@code 2 * size} keys form a ring, the map
 * holds a window of {@code size} consecutive ring keys, and one operation removes the window's
 * oldest key and inserts the ring key just past its end (so tombstones, deletions and fresh
 * inserts all happen while the size stays {@code size}). {@link #BATCH} steps per invocation;
 * the ring position wraps by a compare, not a modulo. CSV operation: {@code churn} (one remove
 * plus one insert per op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChurnBench {

    /** Churn steps per invocation. */
    public static final int BATCH = 256;

    /** The ring of keys and the window position. */
    @State(Scope.Benchmark)
    public static class Ring extends MapState {
        int oldest;

        @Setup(Level.Trial)
        public void setup() {
            generateKeys();
            newFilledMap();
            oldest = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int churn(Ring s) {
        int n = s.size;
        int ring = 2 * n;
        int oldest = s.oldest;
        int newest = oldest + n;
        if (newest >= ring) {
            newest -= ring;
        }
        switch (s.family) {
            case LONG -> churnLongs(s.longMap, s.longKeys, oldest, newest, ring);
            case STRING -> churnStrings(s.stringMap, s.stringKeys, oldest, newest, ring);
            case COMPOSITE -> churnObjects(s.objectMap, s.compositeKeys, oldest, newest, ring);
            default -> throw new IllegalStateException();
        }
        int next = oldest + BATCH;
        while (next >= ring) {
            next -= ring;
        }
        s.oldest = next;
        return next;
    }

    private static void churnLongs(LongLongMapAdapter map, long[] keys, int oldest, int newest, int ring) {
        for (int i = 0; i < BATCH; i++) {
            map.remove(keys[oldest]);
            map.put(keys[newest], newest);
            if (++oldest == ring) {
                oldest = 0;
            }
            if (++newest == ring) {
                newest = 0;
            }
        }
    }

    private static void churnStrings(StringLongMapAdapter map, String[] keys, int oldest, int newest, int ring) {
        for (int i = 0; i < BATCH; i++) {
            map.remove(keys[oldest]);
            map.put(keys[newest], newest);
            if (++oldest == ring) {
                oldest = 0;
            }
            if (++newest == ring) {
                newest = 0;
            }
        }
    }

    private static void churnObjects(ObjectObjectMapAdapter map, CompositeKey[] keys, int oldest, int newest,
                                     int ring) {
        for (int i = 0; i < BATCH; i++) {
            map.remove(keys[oldest]);
            map.put(keys[newest], keys[newest]);
            if (++oldest == ring) {
                oldest = 0;
            }
            if (++newest == ring) {
                newest = 0;
            }
        }
    }
}
