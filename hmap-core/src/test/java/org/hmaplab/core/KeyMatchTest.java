package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The three ways of finding the slots that hold a key (one 512-bit vector, two 256-bit vectors, the
 * scalar loop) give the mask of exactly the slots the key was written to, whatever the offset of
 * the bucket in its page.
 */
class KeyMatchTest {
    private static final int SLOTS = 8;
    private static final int PAGE_LONGS = 18 * 64;

    @Test
    void everyImplementationReturnsExactlyTheSlotsHoldingTheKey() {
        SplittableRandom random = new SplittableRandom(7);
        long[] page = new long[PAGE_LONGS];
        for (int round = 0; round < 20_000; round++) {
            int at = random.nextInt(PAGE_LONGS - SLOTS + 1);
            long key = round % 3 == 0 ? 0 : random.nextLong();
            int chosen = random.nextInt(1 << SLOTS);
            for (int i = 0; i < SLOTS; i++) {
                long other = random.nextLong();
                page[at + i] = (chosen & (1 << i)) != 0 ? key : (other == key ? other + 1 : other);
            }
            assertEquals(chosen, KeyMatch.scalar(page, at, key), "scalar, round " + round);
            assertEquals(chosen, KeyMatch.twoVectors(page, at, key), "two vectors, round " + round);
            assertEquals(chosen, KeyMatch.oneVector(page, at, key), "one vector, round " + round);
            assertEquals(chosen, KeyMatch.slots(page, at, key), "chosen implementation, round " + round);
        }
    }

    @Test
    void aKeyDifferingInOneBitIsNotMatched() {
        long key = 0x8000_0000_0000_0001L;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            long[] page = new long[SLOTS];
            Arrays.fill(page, key ^ (1L << bit));
            page[bit % SLOTS] = key;
            long expected = 1L << (bit % SLOTS);
            assertEquals(expected, KeyMatch.oneVector(page, 0, key));
            assertEquals(expected, KeyMatch.twoVectors(page, 0, key));
            assertEquals(expected, KeyMatch.scalar(page, 0, key));
        }
    }
}
