package org.hmaplab.harness.bench;

import static org.hmaplab.harness.bench.ProbePlan.BATCH;

import java.util.concurrent.TimeUnit;
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
 * The harness's own cost: the loop of {@link GetBench} over the same probe sequence (same
 * seeds, same parameters) with no map, summing the long keys or counting the object keys. A
 * get's score minus this one is what the map costs. The CSV names it {@code baseline}, impl
 * {@code baseline}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BaselineBench {

    /** The probe sequence alone. */
    @State(Scope.Benchmark)
    public static class Probes extends KeysState {
        @Param({"uniform"})
        public String distribution;

        @Param({"100"})
        public int hitRatio;

        int mask;
        int cursor;

        @Setup(Level.Trial)
        public void setup() {
            generateKeys();
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
    public long loop(Probes s) {
        int start = s.nextStart();
        return switch (s.family) {
            case LONG -> sumLongs(s.longProbes, start);
            case STRING -> countObjects(s.stringProbes, start);
            case COMPOSITE -> countObjects(s.compositeProbes, start);
        };
    }

    private static long sumLongs(long[] probes, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            acc += probes[i];
        }
        return acc;
    }

    private static long countObjects(Object[] probes, int start) {
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            if (probes[i] != null) {
                acc++;
            }
        }
        return acc;
    }
}
