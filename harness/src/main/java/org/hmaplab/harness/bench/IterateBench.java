package org.hmaplab.harness.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.ObjLongConsumer;
import org.hmaplab.core.LongLongConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full iteration with {@code forEach} over a map of {@code size} entries, summing keys and
 * values through a consumer kept in the state (no allocation per invocation). One invocation
 * visits {@code size} entries: {@code hbench run} sets operations-per-invocation to {@code size},
 * so the score is per entry. CSV operation: {@code iterate}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IterateBench {

    /** Sums what it is given; one instance per state, reused. */
    static final class Summer implements LongLongConsumer, ObjLongConsumer<String>, BiConsumer<Object, Object> {
        long sum;

        @Override
        public void accept(long key, long value) {
            sum += key + value;
        }

        @Override
        public void accept(String key, long value) {
            sum += key.length() + value;
        }

        @Override
        public void accept(Object key, Object value) {
            sum += value == null ? 0 : 1;
        }
    }

    /** A filled map and the consumer. */
    @State(Scope.Benchmark)
    public static class Filled extends MapState {
        final Summer summer = new Summer();

        @Setup(Level.Trial)
        public void setup() {
            generateKeys();
            newFilledMap();
        }
    }

    @Benchmark
    public long forEach(Filled s) {
        Summer summer = s.summer;
        summer.sum = 0;
        switch (s.family) {
            case LONG -> s.longMap.forEach(summer);
            case STRING -> s.stringMap.forEach(summer);
            case COMPOSITE -> s.objectMap.forEach(summer);
            default -> throw new IllegalStateException();
        }
        return summer.sum;
    }
}
