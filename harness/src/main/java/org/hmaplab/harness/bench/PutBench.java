package org.hmaplab.harness.bench;

import java.util.concurrent.TimeUnit;
import org.hmaplab.baselines.CompositeKey;
import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.baselines.ObjectObjectMapAdapter;
import org.hmaplab.baselines.StringLongMapAdapter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inserting {@code size} new keys: {@link #growth} into a map created empty without a hint (so
 * it grows all the way), {@link #presized} into a map created with the hint {@code size}. Each
 * invocation creates the map and inserts every key, so one invocation is {@code size}
 * operations: {@code hbench run} sets JMH's operations-per-invocation to {@code size} for these
 * methods (a run started directly through JMH reports the time of a whole fill instead).
 * Creating the map is part of the measured work. The CSV names them {@code put-growth} and
 * {@code put-presized}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PutBench {

    /** The keys and the map parameters; no map is kept between invocations. */
    @State(Scope.Benchmark)
    public static class Inserts extends MapState {
        @Setup(Level.Trial)
        public void setup() {
            generateKeys();
            // one fill in setup proves the implementation works on these keys before timing
            newFilledMap();
            longMap = null;
            stringMap = null;
            objectMap = null;
        }
    }

    @Benchmark
    public int growth(Inserts s) {
        return fill(s, 0);
    }

    @Benchmark
    public int presized(Inserts s) {
        return fill(s, s.size);
    }

    private static int fill(Inserts s, int hint) {
        return switch (s.family) {
            case LONG -> fillLongs(MapRegistry.longLong(s.impl, s.hasher, hint), s.longKeys, s.size);
            case STRING -> fillStrings(MapRegistry.stringLong(s.impl, s.hasher, hint), s.stringKeys, s.size);
            case COMPOSITE -> fillObjects(MapRegistry.objectObject(s.impl, s.hasher, hint), s.compositeKeys, s.size);
        };
    }

    private static int fillLongs(LongLongMapAdapter map, long[] keys, int n) {
        for (int i = 0; i < n; i++) {
            map.put(keys[i], i);
        }
        return map.size();
    }

    private static int fillStrings(StringLongMapAdapter map, String[] keys, int n) {
        for (int i = 0; i < n; i++) {
            map.put(keys[i], i);
        }
        return map.size();
    }

    private static int fillObjects(ObjectObjectMapAdapter map, CompositeKey[] keys, int n) {
        for (int i = 0; i < n; i++) {
            map.put(keys[i], keys[i]);
        }
        return map.size();
    }
}
