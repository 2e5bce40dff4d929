package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hmaplab.core.testing.Fmix64Hasher;
import org.junit.jupiter.api.Test;

/**
 * Paged bucket storage ({@link MapOptions#paged()}): a growth allocates the new array one page of
 * 1024 buckets at a time, as evacuation and inserts reach it, instead of all at once. That the
 * structure is the same as with one array is pinned by GoLongLongMapPropertiesTest.
 */
class GoLongLongMapPagingTest {
    /** Doubling from B = 13 starts at the insert that makes count 13 * 2^13 / 2 + 1 (§4.3). */
    private static final int FIRST_INSERT_OF_GROWTH_TO_B14 = 13 * (1 << 13) / 2 + 1;
    /** 2^14 buckets in pages of 2^10. */
    private static final int MAIN_PAGES_AT_B14 = 1 << (14 - GoLongLongMap.PAGE_SHIFT);

    private static GoLongLongMap fillUntilGrowthToB14(MapOptions options) {
        GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, 42L, 0, options);
        for (int i = 1; i <= FIRST_INSERT_OF_GROWTH_TO_B14; i++) {
            m.put(i * 0x9E3779B97F4A7C15L, i, -1);
        }
        assertTrue(m.isGrowing(), "a growth to B = 14 is running");
        assertEquals(14, m.currentB());
        return m;
    }

    @Test
    void aGrowthAllocatesOnlyThePagesItsFirstEvacuationsReach() {
        GoLongLongMap m = fillUntilGrowthToB14(MapOptions.DEFAULT);
        assertEquals(MAIN_PAGES_AT_B14, m.mainPages());
        // Page 0 comes with the table; the insert evacuated its own old bucket and the one at nevacuate,
        // each into an X page and a Y page: at most 4 pages of 16.
        assertTrue(m.allocatedPages() <= 4, "pages allocated when the growth starts: " + m.allocatedPages());
    }

    @Test
    void eachWriteDuringAGrowthAllocatesAtMostFourPages() {
        GoLongLongMap m = fillUntilGrowthToB14(MapOptions.DEFAULT);
        int maxStep = 0;
        long key = FIRST_INSERT_OF_GROWTH_TO_B14;
        while (m.isGrowing()) {
            int before = m.allocatedPages();
            key++;
            m.put(key * 0x9E3779B97F4A7C15L, key, -1);
            maxStep = Math.max(maxStep, m.allocatedPages() - before);
        }
        assertTrue(maxStep <= 4, "most pages allocated by one write: " + maxStep);
        assertTrue(m.allocatedPages() >= MAIN_PAGES_AT_B14, "every main page is in use once the growth is over");
        m.verifyInvariants();
    }

    @Test
    void anUnpagedMapKeepsEachArrayInOnePiece() {
        GoLongLongMap m = fillUntilGrowthToB14(MapOptions.DEFAULT.withPaged(false));
        assertEquals(1, m.mainPages());
        assertEquals(1, m.allocatedPages());
    }

    @Test
    void clearEmptiesEveryAllocatedPage() {
        GoLongLongMap m = fillUntilGrowthToB14(MapOptions.DEFAULT);
        m.clear();
        m.verifyInvariants();
        for (int i = 1; i <= FIRST_INSERT_OF_GROWTH_TO_B14; i += 97) {
            assertFalse(m.containsKey(i * 0x9E3779B97F4A7C15L), "key " + i + " after clear");
        }
        m.put(5, 6, -1);
        assertEquals(6, m.get(5, -1));
        m.verifyInvariants();
    }
}
