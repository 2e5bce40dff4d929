package org.hmaplab.harness.run;

import static org.hmaplab.harness.run.MatrixBuilder.GOALS_HASH_LENGTHS;
import static org.hmaplab.harness.run.MatrixBuilder.GOALS_LATENCY_ROUNDS;
import static org.hmaplab.harness.run.MatrixBuilder.GOALS_MEMORY_SIZES;
import static org.hmaplab.harness.run.MatrixBuilder.GOALS_SPEED_HASHERS;
import static org.hmaplab.harness.run.MatrixBuilder.HIT;
import static org.hmaplab.harness.run.MatrixBuilder.RANDOM_LONGS;
import static org.hmaplab.harness.run.MatrixBuilder.UNIFORM;
import static org.hmaplab.harness.run.MatrixBuilder.concat;
import static org.hmaplab.harness.run.MatrixBuilder.distinct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.hash.Hashers;
import org.hmaplab.harness.bench.HasherChoice;
import org.hmaplab.harness.bench.KeyKind;
import org.hmaplab.harness.nativego.NativeGoImpl;
import org.hmaplab.harness.nativego.NativeHash;
import org.hmaplab.harness.run.MatrixBuilder.Spec;
import org.hmaplab.harness.run.MatrixBuilder.Workload;

/**
 * The run profiles, each defined once, in one place: its label, its {@link Timings} (how long each
 * measurement is, how big the heap of a fork) and its matrix, a {@link Spec} built with named calls
 * from the hasher our maps use unless overridden. Times are in milliseconds.
 *
 * <p>To add or change a profile, edit its constant here. {@link MatrixBuilder} turns the spec into
 * cells; the few rules that depend on the profile beyond its spec (the goals profile's collectors,
 * which cells get limits) stay there. {@code ProfileCellsUnchangedTest} pins every profile's cells.
 */
public enum Profile {
    /** For CI: a handful of cells, 0.2 s iterations; the whole run well under a minute. */
    SMOKE("smoke",
        Timings.of().warmup(1, 200).measurement(2, 200).forks(1).heap("512m"),
        defaultHasher -> {
            List<Integer> sizes = List.of(1024);
            return Spec.builder()
                .impls(List.of("go-swar", "swiss-swar", "fastutil"))
                .goHashers(List.of(defaultHasher))
                .workload(new Workload("get", RANDOM_LONGS, sizes, UNIFORM, HIT))
                .workload(new Workload("put-growth", RANDOM_LONGS, sizes, UNIFORM, HIT))
                .speedHashers(List.of(defaultHasher))
                .hashLengths(List.of(16))
                .latency(RANDOM_LONGS, 1 << 14, 1)
                .memory(RANDOM_LONGS, sizes)
                .build();
        }),
    /**
     * The README's main command: a small, meaningful matrix in under 5 minutes on 2 cores. Six
     * measurement samples of 0.3 s rather than three of 0.6 s: the same time, but JMH's 99.9 %
     * error is Student's t over the samples, 31.6 for 3 samples and 6.9 for 6. 0.8 s of warm-up
     * (C2 has compiled the probe loops of every map after about 0.6 s); the insert-latency and memory
     * cells of our maps use the selected hasher only (memory does not depend on it).
     */
    QUICK("quick",
        Timings.of().warmup(1, 800).measurement(5, 300).forks(1).heap("512m"),
        defaultHasher -> {
            List<Integer> sizes = List.of(1 << 10, 1 << 16);
            // The classic model in Go's 8-byte fast path (FAST64) and the Swiss model in Go's portable
            // match (SWAR), with the selected hasher and with Go's fallback hash (the fastest registered
            // hasher for 8-byte keys), against every peer.
            return Spec.builder()
                .impls(concat(List.of("go-fast64", "swiss-swar"), MapRegistry.peerNames()))
                .goHashers(distinct(List.of(defaultHasher, "go")))
                .workload(new Workload("get", RANDOM_LONGS, sizes, UNIFORM, List.of(100, 0)))
                .workload(new Workload("put-growth", RANDOM_LONGS, sizes, UNIFORM, HIT))
                .workload(new Workload("get", List.of(KeyKind.STRING_16), List.of(1 << 16), UNIFORM, HIT))
                .speedHashers(distinct(List.of(defaultHasher, "xxh3")))
                .hashLengths(List.of(16, 1024))
                .latency(RANDOM_LONGS, 1 << 18, 1)
                .memory(RANDOM_LONGS, sizes)
                .build();
        }),
    /**
     * Nightly publication: the main comparisons at three sizes, under 60 minutes. Six measurement
     * samples of 0.5 s rather than three of 1 s, for the reason given at {@link #QUICK}.
     */
    NIGHTLY("nightly",
        Timings.of().warmup(2, 1000).measurement(6, 500).forks(1).heap("2g"),
        defaultHasher -> {
            List<Integer> sizes = List.of(1 << 10, 1 << 16, 1 << 20);
            Spec.Builder spec = Spec.builder()
                // Go's current map, natively (dropped at run time where no Go 1.27 toolchain is found)
                .impls(concat(concat(List.of("go-generic", "go-fast64", "go-swar", "go-swar-cache",
                    "swiss-swar", "swiss-vector"), MapRegistry.peerNames()), List.of(NativeGoImpl.GO127.label())))
                .goHashers(List.of(defaultHasher))
                .workload(new Workload("get", RANDOM_LONGS, sizes, UNIFORM, List.of(100, 0)))
                .workload(new Workload("get", RANDOM_LONGS, sizes, List.of("zipf"), HIT));
            for (String family : List.of("put-growth", "put-presized", "update", "mixed-90-10", "churn",
                "iterate")) {
                spec.workload(new Workload(family, RANDOM_LONGS, sizes, UNIFORM, HIT));
            }
            return spec
                .workload(new Workload("get", List.of(KeyKind.LONG_SEQ, KeyKind.LONG_STRIDED,
                    KeyKind.STRING_16, KeyKind.COMPOSITE), sizes, UNIFORM, HIT))
                .speedHashers(concat(Hashers.names(), HasherChoice.availableAesBackends()))
                .hashLengths(List.of(16, 1024))
                .hashLong(true)
                .latency(RANDOM_LONGS, 1 << 22, 2)
                .memory(List.of(KeyKind.LONG_RANDOM, KeyKind.STRING_16), sizes)
                .build();
        }),
    /** The whole matrix (hours to days; meant to be sharded with --shard). */
    FULL("full",
        Timings.of().warmup(3, 1000).measurement(5, 1000).forks(2).heap("8g"),
        defaultHasher -> {
            List<Integer> sizes = new ArrayList<>();
            for (int b = 10; b <= 24; b += 2) {
                sizes.add(1 << b);
            }
            List<KeyKind> kinds = List.of(KeyKind.values());
            List<Integer> lengths = new ArrayList<>();
            for (int len = 1; len <= 32; len++) {
                lengths.add(len);
            }
            lengths.addAll(List.of(64, 256, 1024, 4096, 256 * 1024));
            Spec.Builder spec = Spec.builder()
                .impls(concat(MapRegistry.names(), NativeGoImpl.labels()))
                .goHashers(Hashers.names())
                .workload(new Workload("get", kinds, sizes, List.of("uniform", "zipf"), List.of(100, 50, 0)));
            for (String family : List.of("put-growth", "put-presized", "update", "mixed-90-10", "churn",
                "iterate")) {
                spec.workload(new Workload(family, kinds, sizes,
                    family.equals("update") || family.equals("mixed-90-10") ? List.of("uniform", "zipf") : UNIFORM,
                    HIT));
            }
            return spec
                .speedHashers(concat(Hashers.names(), HasherChoice.availableAesBackends()))
                .hashLengths(lengths)
                .hashLong(true)
                .latency(kinds, 1 << 22, 3)
                .memory(kinds, sizes)
                .build();
        }),
    /**
     * Hasher speed only: every hasher and AES backend, hashLong and hashBytes at 13 lengths from 1 B
     * to 256 KiB, about 12 minutes; 1 s of warm-up because C2 needs about 0.6 s for the Vector API code.
     * Six samples of 0.25 s rather than three of 0.5 s: the same time, Student's t 6.9 instead of 31.6.
     */
    HASHERS("hashers",
        Timings.of().warmup(1, 1000).measurement(6, 250).forks(1).heap("512m"),
        defaultHasher -> Spec.builder()
            .goHashers(List.of(defaultHasher))
            .speedHashers(concat(Hashers.names(), HasherChoice.availableAesBackends()))
            .hashLengths(List.of(1, 2, 4, 8, 12, 16, 24, 32, 64, 256, 1024, 4096, 256 * 1024))
            .hashLong(true)
            .build()),
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
    GOALS("goals",
        Timings.of().warmup(1, 1000).measurement(10, 500).forks(1).heap("4g"),
        defaultHasher -> {
            List<Integer> sizes = List.of(1 << 10, 1 << 16, 1 << 22);
            // FAST64 is our fastest style for long keys, SWAR for String keys; Go's fallback hash is the
            // fastest registered hasher for 8-byte keys, aes for strings.
            // Native Go of the classic model's generation (1.19) and the newest (1.27), with both Go hashes:
            // the Java models are judged against the runtime they model (dropped where no toolchain is found).
            return Spec.builder()
                .impls(concat(concat(List.of("go-fast64", "go-swar", "swiss-swar", "swiss-vector"),
                    MapRegistry.peerNames()), List.of(NativeGoImpl.GO119.label(), NativeGoImpl.GO127.label())))
                .goHashers(distinct(List.of("go", defaultHasher)))
                .workload(new Workload("get", RANDOM_LONGS, sizes, UNIFORM, List.of(100, 0)))
                .workload(new Workload("put-growth", RANDOM_LONGS, sizes, UNIFORM, HIT))
                .workload(new Workload("update", RANDOM_LONGS, List.of(1 << 16), UNIFORM, HIT))
                .workload(new Workload("churn", RANDOM_LONGS, List.of(1 << 16), UNIFORM, HIT))
                .workload(new Workload("get", List.of(KeyKind.STRING_16), List.of(1 << 16), UNIFORM, List.of(100, 0)))
                .speedHashers(GOALS_SPEED_HASHERS)
                .hashLengths(GOALS_HASH_LENGTHS)
                .hashLong(true)
                .latency(RANDOM_LONGS, 1 << 22, GOALS_LATENCY_ROUNDS)
                .memory(RANDOM_LONGS, GOALS_MEMORY_SIZES)
                .build();
        }),
    /**
     * The native-gap study: the classic Java model against Go's own runtime maps (every native
     * implementation with a toolchain, both Go hashes) on the long-key cells at 1K, 64K and 4M
     * entries. Two interleaved rounds of one fork (process) per cell, five 0.5 s samples each.
     */
    NATIVE_GAP("native-gap",
        Timings.of().warmup(1, 1000).measurement(5, 500).forks(1).heap("4g"),
        defaultHasher -> {
            List<Integer> sizes = List.of(1 << 10, 1 << 16, 1 << 22);
            // The classic model in Go's own loop shape (FAST64) and the Swiss model in Go's portable match
            // (SWAR), each with Go 1.19's fallback hash and with the AES hash (aeshash's structure), against
            // every native Go map with both of Go's hashes.
            Spec.Builder spec = Spec.builder()
                .impls(concat(List.of("go-fast64", "swiss-swar"), NativeGoImpl.labels()))
                .goHashers(concat(distinct(List.of("go", "aes")), NativeHash.labels()))
                .workload(new Workload("get", RANDOM_LONGS, sizes, UNIFORM, List.of(100, 0)));
            for (String family : List.of("put-growth", "put-presized", "update", "churn", "iterate")) {
                spec.workload(new Workload(family, RANDOM_LONGS, sizes, UNIFORM, HIT));
            }
            return spec.build();
        });

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
    private final Function<String, Spec> matrix;

    Profile(String label, Timings timings, Function<String, Spec> matrix) {
        this.label = label;
        this.timings = timings;
        this.matrix = matrix;
    }

    /** The profile's timings. */
    public Timings timings() {
        return timings;
    }

    /**
     * The profile's matrix before the command line's overrides; {@code defaultHasher} is the hasher
     * our maps use unless overridden.
     */
    public Spec spec(String defaultHasher) {
        return matrix.apply(defaultHasher);
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
