package org.hmaplab.harness.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.bench.KeyKind;
import org.hmaplab.harness.nativego.NativeGoImpl;
import org.hmaplab.harness.nativego.NativeGoRunner;
import org.hmaplab.harness.nativego.NativeHash;
import org.hmaplab.harness.nativego.NativeInput;

/**
 * Builds the benchmark matrix of a profile as an ordered list of {@link Cell}s, applies the
 * command line's overrides and filters, and cuts shards.
 *
 * <p>A profile's {@link Spec}, defined with the profile in {@link Profile}, names the implementations,
 * the hashers of our maps, the workloads (operation family x key kinds x sizes x distributions x hit
 * ratios), the hasher-speed cells, the insert-latency cells and the memory cells. {@code --impl}, {@code --hasher} and
 * {@code --sizes} replace the spec's lists (they do not just filter them); {@code --include}
 * then keeps the cells whose {@link Cell#id()} contains a match of the regex; {@code --shard I/N}
 * keeps cell {@code k} (0-based, in matrix order) when {@code k mod N == I - 1}. The order is
 * deterministic: workloads in spec order, then key kind, size, distribution, hit ratio,
 * implementation, hasher.
 */
public final class MatrixBuilder {
    private MatrixBuilder() {
    }

    static final String BENCH = "org.hmaplab.harness.bench.";

    /** A family of map operations over some key kinds, sizes, distributions and hit ratios. */
    public record Workload(String family, List<KeyKind> kinds, List<Integer> sizes, List<String> distributions,
                           List<Integer> hitRatios) {
    }

    /**
     * Everything a profile runs. Built with named calls ({@code Spec.builder().impls(...).goHashers(...)
     * .workload(...).latency(kinds, size, rounds).build()}) so that no list is read by its position.
     *
     * @param impls         the implementations, ours, the peers' and native Go's
     * @param goHashers     the hashers of our maps and the Go hashes of the native maps
     * @param workloads     the map-operation workloads, in matrix order
     * @param speedHashers  the hashers whose speed is measured
     * @param hashLengths   the input lengths of the hashBytes cells
     * @param hashLong      whether the hashLong cells are measured
     * @param latencyKinds  the key kinds of the insert-latency cells
     * @param latencySize   the entries of one insert-latency fill
     * @param latencyRounds the measured fills of one insert-latency cell
     * @param memoryKinds   the key kinds of the memory cells
     * @param memorySizes   the map sizes of every memory cell
     */
    public record Spec(List<String> impls, List<String> goHashers, List<Workload> workloads,
                       List<String> speedHashers, List<Integer> hashLengths, boolean hashLong,
                       List<KeyKind> latencyKinds, int latencySize, int latencyRounds,
                       List<KeyKind> memoryKinds, List<Integer> memorySizes) {

        /** A builder with nothing set: every list empty, no hashLong cells, no latency fill. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding this spec's parts, to build a copy with some of them replaced. */
        public Builder toBuilder() {
            return new Builder().impls(impls).goHashers(goHashers).workloads(workloads).speedHashers(speedHashers)
                .hashLengths(hashLengths).hashLong(hashLong).latency(latencyKinds, latencySize, latencyRounds)
                .memory(memoryKinds, memorySizes);
        }

        /** Sets the parts of a {@link Spec} by name; a part left unset is empty (lists), false or 0. */
        public static final class Builder {
            private List<String> impls = List.of();
            private List<String> goHashers = List.of();
            private final List<Workload> workloads = new ArrayList<>();
            private List<String> speedHashers = List.of();
            private List<Integer> hashLengths = List.of();
            private boolean hashLong;
            private List<KeyKind> latencyKinds = List.of();
            private int latencySize;
            private int latencyRounds;
            private List<KeyKind> memoryKinds = List.of();
            private List<Integer> memorySizes = List.of();

            private Builder() {
            }

            /** The implementations, ours, the peers' and native Go's. */
            public Builder impls(List<String> names) {
                impls = List.copyOf(names);
                return this;
            }

            /** The hashers of our maps and the Go hashes of the native maps. */
            public Builder goHashers(List<String> names) {
                goHashers = List.copyOf(names);
                return this;
            }

            /** Replaces the workloads with {@code list}. */
            public Builder workloads(List<Workload> list) {
                workloads.clear();
                workloads.addAll(list);
                return this;
            }

            /** Adds {@code w} after the workloads set so far. */
            public Builder workload(Workload w) {
                workloads.add(w);
                return this;
            }

            /** The hashers whose speed is measured (hashLong and hashBytes cells). */
            public Builder speedHashers(List<String> names) {
                speedHashers = List.copyOf(names);
                return this;
            }

            /** The input lengths, in bytes, of the hashBytes cells. */
            public Builder hashLengths(List<Integer> lengths) {
                hashLengths = List.copyOf(lengths);
                return this;
            }

            /** Whether the speed hashers also get a hashLong cell. */
            public Builder hashLong(boolean measured) {
                hashLong = measured;
                return this;
            }

            /** Insert-latency cells for {@code kinds}: fills of {@code size} entries, {@code rounds} measured. */
            public Builder latency(List<KeyKind> kinds, int size, int rounds) {
                latencyKinds = List.copyOf(kinds);
                latencySize = size;
                latencyRounds = rounds;
                return this;
            }

            /** Memory cells for {@code kinds}, each measuring the maps of {@code sizes} entries. */
            public Builder memory(List<KeyKind> kinds, List<Integer> sizes) {
                memoryKinds = List.copyOf(kinds);
                memorySizes = List.copyOf(sizes);
                return this;
            }

            /** The spec of the parts set. */
            public Spec build() {
                return new Spec(impls, goHashers, List.copyOf(workloads), speedHashers, hashLengths, hashLong,
                    latencyKinds, latencySize, latencyRounds, memoryKinds, memorySizes);
            }
        }
    }

    /** The map-operation families, with the JMH method each runs. */
    static final Map<String, String> FAMILIES = families();

    private static Map<String, String> families() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("get", BENCH + "GetBench.get");
        m.put("put-growth", BENCH + "PutBench.growth");
        m.put("put-presized", BENCH + "PutBench.presized");
        m.put("update", BENCH + "UpdateBench.update");
        m.put("mixed-90-10", BENCH + "UpdateBench.mixed");
        m.put("churn", BENCH + "ChurnBench.churn");
        m.put("iterate", BENCH + "IterateBench.forEach");
        return m;
    }

    static final String BASELINE = BENCH + "BaselineBench.loop";
    /** The CSV operation of the one-load-per-probe limit ({@code LimitBench.oneLine}). */
    public static final String LIMIT_1LINE_OPERATION = "limit-1line";
    /** The CSV operation of the two-loads-per-probe limit ({@code LimitBench.twoLines}). */
    public static final String LIMIT_2LINES_OPERATION = "limit-2lines";
    /** The limit benchmarks by CSV operation. */
    static final Map<String, String> LIMITS = Map.of(LIMIT_1LINE_OPERATION, BENCH + "LimitBench.oneLine",
        LIMIT_2LINES_OPERATION, BENCH + "LimitBench.twoLines");
    static final String HASH_LONG = BENCH + "HasherBench.hashLong";
    static final String HASH_BYTES = BENCH + "HasherBench.hashBytes";
    static final String HASH_BASELINE = BENCH + "HasherBench.baseline";
    static final String MULTIPLY_LATENCY = BENCH + "HasherBench.multiplyLatency";
    /** The CSV operation of the multiply-latency reference, measured once by every run that measures hashers. */
    public static final String MULTIPLY_LATENCY_OPERATION = "multiply-latency";
    /**
     * The hashers the goals profile times (aes against xxh3, fnv1a against a multiply's
     * latency, rc6 and go reported) and their input lengths: 8 bytes and 1 KiB up.
     */
    static final List<String> GOALS_SPEED_HASHERS = List.of("aes", "xxh3", "fnv1a", "rc6", "go");
    static final List<Integer> GOALS_HASH_LENGTHS = List.of(8, 1024, 4096, 256 * 1024);
    static final String LATENCY_PROBE = "org.hmaplab.harness.run.InsertLatencyProbe";
    static final String MEMORY_PROBE = "org.hmaplab.harness.run.MemoryProbe";

    /** Families whose one invocation is {@code size} operations (ops/invocation set at run time). */
    private static final Set<String> PER_ENTRY_FAMILIES = Set.of("put-growth", "put-presized", "iterate");

    /** Largest map size used with object keys in the full profile (String/record keys of 16M maps do not fit 8g). */
    static final int FULL_OBJECT_KEY_MAX_SIZE = 1 << 22;

    /** The distribution of most workloads: keys looked up uniformly. */
    static final List<String> UNIFORM = List.of("uniform");

    /**
     * The goals profile's bytes-per-entry sweep: 2^(10 + k/2) entries for k = 0..28, evenly spaced in
     * log2 from 2^10 to 2^24, so their mean estimates the mean over a log-uniform size.
     */
    static final List<Integer> GOALS_MEMORY_SIZES = goalsMemorySizes();

    /**
     * The collectors of the goals profile's latency cells: the JVM's default (G1), whose young
     * collections copy a growing map's fresh pages, and ZGC, which does that concurrently.
     */
    static final List<String> GOALS_LATENCY_GCS = List.of("g1", "zgc");

    /**
     * Measured fills per latency cell of the goals profile. The pause goal is judged on the median of
     * the fills' largest inserts (latency.csv {@code max_median}); with 5 fills a hiccup of the machine
     * must hit 3 of them to move it. Each extra fill of 4M keys adds 1.3-3 s to a cell on the project's
     * 2-core VM (jdk's boxed map the most; README "Performance goals").
     */
    static final int GOALS_LATENCY_ROUNDS = 5;

    /** Latency cells of other profiles name no collector: the probe JVM runs the default one. */
    private static final List<String> DEFAULT_GC = Collections.singletonList(null);

    /** The goals profile measures no memory for these (boxed HashMap of 16M entries is slow to walk and no goal). */
    static final Set<String> GOALS_MEMORY_SKIPPED = Set.of("jdk");

    private static List<Integer> goalsMemorySizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k <= 28; k++) {
            sizes.add((int) Math.round(Math.pow(2, 10 + k / 2.0)));
        }
        return List.copyOf(sizes);
    }

    /** The hit ratio of the workloads that hit only, and of every non-get workload. */
    static final List<Integer> HIT = List.of(100);

    /** The key kind of most workloads: random longs. */
    static final List<KeyKind> RANDOM_LONGS = List.of(KeyKind.LONG_RANDOM);

    /**
     * The spec of {@code profile} ({@link Profile#spec(String)}, where each profile is defined);
     * {@code defaultHasher} is the hasher our maps use unless overridden.
     */
    public static Spec spec(Profile profile, String defaultHasher) {
        return profile.spec(defaultHasher);
    }

    /** {@code spec} with the non-null overrides replacing its implementations, hashers, sizes. */
    public static Spec override(Spec spec, List<String> impls, List<String> hashers, List<Integer> sizes) {
        List<String> i = impls == null ? spec.impls() : impls;
        List<String> goHashers = hashers == null ? spec.goHashers() : hashers;
        List<String> speed = hashers == null ? spec.speedHashers() : hashers;
        List<Workload> w = spec.workloads();
        List<Integer> mem = spec.memorySizes();
        int latency = spec.latencySize();
        if (sizes != null) {
            w = w.stream().map(x -> new Workload(x.family(), x.kinds(), sizes, x.distributions(), x.hitRatios()))
                .toList();
            mem = sizes;
            latency = sizes.stream().mapToInt(Integer::intValue).max().orElse(latency);
        }
        return spec.toBuilder().impls(i).goHashers(goHashers).workloads(w).speedHashers(speed)
            .latency(spec.latencyKinds(), latency, spec.latencyRounds()).memory(spec.memoryKinds(), mem).build();
    }

    /** Every cell of {@code spec}, in matrix order. */
    public static List<Cell> cells(Spec spec, Profile profile) {
        List<Cell> cells = new ArrayList<>();
        Set<String> baselines = new LinkedHashSet<>();
        for (Workload w : spec.workloads()) {
            String target = FAMILIES.get(w.family());
            if (target == null) {
                throw new IllegalArgumentException("unknown workload family '" + w.family() + "'; valid: "
                    + String.join(", ", FAMILIES.keySet()));
            }
            boolean get = w.family().equals("get");
            boolean distributed = get || w.family().equals("update") || w.family().equals("mixed-90-10");
            for (KeyKind kind : w.kinds()) {
                for (int size : w.sizes()) {
                    if (profile == Profile.FULL && kind.family() != KeyKind.Family.LONG
                        && size > FULL_OBJECT_KEY_MAX_SIZE) {
                        continue;
                    }
                    for (String dist : distributed ? w.distributions() : UNIFORM) {
                        for (int hit : get ? w.hitRatios() : HIT) {
                            String operation = get ? getOperation(hit) : w.family();
                            for (String impl : spec.impls()) {
                                if (!hasCell(impl, kind, target)) {
                                    continue;
                                }
                                for (String hasher : hashersOf(impl, spec)) {
                                    Map<String, String> p = mapParams(impl, hasher, kind, size);
                                    if (distributed) {
                                        p.put("distribution", dist);
                                    }
                                    if (get) {
                                        p.put("hitRatio", Integer.toString(hit));
                                    }
                                    int ops = PER_ENTRY_FAMILIES.contains(w.family()) ? size : 0;
                                    cells.add(new Cell(operation, Cell.Kind.JMH, target, p, ops));
                                }
                            }
                            // one baseline per key kind, size and distribution: the loop costs the same for misses
                            if (get && baselines.add(kind.label() + "/" + size + "/" + dist)) {
                                Map<String, String> p = new LinkedHashMap<>();
                                p.put("keyKind", kind.label());
                                p.put("size", Integer.toString(size));
                                p.put("distribution", dist);
                                p.put("hitRatio", Integer.toString(hit));
                                cells.add(new Cell("baseline", Cell.Kind.JMH, BASELINE, p, 0));
                                for (String limit : limitOperations(profile, kind, size, w.sizes())) {
                                    cells.add(new Cell(limit, Cell.Kind.JMH, LIMITS.get(limit),
                                        new LinkedHashMap<>(p), 0));
                                }
                            }
                        }
                    }
                }
            }
        }
        for (String hasher : spec.speedHashers()) {
            if (spec.hashLong()) {
                cells.add(new Cell("hash-long", Cell.Kind.JMH, HASH_LONG, hashParams(hasher, Long.BYTES), 0));
            }
            for (int length : spec.hashLengths()) {
                cells.add(new Cell("hash-bytes", Cell.Kind.JMH, HASH_BYTES, hashParams(hasher, length), 0));
            }
        }
        if (!spec.speedHashers().isEmpty()) {
            for (int length : spec.hashLengths()) {
                cells.add(new Cell("baseline-hash", Cell.Kind.JMH, HASH_BASELINE,
                    hashParams(spec.speedHashers().get(0), length), 0));
            }
            // the latency of one multiply: the yardstick of a per-byte cost such as fnv1a's
            cells.add(new Cell(MULTIPLY_LATENCY_OPERATION, Cell.Kind.JMH, MULTIPLY_LATENCY, new LinkedHashMap<>(), 0));
        }
        for (KeyKind kind : spec.latencyKinds()) {
            for (String impl : spec.impls()) {
                if (NativeGoImpl.isNative(impl)) {
                    continue; // the insert-latency probe is a JVM program
                }
                for (String hasher : hashersOf(impl, spec)) {
                    if (profile == Profile.QUICK && MapRegistry.isGo(impl) && !hasher.equals(spec.goHashers().get(0))) {
                        continue; // quick: the insert pauses of our maps with the selected hasher only
                    }
                    // the goals profile runs each latency cell under G1 (the default) and ZGC; others use the default
                    for (String gc : profile == Profile.GOALS ? GOALS_LATENCY_GCS : DEFAULT_GC) {
                        Map<String, String> p = mapParams(impl, hasher, kind, spec.latencySize());
                        p.put("rounds", Integer.toString(spec.latencyRounds()));
                        if (gc != null) {
                            p.put("gc", gc);
                        }
                        cells.add(new Cell("latency", Cell.Kind.LATENCY, LATENCY_PROBE, p, 0));
                    }
                }
            }
        }
        for (KeyKind kind : spec.memoryKinds()) {
            for (String impl : spec.impls()) {
                if (NativeGoImpl.isNative(impl)) {
                    continue; // JOL measures Java objects only
                }
                // one memory cell per design (classic, Swiss): the first of the spec's maps of that design
                boolean otherGo = MapRegistry.isGo(impl) && !impl.equals(spec.impls().stream()
                    .filter(i -> MapRegistry.isGo(i) && MapRegistry.isSwiss(i) == MapRegistry.isSwiss(impl))
                    .findFirst().orElse(impl));
                if (profile == Profile.GOALS && (GOALS_MEMORY_SKIPPED.contains(impl) || otherGo)) {
                    continue; // memory depends on neither the lookup style nor the hasher
                }
                for (String hasher : hashersOf(impl, spec)) {
                    if ((profile == Profile.GOALS || profile == Profile.QUICK) && MapRegistry.isGo(impl)
                        && !hasher.equals(spec.goHashers().get(0))) {
                        continue;
                    }
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("impl", impl);
                    p.put("hasher", hasher);
                    p.put("keyKind", kind.label());
                    p.put("sizes", String.join(",", spec.memorySizes().stream().map(String::valueOf).toList()));
                    cells.add(new Cell("memory", Cell.Kind.MEMORY, MEMORY_PROBE, p, 0));
                }
            }
        }
        return cells;
    }

    /**
     * The limit cells beside a get group's baseline: long keys only (the floor is the table's loads, the
     * same for every key kind; object keys add the key object's load on top of it). Smoke has none;
     * quick has the one-line limit at its largest size only, to stay inside its 5-minute budget (4m55s
     * estimated before, one cell is 4 s); the other profiles have both limits for every get group.
     */
    static List<String> limitOperations(Profile profile, KeyKind kind, int size, List<Integer> sizes) {
        if (kind.family() != KeyKind.Family.LONG || profile == Profile.SMOKE) {
            return List.of();
        }
        if (profile == Profile.QUICK) {
            return size == Collections.max(sizes) ? List.of(LIMIT_1LINE_OPERATION) : List.of();
        }
        return List.of(LIMIT_1LINE_OPERATION, LIMIT_2LINES_OPERATION);
    }

    /** The CSV operation name of a get with hit ratio {@code hit} percent. */
    static String getOperation(int hit) {
        return hit == 100 ? "get-hit" : hit == 0 ? "get-miss" : "get-hit" + hit;
    }

    /**
     * The hashers of an implementation's cells: our maps get the spec's hashers, a native-Go map the
     * Go hashes among them ({@code aeshash}, {@code fallback}; both when the spec names none), a
     * peer {@code none}.
     */
    private static List<String> hashersOf(String impl, Spec spec) {
        if (NativeGoImpl.isNative(impl)) {
            List<String> nativeHashes = spec.goHashers().stream().filter(h -> NativeHash.of(h).isPresent()).toList();
            return nativeHashes.isEmpty() ? NativeHash.labels() : nativeHashes;
        }
        return MapRegistry.isGo(impl)
            ? spec.goHashers().stream().filter(h -> NativeHash.of(h).isEmpty()).toList()
            : List.of(MapRegistry.NO_HASHER);
    }

    /**
     * Whether a JMH map cell exists for {@code impl}: a native-Go map only for the cells Go can run, a
     * map with a long-key-only option (the Swiss control-words-first layout) only for long keys.
     */
    private static boolean hasCell(String impl, KeyKind kind, String target) {
        if (MapRegistry.isLongKeyOnly(impl) && kind.family() != KeyKind.Family.LONG) {
            return false;
        }
        return !NativeGoImpl.isNative(impl) || (NativeInput.supports(kind) && NativeGoRunner.mirrors(target));
    }

    private static Map<String, String> mapParams(String impl, String hasher, KeyKind kind, int size) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("impl", impl);
        p.put("hasher", hasher);
        p.put("keyKind", kind.label());
        p.put("size", Integer.toString(size));
        return p;
    }

    private static Map<String, String> hashParams(String hasher, int length) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hasher", hasher);
        p.put("length", Integer.toString(length));
        return p;
    }

    /** The cells whose {@link Cell#id()} contains a match of {@code include} (null: all). */
    public static List<Cell> include(List<Cell> cells, Pattern include) {
        if (include == null) {
            return cells;
        }
        return cells.stream().filter(c -> include.matcher(c.id()).find()).toList();
    }

    /** Shard {@code index} (1-based) of {@code count}: cells k with k mod count == index - 1. */
    public static List<Cell> shard(List<Cell> cells, int index, int count) {
        checkShard(index, count);
        List<Cell> out = new ArrayList<>();
        for (int k = index - 1; k < cells.size(); k += count) {
            out.add(cells.get(k));
        }
        return out;
    }

    /** Validates a shard: 1 &lt;= index &lt;= count. */
    public static void checkShard(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N (e.g. 1/4), got " + index + "/"
                + count);
        }
    }

    /** {@code a} followed by {@code b}, unmodifiable. */
    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** {@code names} without repeats, in first-seen order, unmodifiable. */
    static List<String> distinct(List<String> names) {
        return List.copyOf(new LinkedHashSet<>(names));
    }
}
