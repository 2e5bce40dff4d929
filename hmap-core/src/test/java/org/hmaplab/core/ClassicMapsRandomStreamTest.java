package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;

/**
 * The two classic maps share one private random stream (Go's fastrand stand-in, GoMapRules):
 * built with the same hasher and seed and given the same operations, {@code GoMap<Long, Long>}
 * and {@link GoLongLongMap} place every key in the same slot and so iterate in the same order,
 * iteration after iteration (each iteration draws its start from the stream). Under churn at
 * B &ge; 16 the stream also samples noverflow, so the headers must agree too. The expected
 * orders come from the other implementation, which stores its entries differently (boxed slot
 * arrays against packed long pages) and walks its own iterator code.
 */
class ClassicMapsRandomStreamTest {
    private static final long SEED = 0x5EED_0F_1_9L;
    private static final int KEYS = 5_000;
    private static final int ITERATIONS = 20;
    private static final long MISSING = Long.MIN_VALUE;
    /** Enough keys for B = 16, where noverflow is sampled from the random stream (spec 4.5). */
    private static final int SAMPLED_NOVERFLOW_KEYS = 13 * (1 << 15) / 2 + 1_000;

    @Test
    void sameSeedGivesTheSameIterationOrderForBothMaps() {
        final Hasher hasher = Hashers.defaultHasher();
        final ClassicMapUnderTest longLong = ClassicMapUnderTest.Kind.LONG_LONG.create(hasher, SEED, 0,
            MapOptions.DEFAULT);
        final ClassicMapUnderTest boxed = ClassicMapUnderTest.Kind.BOXED.create(hasher, SEED, 0, MapOptions.DEFAULT);
        final SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < KEYS; i++) {
            final long k = rng.nextLong();
            longLong.put(k, i, MISSING);
            boxed.put(k, i, MISSING);
        }
        final Set<Long> starts = new HashSet<>();
        for (int it = 0; it < ITERATIONS; it++) {
            final long[] expected = longLong.iterationOrder();
            assertEquals(KEYS, expected.length);
            assertArrayEquals(expected, boxed.iterationOrder(), "iteration " + it + " of the same-seed maps");
            starts.add(expected[0]);
        }
        // The order really comes from the random stream: successive iterations start elsewhere.
        assertNotEquals(1, starts.size(), "every iteration started at the same key");
    }

    @Test
    void anotherSeedGivesAnotherOrder() {
        final Hasher hasher = Hashers.defaultHasher();
        final ClassicMapUnderTest a = ClassicMapUnderTest.Kind.LONG_LONG.create(hasher, SEED, 0, MapOptions.DEFAULT);
        final ClassicMapUnderTest b = ClassicMapUnderTest.Kind.BOXED.create(hasher, SEED + 1, 0, MapOptions.DEFAULT);
        for (int i = 0; i < KEYS; i++) {
            a.put(i, i, MISSING);
            b.put(i, i, MISSING);
        }
        assertNotEquals(java.util.Arrays.toString(a.iterationOrder()), java.util.Arrays.toString(b.iterationOrder()));
    }

    @Test
    void sameSeedGivesTheSameSampledNoverflowForBothMaps() {
        final Hasher hasher = Hashers.defaultHasher();
        final ClassicMapUnderTest longLong = ClassicMapUnderTest.Kind.LONG_LONG.create(hasher, SEED, 0,
            MapOptions.DEFAULT);
        final ClassicMapUnderTest boxed = ClassicMapUnderTest.Kind.BOXED.create(hasher, SEED, 0, MapOptions.DEFAULT);
        final SplittableRandom rng = new SplittableRandom(2);
        final long[] live = new long[SAMPLED_NOVERFLOW_KEYS];
        for (int i = 0; i < live.length; i++) {
            live[i] = rng.nextLong();
            longLong.put(live[i], i, MISSING);
            boxed.put(live[i], i, MISSING);
        }
        assertEquals(16, longLong.header().B(), "the run must reach B = 16, where noverflow is sampled");
        // Churn: replace random live keys by fresh ones, which keeps creating overflow buckets.
        for (int op = 0; op < SAMPLED_NOVERFLOW_KEYS; op++) {
            final int victim = rng.nextInt(live.length);
            longLong.remove(live[victim], MISSING);
            boxed.remove(live[victim], MISSING);
            live[victim] = rng.nextLong();
            longLong.put(live[victim], op, MISSING);
            boxed.put(live[victim], op, MISSING);
            assertEquals(longLong.header(), boxed.header(), "header after churn op " + op);
        }
        assertNotEquals(0, longLong.header().noverflow(), "no overflow bucket was counted: the test sampled nothing");
    }
}
