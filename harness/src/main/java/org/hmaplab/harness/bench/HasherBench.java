package org.hmaplab.harness.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hmaplab.hash.Hasher;
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
 * Hasher speed. {@link #hashLong} hashes {@link #LONGS} pre-generated random longs per
 * invocation (ns per hash); {@link #hashBytes} hashes one buffer of {@code length} bytes per
 * invocation (ns per call; the CSV adds bytes/ns). {@link #baseline} reads the same buffer's
 * last byte and the seed: the harness's own cost per call. The hasher is resolved by
 * {@link HasherChoice} (the {@code Hashers} registry, plus AES backends where available).
 * {@link #multiplyLatency} is the reference a per-byte cost is read against: a chain of
 * {@link #MULTIPLIES} dependent 64-bit multiplies (ns per multiply, the multiply's latency on this
 * machine and JIT). CSV operations: {@code hash-long}, {@code hash-bytes}, {@code baseline-hash},
 * {@code multiply-latency}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HasherBench {

    /** Longs hashed per {@link #hashLong} invocation. */
    public static final int LONGS = 1024;
    /** Dependent multiplies per {@link #multiplyLatency} invocation. */
    public static final int MULTIPLIES = 1024;

    /** The hasher, its input and a seed read from a field (so nothing folds to a constant). */
    @State(Scope.Benchmark)
    public static class Input {
        @Param({"fnv1a"})
        public String hasher;

        /** Input length in bytes for hashBytes; hashLong ignores it. */
        @Param({"16"})
        public int length;

        Hasher h;
        byte[] data;
        long[] longs;
        long seed;

        @Setup(Level.Trial)
        public void setup() {
            if (length < 0) {
                throw new IllegalArgumentException("length must be >= 0, got " + length);
            }
            h = HasherChoice.byName(hasher);
            SplittableRandom random = new SplittableRandom(KeySets.KEY_SEED);
            data = new byte[Math.max(1, length)];
            random.nextBytes(data);
            longs = new long[LONGS];
            for (int i = 0; i < LONGS; i++) {
                longs[i] = random.nextLong();
            }
            seed = random.nextLong();
        }
    }

    /**
     * The start of the multiply chain and its multipliers, all read from memory: with one constant
     * or loop-invariant multiplier C2 reassociates {@code (x * m) * m} into {@code x * (m * m)} in
     * the unrolled loop and measures a fraction of a multiply. The loads do not depend on the chain,
     * so they stay off its critical path.
     */
    @State(Scope.Benchmark)
    public static class Chain {
        long start;
        long[] multipliers;

        @Setup(Level.Trial)
        public void setup() {
            SplittableRandom random = new SplittableRandom(KeySets.KEY_SEED);
            start = random.nextLong();
            multipliers = new long[MULTIPLIES];
            for (int i = 0; i < MULTIPLIES; i++) {
                multipliers[i] = random.nextLong() | 1; // odd: the product never becomes 0
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(LONGS)
    public long hashLong(Input in) {
        Hasher h = in.h;
        long[] longs = in.longs;
        long seed = in.seed;
        long acc = 0;
        for (int i = 0; i < LONGS; i++) {
            acc += h.hashLong(longs[i], seed);
        }
        return acc;
    }

    @Benchmark
    public long hashBytes(Input in) {
        return in.h.hashBytes(in.data, 0, in.length, in.seed);
    }

    @Benchmark
    public long baseline(Input in) {
        return in.data[in.data.length - 1] + in.seed;
    }

    /** Each multiply waits for the one before it: ns per operation is one multiply's latency. */
    @Benchmark
    @OperationsPerInvocation(MULTIPLIES)
    public long multiplyLatency(Chain c) {
        long x = c.start;
        final long[] m = c.multipliers;
        for (int i = 0; i < MULTIPLIES; i++) {
            x *= m[i];
        }
        return x;
    }
}
