package org.hmaplab.harness.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order of interleaved rounds: the selected matrix runs {@code rounds} times, each round in a
 * fresh random order (a seeded Fisher-Yates shuffle per round), so that a slow drift of the machine
 * falls on every implementation alike instead of on whichever ran last. The seed is recorded; the
 * same seed gives the same plan.
 */
public final class RoundPlan {
    private RoundPlan() {
    }

    /** The items of every round in run order: round 1's permutation, then round 2's, and so on. */
    public static <T> List<List<T>> rounds(List<T> items, int rounds, long seed) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<T>> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<T> order = new ArrayList<>(items);
            for (int i = order.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                T t = order.get(i);
                order.set(i, order.get(j));
                order.set(j, t);
            }
            out.add(List.copyOf(order));
        }
        return List.copyOf(out);
    }
}
