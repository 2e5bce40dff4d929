package org.hmaplab.harness.bench;

import static org.hmaplab.harness.bench.ProbePlan.BATCH;

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
 * Lookups in a map filled (without a size hint) with {@code size} keys. Each invocation performs
 * {@link ProbePlan#BATCH} gets from a precomputed probe sequence (see {@link ProbePlan}: hit
 * ratio 0, 50 or 100 %, uniform or Zipf 0.99) and sums the results. {@link BaselineBench} runs
 * the same loop without a map. The CSV names the operation {@code get-hit} (100 %),
 * {@code get-miss} (0 %) or {@code get-hitNN}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GetBench {

    /** A filled map and its probe sequence. */
    @State(Scope.Benchmark)
    public static class Lookups extends MapState {
        /** Key choice of the probes: uniform or zipf. */
        @Param({"uniform"})
        public String distribution;

        /** Percentage of probes that find their key. */
        @Param({"100"})
        public int hitRatio;

        int mask;
        int cursor;

        @Setup(Level.Trial)
        public void setup() {
            generateKeys();
            newFilledMap();
            int[] indexes = ProbePlan.indexes(size, ProbePlan.probeCount(size), Distribution.of(distribution),
                hitRatio);
            buildProbes(indexes);
            mask = indexes.length - 1;
        }

        int nextStart() {
            int start = cursor;
            cursor = (start + BATCH) & mask;
            return start;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long get(Lookups s) {
        int start = s.nextStart();
        return switch (s.family) {
            case LONG -> getLongs(s.longMap, s.longProbes, start);
            case STRING -> getStrings(s.stringMap, s.stringProbes, start);
            case COMPOSITE -> getObjects(s.objectMap, s.compositeProbes, start);
        };
    }

    private static long getLongs(LongLongMapAdapter map, long[] probes, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            acc += map.get(probes[i]);
        }
        return acc;
    }

    private static long getStrings(StringLongMapAdapter map, String[] probes, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            acc += map.get(probes[i]);
        }
        return acc;
    }

    private static long getObjects(ObjectObjectMapAdapter map, CompositeKey[] probes, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            if (map.get(probes[i]) != null) {
                acc++;
            }
        }
        return acc;
    }
}
