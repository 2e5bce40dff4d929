package org.hmaplab.hash.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.hmaplab.hash.Hasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tests of the suite against hashers whose quality is known. */
class QualitySuiteTest {

    static List<QualityRow> identity;
    static List<QualityRow> byteSum;
    static List<QualityRow> splitmix;

    @BeforeAll
    static void runQuick() {
        QualitySuite suite = new QualitySuite();
        identity = suite.run(TestHashers.IDENTITY, QualityMode.QUICK);
        byteSum = suite.run(TestHashers.SUM_OF_BYTES, QualityMode.QUICK);
        splitmix = suite.run(TestHashers.SPLITMIX, QualityMode.QUICK);
    }

    private static List<QualityRow> failed(List<QualityRow> rows, String test) {
        return rows.stream().filter(r -> r.test().equals(test) && r.verdict() == Verdict.FAIL).toList();
    }

    private static String describe(List<QualityRow> rows) {
        return rows.stream().map(r -> r.test() + " " + r.parameters() + " " + r.statisticText() + " > "
            + r.thresholdText()).collect(Collectors.joining("\n"));
    }

    @Test
    void identityFailsAvalancheDistributionCollisionsSeedsAndZeroKeys() {
        for (String test : List.of("avalanche", "distribution", "collisions", "seed-independence", "zero-keys")) {
            assertTrue(!failed(identity, test).isEmpty(), test + " should fail for identity");
        }
        QualityRow aval8 = identity.get(0);
        assertEquals("keys=8B n=10000 seed=0", aval8.parameters());
        assertEquals(1.0, aval8.statistic(), "flipping input bit i flips exactly output bit i");
    }

    @Test
    void identityPassesSequentialDistributionWhichIsPerfectlyEven() {
        QualityRow seq = identity.stream()
            .filter(r -> r.test().equals("distribution") && r.parameters().startsWith("keys=sequential bits=low8 "))
            .findFirst().orElseThrow();
        assertEquals(Verdict.PASS, seq.verdict(), "only a too-uneven distribution fails");
    }

    @Test
    void byteSumFailsAvalancheDistributionCollisionsAndZeroKeys() {
        for (String test : List.of("avalanche", "distribution", "collisions", "zero-keys")) {
            assertTrue(!failed(byteSum, test).isEmpty(), test + " should fail for byte-sum");
        }
    }

    @Test
    void anIndependentGoodMixerPassesEveryRow() {
        List<QualityRow> failures = splitmix.stream().filter(r -> r.verdict() != Verdict.PASS).toList();
        assertEquals(List.of(), failures, describe(failures));
        assertEquals(3 + 8 * 3 + 8 + 4 + 4, splitmix.size(), "rows per hasher in quick mode");
    }

    @Test
    void seedXoredIntoTheOutputFailsOnlySeedIndependence() {
        List<QualityRow> rows = new SeedIndependenceCheck().run(TestHashers.SEED_XORED_AFTER, QualityMode.QUICK);
        assertTrue(rows.stream().allMatch(r -> r.verdict() == Verdict.FAIL
            || r.measure().equals("identical outputs")), describe(rows));
        assertTrue(new AvalancheCheck().run(TestHashers.SEED_XORED_AFTER, QualityMode.QUICK).stream()
            .allMatch(r -> r.verdict() == Verdict.PASS));
    }

    @Test
    void anUnseededHasherIsSkippedInTheSeedTest() {
        Hasher unseeded = new TestHashers.BytesHasher() {
            @Override
            public String name() {
                return "unseeded";
            }

            @Override
            public long hashBytes(byte[] data, int off, int len, long seed) {
                return TestHashers.SPLITMIX.hashBytes(data, off, len, 0L);
            }

            @Override
            public boolean seeded() {
                return false;
            }
        };
        List<QualityRow> rows = new SeedIndependenceCheck().run(unseeded, QualityMode.QUICK);
        assertTrue(rows.stream().allMatch(r -> r.verdict() == Verdict.SKIP), describe(rows));
    }

    @Test
    void theTestHashersKeepTheHashLongContract() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (Hasher h : List.of(TestHashers.IDENTITY, TestHashers.SUM_OF_BYTES, TestHashers.SPLITMIX)) {
            for (int i = 0; i < 100; i++) {
                long key = r.nextLong();
                long seed = r.nextLong();
                byte[] le = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putLong(key).array();
                assertEquals(h.hashBytes(le, seed), h.hashLong(key, seed), h.name());
            }
        }
    }

    @Test
    void everyRowNamesItsHasherAndHasAFiniteThresholdUnlessSkipped() {
        for (QualityRow r : splitmix) {
            assertEquals("splitmix", r.hasher());
            assertTrue(Double.isFinite(r.threshold()), r.toString());
        }
    }
}
