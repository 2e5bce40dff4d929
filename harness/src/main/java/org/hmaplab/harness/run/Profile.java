package org.hmaplab.harness.run;

import java.util.Arrays;
import java.util.List;

/**
 * The run profiles: how long each measurement is, how big the heap of a fork, and which matrix
 * ({@link MatrixBuilder} holds the matrices). Times are in milliseconds.
 */
public enum Profile {
    /** For CI: a handful of cells, 0.2 s iterations; the whole run well under a minute. */
    SMOKE("smoke", Timings.of().warmup(1, 200).measurement(2, 200).forks(1).heap("512m")),
    /**
     * The README's main command: a small, meaningful matrix in under 5 minutes on 2 cores. Six
     * measurement samples of 0.3 s rather than three of 0.6 s: the same time, but JMH's 99.9 %
     * error is Student's t over the samples, 31.6 for 3 samples and 6.9 for 6. 0.8 s of warm-up
     * (C2 has compiled the probe loops of every map after about 0.6 s); the insert-latency and memory
     * cells of our maps use the selected hasher only (memory does not depend on it).
     */
    QUICK("quick", Timings.of().warmup(1, 800).measurement(5, 300).forks(1).heap("512m")),
    /**
     * Nightly publication: the main comparisons at three sizes, under 60 minutes. Six measurement
     * samples of 0.5 s rather than three of 1 s, for the reason given at {@link #QUICK}.
     */
    NIGHTLY("nightly", Timings.of().warmup(2, 1000).measurement(6, 500).forks(1).heap("2g")),
    /** The whole matrix (hours to days; meant to be sharded with --shard). */
    FULL("full", Timings.of().warmup(3, 1000).measurement(5, 1000).forks(2).heap("8g")),
    /**
     * Hasher speed only: every hasher and AES backend, hashLong and hashBytes at 13 lengths from 1 B
     * to 256 KiB, about 12 minutes; 1 s of warm-up because C2 needs about 0.6 s for the Vector API code.
     * Six samples of 0.25 s rather than three of 0.5 s: the same time, Student's t 6.9 instead of 31.6.
     */
    HASHERS("hashers", Timings.of().warmup(1, 1000).measurement(6, 250).forks(1).heap("512m")),
    /**
     * The performance goals (docs/performance-log.md): our map's candidate configurations
     * against every peer at 1K, 64K and 4M entries, the 4M insert-latency fills (5 measured per cell,
     * judged on the median of their largest inserts) and a bytes-per-entry sweep over 29 log-spaced
     * sizes from 2^10 to 2^24. summary.md ends with the goals table, whose verdicts rest on the 95 %
     * interval over forks of each time ratio: at least two forks, because one fork's JIT can land a
     * cell 50 % away from another's (go-fast64 get-miss at 1K: 4.0 ns in one run, 6.2 in the next,
     * each with a tight error), and ten 0.5 s samples per fork, which steady each fork's mean. The
     * forks run as interleaved rounds of one fork each ({@link #defaultRounds()}: two; {@code --rounds}
     * gives more, and with them narrower intervals), so that the forks of a cell are minutes apart
     * and a slow drift of the machine hits every cell alike.
     */
    GOALS("goals", Timings.of().warmup(1, 1000).measurement(10, 500).forks(1).heap("4g")),
    /**
     * The native-gap study: the classic Java model against Go's own runtime maps (every native
     * implementation with a toolchain, both Go hashes) on the long-key cells at 1K, 64K and 4M
     * entries. Two interleaved rounds of one fork (process) per cell, five 0.5 s samples each.
     */
    NATIVE_GAP("native-gap", Timings.of().warmup(1, 1000).measurement(5, 500).forks(1).heap("4g"));

    /**
     * A profile's timings, built with named calls ({@code Timings.of().warmup(1, 200).measurement(2, 200)
     * .forks(1).heap("512m")}) so no number is read by its position. Iteration times in milliseconds.
     *
     * @param warmupIterations      warm-up iterations per fork
     * @param warmupMillis          length of one warm-up iteration
     * @param measurementIterations measured iterations per fork
     * @param measurementMillis     length of one measured iteration
     * @param forks                 forks (JVMs) per cell and round
     * @param heap                  heap of every fork and probe JVM ({@code -Xms} = {@code -Xmx})
     */
    public record Timings(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
                          int forks, String heap) {
        /** Timings with nothing set yet (one fork, no iterations, no heap): set every part by name. */
        public static Timings of() {
            return new Timings(0, 0, 0, 0, 1, "");
        }

        /** {@code iterations} warm-up iterations of {@code millis} ms each. */
        public Timings warmup(int iterations, int millis) {
            return new Timings(iterations, millis, measurementIterations, measurementMillis, forks, heap);
        }

        /** {@code iterations} measured iterations of {@code millis} ms each. */
        public Timings measurement(int iterations, int millis) {
            return new Timings(warmupIterations, warmupMillis, iterations, millis, forks, heap);
        }

        /** {@code n} forks per cell and round. */
        public Timings forks(int n) {
            return new Timings(warmupIterations, warmupMillis, measurementIterations, measurementMillis, n, heap);
        }

        /** The heap of every fork and probe JVM, e.g. {@code 512m}. */
        public Timings heap(String size) {
            return new Timings(warmupIterations, warmupMillis, measurementIterations, measurementMillis, forks, size);
        }
    }

    private final String label;
    private final Timings timings;

    Profile(String label, Timings timings) {
        this.label = label;
        this.timings = timings;
    }

    /** The profile's timings. */
    public Timings timings() {
        return timings;
    }

    public String label() {
        return label;
    }

    public int warmupIterations() {
        return timings.warmupIterations();
    }

    public int warmupMillis() {
        return timings.warmupMillis();
    }

    public int measurementIterations() {
        return timings.measurementIterations();
    }

    public int measurementMillis() {
        return timings.measurementMillis();
    }

    public int forks() {
        return timings.forks();
    }

    /**
     * How many times {@code hbench run} runs the matrix by default, each round in a fresh seeded
     * order, so that a cell's forks come from different moments of the run: two for the profiles
     * whose verdicts are judged on fork intervals (goals, native-gap), one elsewhere (a run's
     * time is the profile's budget; {@code --rounds} sets more).
     */
    public int defaultRounds() {
        return this == GOALS || this == NATIVE_GAP ? 2 : 1;
    }

    /** The heap of every fork and probe JVM ({@code -Xms} = {@code -Xmx}), e.g. {@code 1g}. */
    public String heap() {
        return timings.heap();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Profile::label).toList();
    }

    /** The profile called {@code label}; IllegalArgumentException listing the valid ones otherwise. */
    public static Profile of(String label) {
        for (Profile p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + label + "'; valid: " + String.join(", ", labels()));
    }
}
