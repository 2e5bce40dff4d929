package org.hmaplab.hash.quality;

import java.util.ArrayList;
import java.util.List;
import org.hmaplab.hash.Hasher;

/**
 * The SMHasher-style quality suite of the testbed: {@link AvalancheCheck},
 * {@link DistributionCheck}, {@link CollisionCheck}, {@link SeedIndependenceCheck} and
 * {@link ZeroKeysCheck}, run in that order for one hasher. Every row's threshold is set so that an
 * ideal random function fails it with probability at most one in a million (see each test), so a
 * FAIL is a property of the hasher, not bad luck; all keys come from fixed seeds, so a run is
 * reproducible.
 */
public final class QualitySuite {

    private final List<QualityCheck> tests;

    /** The standard suite. */
    public QualitySuite() {
        this(List.of(new AvalancheCheck(), new DistributionCheck(), new CollisionCheck(), new SeedIndependenceCheck(),
            new ZeroKeysCheck()));
    }

    /** A suite of the given tests (for unit tests). */
    public QualitySuite(List<QualityCheck> tests) {
        this.tests = List.copyOf(tests);
    }

    /** The tests, in running order. */
    public List<QualityCheck> tests() {
        return tests;
    }

    /** Runs every test on {@code hasher}; rows in test order. */
    public List<QualityRow> run(Hasher hasher, QualityMode mode) {
        List<QualityRow> rows = new ArrayList<>();
        for (QualityCheck t : tests) {
            rows.addAll(t.run(hasher, mode));
        }
        return rows;
    }

    /** Whether no row failed. */
    public static boolean allPassed(List<QualityRow> rows) {
        return rows.stream().noneMatch(r -> r.verdict() == Verdict.FAIL);
    }
}
