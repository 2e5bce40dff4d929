package org.hmaplab.harness.study;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import it.unimi.dsi.fastutil.HashCommon;
import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.baselines.ObjectObjectMapAdapter;
import org.hmaplab.baselines.StringLongMapAdapter;
import org.hmaplab.core.GoLongLongMap;
import org.hmaplab.core.GoMapRules;
import org.hmaplab.core.MapOptions;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Study {@code hash-flooding}: how much slower maps get on keys crafted to collide.
 *
 * <p>Workload: make a map, insert n keys, look each up once; time it (System.nanoTime, median of
 * several repetitions after two warm-up runs) for crafted keys and for random keys of the same
 * kind; the slowdown is the ratio of the medians. This is a study of orders of magnitude (a flood
 * turns O(1) operations into O(n)), not a JMH measurement. Falling over: for GoLongLongMap, a
 * chain longer than {@link #CHAIN_LIMIT} buckets (from its stats, independent of timing noise);
 * for the other maps, a slowdown above {@link #FALLS_OVER}.
 *
 * <p>Attacks:
 * <ul>
 *   <li><b>seeded, known seed</b> (our GoLongLongMap, every hasher): long keys found by brute force
 *   whose {@code hashLong(key, A)} has its low B bits zero (B = the map's final B for n keys), so all
 *   share bucket 0 at every size - run with seed A (the attacker knows the seed) and with a random
 *   seed (the keys were crafted for A). A seeded hasher must stay bounded in the second case.</li>
 *   <li><b>hashCode, seed-independent</b>: keys whose {@code hashCode()} is equal - Long keys
 *   {@code (i << 32) | i} (hashCode 0) for java.util.HashMap; String keys made of "Aa"/"BB" blocks
 *   (equal String.hashCode) for every String map; {@code Map.entry(i, i)} keys (hashCode i ^ i = 0)
 *   for every Object map, including our GoMap, which hashes keys other than boxed integers and
 *   strings as {@code hashLong(hashCode())}.</li>
 *   <li><b>fastutil's mixer</b>: long keys whose {@code HashCommon.mix(key)} has its low bits zero
 *   (fastutil's Long2LongOpenHashMap places a key at {@code mix(key) & mask}; no seed).</li>
 * </ul>
 * Not attacked: the long maps of Eclipse Collections and Agrona (their spread functions are
 * internal, so keys are not crafted against them here).
 */
public final class HashFloodingStudy implements Study {

    /** A slowdown above this means a map falls over under the attack (maps whose layout we cannot see). */
    public static final double FALLS_OVER = 5.0;

    /**
     * A GoLongLongMap chain longer than this many buckets means it falls over: 8 buckets hold 64 keys,
     * which random keys at load 6.5 essentially never put into one bucket (Poisson tail below 1e-30).
     */
    public static final int CHAIN_LIMIT = 8;

    /** Untimed rounds of the random and the crafted-random-seed workloads before a hasher is timed. */
    static final int WARMUP_ROUNDS = 5;

    /** Seed the attacker crafts the GoLongLongMap keys for. */
    static final long SEED_A = 0xA77AC4E5_EED0000AL;

    /** Seed of random keys and random map seeds. */
    static final long RANDOM_SEED = 0xF100D_5EEDL;

    /** Consumes results so the JIT cannot drop the work. */
    private static volatile long sink;

    @Override
    public String name() {
        return "hash-flooding";
    }

    @Override
    public String summary() {
        return "slowdown of every hasher and map on keys crafted to collide, known and random seed";
    }

    /** n long keys whose hashLong(key, seed) has its low {@code bits} bits zero (brute force from a fixed start). */
    public static long[] collidingLongs(Hasher h, long seed, int bits, int n) {
        final long mask = (1L << bits) - 1;
        final long[] out = new long[n];
        final SplittableRandom r = new SplittableRandom(RANDOM_SEED ^ bits);
        int found = 0;
        while (found < n) {
            final long k = r.nextLong();
            if ((h.hashLong(k, seed) & mask) == 0) {
                out[found++] = k;
            }
        }
        return out;
    }

    /** n long keys whose fastutil {@code HashCommon.mix} has its low {@code bits} bits zero. */
    public static long[] fastutilCollidingLongs(int bits, int n) {
        final long mask = (1L << bits) - 1;
        final long[] out = new long[n];
        final SplittableRandom r = new SplittableRandom(RANDOM_SEED + bits);
        int found = 0;
        while (found < n) {
            final long k = r.nextLong();
            if ((HashCommon.mix(k) & mask) == 0) {
                out[found++] = k;
            }
        }
        return out;
    }

    /** 2^blocks Strings of "Aa"/"BB" blocks: all have the same String.hashCode. */
    public static String[] equalHashCodeStrings(int blocks) {
        final String[] out = new String[1 << blocks];
        for (int i = 0; i < out.length; i++) {
            final StringBuilder sb = new StringBuilder(blocks * 2);
            for (int b = 0; b < blocks; b++) {
                sb.append(((i >>> b) & 1) == 0 ? "Aa" : "BB");
            }
            out[i] = sb.toString();
        }
        return out;
    }

    /** n random lower-case Strings of the given length. */
    static String[] randomStrings(int n, int len, long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final String[] out = new String[n];
        final char[] c = new char[len];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < len; j++) {
                c[j] = (char) ('a' + r.nextInt(26));
            }
            out[i] = new String(c);
        }
        return out;
    }

    /**
     * One measured case.
     *
     * @param map        map name
     * @param hasher     hasher name, or "none" for peers
     * @param keys       key kind
     * @param attack     the attack
     * @param seedMode   "known" (the map runs with the seed the keys were crafted for), "random", or
     *                   "n/a" (seed-independent attack or unseeded map)
     * @param craftedMs  median time of the crafted workload, ms
     * @param randomMs   median time of the random workload, ms
     * @param longestChain for GoLongLongMap: the longest bucket chain after inserting the crafted keys
     *                     (deterministic, unlike the timings); -1 for other maps
     */
    public record Result(String map, String hasher, String keys, String attack, String seedMode, double craftedMs,
                         double randomMs, int longestChain) {

        /** craftedMs / randomMs. */
        public double slowdown() {
            return craftedMs / randomMs;
        }

        /**
         * Whether the map falls over: for GoLongLongMap, a chain longer than {@link #CHAIN_LIMIT} buckets
         * (decided by the layout, not by a noisy clock); for the other maps, a slowdown above
         * {@link #FALLS_OVER}.
         */
        public boolean fallsOver() {
            return longestChain >= 0 ? longestChain > CHAIN_LIMIT : slowdown() > FALLS_OVER;
        }
    }

    /** Median wall time in ms of {@code reps} runs after two warm-up runs. */
    static double medianMs(Runnable work, int reps) {
        work.run();
        work.run();
        final double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            final long t0 = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    static Runnable goLongWork(Hasher h, long seed, long[] keys) {
        return () -> {
            final GoLongLongMap m = new GoLongLongMap(h, seed, 0, MapOptions.DEFAULT);
            long s = 0;
            for (long k : keys) {
                m.put(k, k, Long.MIN_VALUE);
            }
            for (long k : keys) {
                s += m.get(k, 0);
            }
            sink = s;
        };
    }

    /** The longest bucket chain of a GoLongLongMap holding the keys. */
    static int longestChain(Hasher h, long seed, long[] keys) {
        final GoLongLongMap m = new GoLongLongMap(h, seed, 0, MapOptions.DEFAULT);
        for (long k : keys) {
            m.put(k, k, Long.MIN_VALUE);
        }
        return m.stats().chainLengthHistogram().size() - 1;
    }

    static Runnable longWork(String map, long[] keys) {
        return () -> {
            final LongLongMapAdapter m = MapRegistry.longLong(map, "fnv1a", 0);
            long s = 0;
            for (long k : keys) {
                m.put(k, k);
            }
            for (long k : keys) {
                s += m.get(k);
            }
            sink = s;
        };
    }

    static Runnable stringWork(String map, String hasher, String[] keys) {
        return () -> {
            final StringLongMapAdapter m = MapRegistry.stringLong(map, hasher, 0);
            long s = 0;
            for (int i = 0; i < keys.length; i++) {
                m.put(keys[i], i);
            }
            for (String k : keys) {
                s += m.get(k);
            }
            sink = s;
        };
    }

    static Runnable objectWork(String map, String hasher, Object[] keys) {
        return () -> {
            final ObjectObjectMapAdapter m = MapRegistry.objectObject(map, hasher, 0);
            long s = 0;
            for (Object k : keys) {
                m.put(k, k);
            }
            for (Object k : keys) {
                s += m.get(k) == null ? 0 : 1;
            }
            sink = s;
        };
    }

    /** Runs every case with n keys (n a power of two) and {@code reps} repetitions. */
    public static List<Result> measure(int n, int reps, List<String> hashers, java.io.PrintWriter log) {
        final List<Result> out = new ArrayList<>();
        final int bits = GoMapRules.bForHint(n);
        final SplittableRandom seeds = new SplittableRandom(RANDOM_SEED);
        final long[] randomLongs = new SplittableRandom(RANDOM_SEED * 31).longs(n).toArray();
        for (String hn : hashers) {
            final Hasher h = Hashers.byName(hn);
            final long[] crafted = collidingLongs(h, SEED_A, bits, n);
            final long randomMapSeed = seeds.nextLong();
            // compile the hasher's paths with every workload first, so no workload pays for the JIT
            for (int w = 0; w < WARMUP_ROUNDS; w++) {
                goLongWork(h, SEED_A, randomLongs).run();
                goLongWork(h, randomMapSeed, crafted).run();
            }
            final double rnd = medianMs(goLongWork(h, SEED_A, randomLongs), reps);
            out.add(new Result("GoLongLongMap", hn, "long", "low " + bits + " hash bits zero for seed A", "known",
                medianMs(goLongWork(h, SEED_A, crafted), reps), rnd, longestChain(h, SEED_A, crafted)));
            out.add(new Result("GoLongLongMap", hn, "long", "low " + bits + " hash bits zero for seed A", "random",
                medianMs(goLongWork(h, randomMapSeed, crafted), reps), rnd, longestChain(h, randomMapSeed, crafted)));
            log.println("hash-flooding: " + hn + " done");
            log.flush();
        }
        final long[] zeroHashCodeLongs = new long[n];
        for (int i = 0; i < n; i++) {
            zeroHashCodeLongs[i] = ((long) i << 32) | i;
        }
        out.add(new Result("jdk", MapRegistry.NO_HASHER, "long", "Long.hashCode 0: (i << 32) | i", "n/a",
            medianMs(longWork("jdk", zeroHashCodeLongs), reps), medianMs(longWork("jdk", randomLongs), reps), -1));
        final int fastutilBits = Integer.numberOfTrailingZeros(HashCommon.arraySize(n, 0.75f));
        out.add(new Result("fastutil", MapRegistry.NO_HASHER, "long", "HashCommon.mix low " + fastutilBits
                + " bits zero", "n/a", medianMs(longWork("fastutil", fastutilCollidingLongs(fastutilBits, n)), reps),
            medianMs(longWork("fastutil", randomLongs), reps), -1));
        final int blocks = Integer.numberOfTrailingZeros(n);
        final String[] aaBb = equalHashCodeStrings(blocks);
        final String[] randomStrings = randomStrings(n, 2 * blocks, RANDOM_SEED);
        final Object[] zeroEntries = new Object[n];
        final Object[] randomEntries = new Object[n];
        final SplittableRandom er = new SplittableRandom(RANDOM_SEED + 7);
        for (int i = 0; i < n; i++) {
            zeroEntries[i] = new AbstractMap.SimpleImmutableEntry<>(i, i);
            randomEntries[i] = new AbstractMap.SimpleImmutableEntry<>(er.nextInt(), er.nextInt());
        }
        final List<String> maps = new ArrayList<>(List.of("go-generic"));
        maps.addAll(MapRegistry.peerNames());
        for (String map : maps) {
            final String hasher = MapRegistry.isGo(map) ? Hashers.defaultHasher().name() : MapRegistry.NO_HASHER;
            final String hz = MapRegistry.isGo(map) ? hasher : "fnv1a";
            out.add(new Result(map, hasher, "String", "\"Aa\"/\"BB\" blocks: equal String.hashCode", "n/a",
                medianMs(stringWork(map, hz, aaBb), reps), medianMs(stringWork(map, hz, randomStrings), reps), -1));
            out.add(new Result(map, hasher, "Object", "Map.entry(i, i): hashCode 0", "n/a",
                medianMs(objectWork(map, hz, zeroEntries), reps), medianMs(objectWork(map, hz, randomEntries), reps),
                -1));
            log.println("hash-flooding: " + map + " done");
            log.flush();
        }
        return out;
    }

    @Override
    public String run(StudyContext ctx) throws IOException {
        final int n = ctx.quick() ? 1024 : 4096;
        final int reps = ctx.quick() ? 3 : 7;
        final List<Result> results = measure(n, reps, Hashers.names(), ctx.log());
        final List<List<?>> csv = new ArrayList<>();
        for (Result r : results) {
            csv.add(List.of(r.map(), r.hasher(), r.keys(), r.attack(), r.seedMode(), n, reps,
                f(r.craftedMs()), f(r.randomMs()), f(r.slowdown()), r.fallsOver(), r.longestChain()));
        }
        CsvOut.write(ctx.dir().resolve("hash-flooding.csv"), List.of("map", "hasher", "keys", "attack", "seed_mode",
            "n", "repetitions", "crafted_ms", "random_ms", "slowdown", "falls_over", "longest_chain"), csv);
        ctx.metadata().put("study_seed_a", Long.toHexString(SEED_A));
        ctx.metadata().put("study_random_seed", Long.toHexString(RANDOM_SEED));
        ctx.metadata().put("study_keys", Integer.toString(n));
        return markdown(results, n, reps);
    }

    private static String markdown(List<Result> results, int n, int reps) {
        final StringBuilder sb = new StringBuilder("# Study: hash-flooding\n\n");
        sb.append(String.format(Locale.ROOT, "Insert %d keys into a new map and look each up once; median of %d"
            + " timed runs (after two warm-up runs) for keys crafted to collide and for random keys of the same kind;"
            + " slowdown = crafted / random. Wall-clock timing on a shared machine: read orders of magnitude, not"
            + " percentages. For GoLongLongMap the longest bucket chain after inserting the crafted keys decides"
            + " (random keys give chains of 1-3 buckets, all n keys in one bucket n/8): it falls over when a chain"
            + " is longer than %d buckets. For the other maps, whose layout is not visible here, a slowdown above"
            + " %.0fx counts as falling over.%n%n", n, reps, CHAIN_LIMIT, FALLS_OVER));
        sb.append("| map | hasher | keys | attack | map seed | crafted ms | random ms | slowdown | falls over |"
            + " longest chain |\n|---|---|---|---|---|--:|--:|--:|---|--:|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.2f | %.1fx | %s | %s |%n",
                r.map(), r.hasher(), r.keys(), r.attack(), r.seedMode(), r.craftedMs(), r.randomMs(), r.slowdown(),
                r.fallsOver() ? "**yes**" : "no", r.longestChain() < 0 ? "-" : Integer.toString(r.longestChain())));
        }
        final List<String> knownFall = new ArrayList<>();
        final List<String> randomFall = new ArrayList<>();
        final List<String> randomHold = new ArrayList<>();
        final List<String> seedless = new ArrayList<>();
        for (Result r : results) {
            final String id = r.map() + (MapRegistry.NO_HASHER.equals(r.hasher()) ? "" : "/" + r.hasher())
                + " (" + r.keys() + ")";
            switch (r.seedMode()) {
                case "known" -> {
                    if (r.fallsOver()) {
                        knownFall.add(id);
                    }
                }
                case "random" -> (r.fallsOver() ? randomFall : randomHold).add(id);
                default -> {
                    if (r.fallsOver()) {
                        seedless.add(id);
                    }
                }
            }
        }
        sb.append("\n**What falls over.**\n\n");
        sb.append("- With the seed known to the attacker: ").append(list(knownFall)).append('\n');
        sb.append("- Same crafted keys, map seeded at random: falls over: ").append(list(randomFall))
            .append("; bounded: ").append(list(randomHold)).append('\n');
        sb.append("- Seed-independent attacks (equal hashCode, fastutil's unseeded mixer): ").append(list(seedless))
            .append('\n');
        return sb.toString();
    }

    private static String list(List<String> xs) {
        return xs.isEmpty() ? "none" : String.join(", ", xs);
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
