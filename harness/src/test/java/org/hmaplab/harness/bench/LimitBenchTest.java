package org.hmaplab.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The limit's table and load indexes, against values worked out by hand from the rule in
 * {@link LimitBench}'s Javadoc: slots = the smallest power of two, at least 2, with
 * {@code slots * 7/8 >= size}; slot of {@code k} = the top {@code log2(slots)} bits of
 * {@code k * 0x9E3779B97F4A7C15} (mod 2^64); first load at long {@code 2 * slot}, second at
 * {@code (2 * slot + 8) & (2 * slots - 1)}.
 */
class LimitBenchTest {

    @Test
    void theTableHasThePowerOfTwoOfSlotsThatHoldsTheEntriesAtSevenEighths() {
        assertEquals(2, LimitBench.tableSlots(1), "ceil(8/7) = 2");
        assertEquals(8, LimitBench.tableSlots(7), "ceil(56/7) = 8: 7 is exactly 7/8 of 8");
        assertEquals(16, LimitBench.tableSlots(8), "ceil(64/7) = 10, next power of two 16");
        assertEquals(16, LimitBench.tableSlots(14), "ceil(112/7) = 16: 14 is exactly 7/8 of 16");
        assertEquals(32, LimitBench.tableSlots(15), "ceil(120/7) = 18 -> 32");
        assertEquals(2048, LimitBench.tableSlots(1024), "ceil(8192/7) = 1171 -> 2048");
        assertEquals(1 << 17, LimitBench.tableSlots(1 << 16), "65536 * 8/7 = 74898.3 -> 131072");
        assertEquals(1 << 23, LimitBench.tableSlots(1 << 22), "4194304 * 8/7 = 4793490.3 -> 8388608");
        assertThrows(IllegalArgumentException.class, () -> LimitBench.tableSlots(0));
    }

    @Test
    void aKeysSlotIsTheTopBitsOfItsFibonacciProduct() {
        assertEquals(0, LimitBench.slotIndex(0, 16), "0 * anything = 0");
        assertEquals(9, LimitBench.slotIndex(1, 16), "top nibble of 0x9E3779B97F4A7C15");
        assertEquals(158, LimitBench.slotIndex(1, 256), "top byte 0x9E");
        assertEquals(1, LimitBench.slotIndex(1, 2), "top bit of 0x9E...");
        assertEquals(3, LimitBench.slotIndex(2, 16), "2 * phi = 0x1_3C6E...: the carry falls off, top nibble 3");
        assertEquals(97, LimitBench.slotIndex(-1, 256), "-phi mod 2^64 = 0x61C8864680B583EB, top byte 0x61");
        assertEquals(5184444, LimitBench.slotIndex(1, 1 << 23), "0x9E3779B9 >>> 9 = 2654435769 / 512");
    }

    private static LimitBench.Loads loads(String kind, int size) {
        LimitBench.Loads s = new LimitBench.Loads();
        s.keyKind = kind;
        s.size = size;
        s.distribution = "uniform";
        s.hitRatio = 50;
        s.setup();
        return s;
    }

    @Test
    void everyProbeLoadsTheKeyLongOfItsKeysSlot() {
        LimitBench.Loads s = loads("long-random", 8);
        assertEquals(32, s.table.length, "16 slots of key and value");
        assertEquals(31, s.tableMask);
        assertEquals(ProbePlan.probeCount(8), s.loadIndexes.length, "one load index per probe");
        for (int i = 0; i < s.loadIndexes.length; i++) {
            assertEquals(2 * LimitBench.slotIndex(s.longProbes[i], 16), s.loadIndexes[i], "probe " + i);
        }
    }

    @Test
    void objectKeysAreIndexedByTheirHashCode() {
        LimitBench.Loads s = loads("string-16", 100);
        assertEquals(2 * 128, s.table.length, "ceil(800/7) = 115 -> 128 slots");
        for (int i = 0; i < s.loadIndexes.length; i++) {
            assertEquals(2 * LimitBench.slotIndex(s.stringProbes[i].hashCode(), 128), s.loadIndexes[i], "probe " + i);
        }
    }

    @Test
    void theLoopsSumTheLoadedLongsOfOneBatch() {
        LimitBench.Loads s = loads("long-random", 1000);
        int slots = LimitBench.tableSlots(1000);
        assertEquals(2 * slots, s.table.length);
        long one = 0;
        long two = 0;
        for (int i = 0; i < ProbePlan.BATCH; i++) {
            int idx = s.loadIndexes[i];
            assertTrue(idx % 2 == 0 && idx < s.table.length, "a slot's key long: " + idx);
            // the table holds its own index, so the sum of the loads is the sum of the indexes loaded
            one += idx;
            two += idx + ((idx + 8) & (2 * slots - 1));
        }
        LimitBench bench = new LimitBench();
        assertEquals(one, bench.oneLine(s), "first batch");
        s.cursor = 0;
        assertEquals(two, bench.twoLines(s), "the same batch, two lines 64 bytes apart");
    }
}
