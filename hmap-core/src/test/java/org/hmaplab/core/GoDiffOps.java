package org.hmaplab.core;

import java.util.SplittableRandom;

/**
 * The operation sequences of the Go map-header scenarios, regenerated in Java: a line-by-line
 * mirror of the scenario functions in {@code src/test/go/mapheader/main.go} (insertOnly, churn,
 * emptyAndClear). Both sides draw from splitmix64 with the scenario's seed; Go's hand-written
 * splitmix64 is the generator of {@link SplittableRandom}, so {@code nextLong()} gives the same
 * numbers (the trace's {@code prngFirst} value pins that). Go's unsigned arithmetic on the drawn
 * words becomes {@code >>>} and masks here; every value it is reduced modulo is non-negative.
 *
 * <p>Every fresh key is a new splitmix64 output; splitmix64 never repeats an output within its
 * period, so a fresh key is never in the map. Values are the op index, as in the Go program.
 */
final class GoDiffOps {
    /** Percent of churn steps that update a live key (Go: churnUpdatePct). */
    static final int CHURN_UPDATE_PCT = 10;
    /** Percent of churn steps that delete an absent key (Go: churnAbsentPct). */
    static final int CHURN_ABSENT_PCT = 5;
    /** Largest batch of the empty-and-clear scenario's second phase (Go: emptyMaxBatch). */
    static final int EMPTY_MAX_BATCH = 3000;
    /** Batches of the empty-and-clear staircase (Go: staircaseSteps). */
    static final int STAIRCASE_STEPS = 12;

    private static final int PERCENT = 100;
    private static final long LOW_32 = 0xffffffffL;
    private static final int FIRST_DOUBLING_COUNT = 9;
    /** The 13 of main.go's staircaseBatch (Go's loadFactorNum), kept literal like the Go side. */
    private static final int STAIRCASE_FACTOR = 13;
    private static final int HINT_PREFIX_LENGTH = "hinted-".length();
    private static final int CHURN_PREFIX_LENGTH = "churn-".length();

    /** One map operation; the driver performs it and then compares the headers. */
    interface Sink {
        /** {@code m[key] = value} for a key not in the map. */
        void insert(long key, long value);

        /** {@code m[key] = value} for a key in the map. */
        void update(long key, long value);

        /** {@code delete(m, key)}; {@code present} says whether the key is in the map. */
        void delete(long key, boolean present);

        /** The clear idiom, Go's {@code mapclear}. */
        void clear();

        /** Ops performed so far: the index of the next op. */
        int ops();
    }

    private GoDiffOps() {
    }

    /** Runs the scenario the trace was recorded from, op by op, into the sink. */
    static void replay(GoHeaderTrace trace, Sink sink) {
        final SplittableRandom rng = new SplittableRandom(trace.prngSeed);
        final String name = trace.name;
        if ("insert-only".equals(name) || name.startsWith("hinted-")) {
            if (name.startsWith("hinted-") && Integer.parseInt(name.substring(HINT_PREFIX_LENGTH)) != trace.hint) {
                throw new IllegalArgumentException("scenario " + name + " was recorded with hint " + trace.hint);
            }
            insertOnly(trace.targetOps, rng, sink);
        } else if (name.startsWith("churn-")) {
            churn(trace.targetOps, Integer.parseInt(name.substring(CHURN_PREFIX_LENGTH)), rng, sink);
        } else if ("empty-and-clear".equals(name)) {
            emptyAndClear(trace.targetOps, rng, sink);
        } else {
            throw new IllegalArgumentException("unknown scenario '" + name
                + "'; known: insert-only, hinted-<hint>, churn-<window>, empty-and-clear");
        }
    }

    private static void insertOnly(int n, SplittableRandom rng, Sink sink) {
        for (int i = 0; i < n; i++) {
            sink.insert(rng.nextLong(), i);
        }
    }

    private static void churn(int n, int window, SplittableRandom rng, Sink sink) {
        final long[] live = new long[window];
        for (int i = 0; i < window; i++) {
            live[i] = rng.nextLong();
            sink.insert(live[i], sink.ops());
        }
        int head = 0;
        while (sink.ops() < n) {
            final long u = rng.nextLong();
            final long c = (u >>> 32) % PERCENT;
            if (c < CHURN_UPDATE_PCT) {
                sink.update(live[(int) ((u & LOW_32) % window)], sink.ops());
            } else if (c < CHURN_UPDATE_PCT + CHURN_ABSENT_PCT) {
                sink.delete(rng.nextLong(), false);
            } else {
                final long k = rng.nextLong();
                sink.insert(k, sink.ops());
                sink.delete(live[head], true);
                live[head] = k;
                head = (head + 1) % window;
            }
        }
    }

    private static void emptyAndClear(int n, SplittableRandom rng, Sink sink) {
        for (int j = 1; j <= STAIRCASE_STEPS; j++) {
            final long u = rng.nextLong();
            insertFresh(staircaseBatch(j, u), rng, sink);
            sink.clear();
        }
        while (sink.ops() < n) {
            final long u = rng.nextLong();
            final long[] keys = insertFresh(1 + (int) ((u >>> 32) % EMPTY_MAX_BATCH), rng, sink);
            final int mode = (int) (u & 3);
            switch (mode) {
                case 0 -> sink.clear();
                case 1, 3 -> {
                    for (long k : keys) {
                        sink.delete(k, true);
                    }
                }
                default -> {
                    for (int j = keys.length - 1; j >= 0; j--) {
                        sink.delete(keys[j], true);
                    }
                }
            }
            if (mode == 3) {
                sink.delete(rng.nextLong(), false);
                sink.clear();
            }
        }
    }

    private static long[] insertFresh(int n, SplittableRandom rng, Sink sink) {
        final long[] keys = new long[n];
        for (int j = 0; j < n; j++) {
            keys[j] = rng.nextLong();
            sink.insert(keys[j], sink.ops());
        }
        return keys;
    }

    /** Go's staircaseBatch: the count that starts the doubling from B = j-1, plus a few keys. */
    static int staircaseBatch(int j, long u) {
        if (j == 1) {
            return FIRST_DOUBLING_COUNT;
        }
        final int extra = j >= 4 ? (int) ((u >>> 32) % (1L << (j - 3))) : 0;
        return (STAIRCASE_FACTOR << (j - 2)) + 1 + extra;
    }
}
