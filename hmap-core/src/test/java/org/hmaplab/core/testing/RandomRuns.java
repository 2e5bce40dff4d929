package org.hmaplab.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A small model-based test driver: seeded random runs of operation sequences, the failing seed
 * printed, and a failing sequence shrunk to a short one.
 *
 * <h2>How a run is made</h2>
 * A property has a name, a number of tries, a generator and a check. Try {@code t} draws its case
 * from {@code new SplittableRandom(seedOf(base, t))}: the generator returns the case's parameters
 * (lookup style, key space, hint, ...) and its operation list. The check replays the operations
 * against the implementation and a model and throws (an {@link AssertionError} or any runtime
 * exception) on the first disagreement. The base seed is fixed, so every build runs the same cases;
 * {@code -Dhmap.randomRuns.seed=N} (decimal or 0x-hex) runs other ones, and
 * {@code -Dhmap.randomRuns.tries=N} overrides every property's tries.
 *
 * <h2>What a failure prints</h2>
 * The property, the try, the seed that regenerates the case (rerun with
 * {@code -Dhmap.randomRuns.seed=... -Dhmap.randomRuns.tries=1}), the parameters, and the operations
 * shrunk by delta debugging (Zeller's ddmin, simplified): chunks of the list, halves first and then
 * ever smaller down to single operations, are removed while the check still fails, until no single
 * operation can go. The parameters are kept as drawn; only the operation list shrinks. The failure
 * of the shrunk case is attached as the cause.
 */
public final class RandomRuns {
    /** The base seed when none is given on the command line. */
    public static final long DEFAULT_BASE_SEED = 0x6D61705F72756E73L;
    /** At most this many re-runs are spent on shrinking one failure. */
    static final int MAX_SHRINK_RUNS = 5_000;
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L; // golden-ratio increment, as SplittableRandom's

    private RandomRuns() {
    }

    /** One generated case: parameters held fixed while the operations shrink. */
    public record Case<P, O>(P params, List<O> ops) {
        public Case {
            ops = List.copyOf(ops);
        }
    }

    /** A failure of a property, with the seed and the shrunk case. */
    public static final class PropertyFailure extends AssertionError {
        private final long seed;
        private final Case<?, ?> shrunk;

        PropertyFailure(String message, long seed, Case<?, ?> shrunk, Throwable cause) {
            super(message, cause);
            this.seed = seed;
            this.shrunk = shrunk;
        }

        public long seed() {
            return seed;
        }

        public Case<?, ?> shrunk() {
            return shrunk;
        }
    }

    /** The base seed of this JVM: {@code hmap.randomRuns.seed} or {@link #DEFAULT_BASE_SEED}. */
    public static long baseSeed() {
        String s = System.getProperty("hmap.randomRuns.seed");
        if (s == null || s.isBlank()) {
            return DEFAULT_BASE_SEED;
        }
        s = s.trim();
        return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
            : Long.parseLong(s);
    }

    /** The tries to run: {@code hmap.randomRuns.tries} if set, else the property's own. */
    public static int tries(int own) {
        String s = System.getProperty("hmap.randomRuns.tries");
        return s == null || s.isBlank() ? own : Integer.parseInt(s.trim());
    }

    /** The seed of try {@code t}: try 0 uses the base seed itself, so a printed seed reruns with tries=1. */
    public static long seedOf(long base, int t) {
        return base + t * SEED_STEP;
    }

    /**
     * Runs {@code tries} cases of a property. The generator gets the try's random source and the
     * try's index (so it can walk through every style in turn); the check throws on failure.
     *
     * @throws PropertyFailure on the first failing case, after shrinking it
     */
    public static <P, O> void check(String property, int tries, Generator<P, O> generator,
                                    BiConsumer<P, List<O>> check) {
        long base = baseSeed();
        int n = tries(tries);
        for (int t = 0; t < n; t++) {
            long seed = seedOf(base, t);
            Case<P, O> c = generator.generate(new SplittableRandom(seed), t);
            Throwable failure = failureOf(check, c.params(), c.ops());
            if (failure != null) {
                Shrunk<P, O> s = shrink(check, c, failure);
                throw new PropertyFailure(property + " failed on try " + t + " (seed 0x" + Long.toHexString(seed)
                    + "; rerun with -Dhmap.randomRuns.seed=0x" + Long.toHexString(seed)
                    + " -Dhmap.randomRuns.tries=1)\n  params: " + c.params()
                    + "\n  " + c.ops().size() + " operations shrunk to " + s.ops().size() + " in " + s.runs()
                    + " re-runs: " + render(s.ops()) + "\n  first failure: " + failure, seed,
                    new Case<>(c.params(), s.ops()), s.failure());
            }
        }
    }

    /** Generates the case of one try. */
    @FunctionalInterface
    public interface Generator<P, O> {
        Case<P, O> generate(SplittableRandom random, int tryIndex);
    }

    /** A convenience: a list of {@code length} operations drawn one by one. */
    public static <O> List<O> listOf(int length, SplittableRandom random, Function<SplittableRandom, O> op) {
        List<O> ops = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            ops.add(op.apply(random));
        }
        return ops;
    }

    record Shrunk<P, O>(List<O> ops, Throwable failure, int runs) {
    }

    /** Removes chunks of the list while the check still fails: halves first, then smaller chunks. */
    static <P, O> Shrunk<P, O> shrink(BiConsumer<P, List<O>> check, Case<P, O> c, Throwable firstFailure) {
        List<O> ops = c.ops();
        Throwable failure = firstFailure;
        int runs = 0;
        int chunk = Math.max(1, ops.size() / 2);
        while (runs < MAX_SHRINK_RUNS) {
            boolean removed = false;
            for (int start = 0; start < ops.size() && runs < MAX_SHRINK_RUNS; ) {
                List<O> candidate = new ArrayList<>(ops.size());
                candidate.addAll(ops.subList(0, start));
                candidate.addAll(ops.subList(Math.min(ops.size(), start + chunk), ops.size()));
                runs++;
                Throwable f = failureOf(check, c.params(), candidate);
                if (f != null) {
                    ops = candidate;
                    failure = f;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (chunk == 1 && !removed) {
                break;
            }
            if (!removed) {
                chunk = Math.max(1, chunk / 2);
            }
        }
        return new Shrunk<>(List.copyOf(ops), failure, runs);
    }

    private static <P, O> Throwable failureOf(BiConsumer<P, List<O>> check, P params, List<O> ops) {
        try {
            check.accept(params, ops);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    private static String render(List<?> ops) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (i == 60) {
                sb.append("... ").append(ops.size() - 60).append(" more");
                break;
            }
            sb.append(ops.get(i));
        }
        return sb.append(']').toString();
    }
}
