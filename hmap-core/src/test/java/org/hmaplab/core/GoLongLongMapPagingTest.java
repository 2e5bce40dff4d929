package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hmaplab.core.testing.Fmix64Hasher;
import org.hmaplab.core.testing.IdentityHasher;
import org.junit.jupiter.api.Test;

/**
 * Paged bucket storage ({@link MapOptions#paged()}): a growth allocates the new array one page of
 * 1024 buckets at a time, as evacuation and inserts reach it, instead of all at once. That the
 * structure is the same as with one array is pinned by GoLongLongMapPropertiesTest.
 */
class GoLongLongMapPagingTest {
    /** The first B whose table is paged. */
    private static final int FIRST_PAGED_B = GoLongLongMap.FLAT_MAX_B + 1;
    /** Doubling to FIRST_PAGED_B starts at the insert that makes count 13 * 2^(B-1) / 2 + 1 (§4.3). */
    private static final int FIRST_INSERT_OF_GROWTH_TO_PAGED = 13 * (1 << (FIRST_PAGED_B - 1)) / 2 + 1;
    /** 2^FIRST_PAGED_B buckets in pages of 2^10. */
    private static final int MAIN_PAGES = 1 << (FIRST_PAGED_B - GoLongLongMap.PAGE_SHIFT);

    private static GoLongLongMap fillUntilGrowthToFirstPagedB(MapOptions options) {
        GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, 42L, 0, options);
        for (int i = 1; i <= FIRST_INSERT_OF_GROWTH_TO_PAGED; i++) {
            m.put(i * 0x9E3779B97F4A7C15L, i, -1);
        }
        assertTrue(m.isGrowing(), "a growth to the first paged B is running");
        assertEquals(FIRST_PAGED_B, m.bucketBits());
        return m;
    }

    @Test
    void aGrowthAllocatesOnlyThePagesItsFirstEvacuationsReach() {
        GoLongLongMap m = fillUntilGrowthToFirstPagedB(MapOptions.DEFAULT);
        assertEquals(MAIN_PAGES, m.mainPages());
        // Page 0 comes with the table; the insert evacuated its own old bucket and the one at nevacuate,
        // each into an X page and a Y page: at most 4 pages of 32.
        assertTrue(m.allocatedPages() <= 4, "pages allocated when the growth starts: " + m.allocatedPages());
    }

    @Test
    void eachWriteDuringAGrowthAllocatesAtMostFourPages() {
        GoLongLongMap m = fillUntilGrowthToFirstPagedB(MapOptions.DEFAULT);
        int maxStep = 0;
        long key = FIRST_INSERT_OF_GROWTH_TO_PAGED;
        while (m.isGrowing()) {
            int before = m.allocatedPages();
            key++;
            m.put(key * 0x9E3779B97F4A7C15L, key, -1);
            maxStep = Math.max(maxStep, m.allocatedPages() - before);
        }
        assertTrue(maxStep <= 4, "most pages allocated by one write: " + maxStep);
        assertTrue(m.allocatedPages() >= MAIN_PAGES, "every main page is in use once the growth is over");
        m.verifyInvariants();
    }

    @Test
    void tablesUpToFlatMaxBKeepTheirMainBucketsInOneArray() {
        int largestFlatHint = 13 * (1 << GoLongLongMap.FLAT_MAX_B) / 2;
        GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, 42L, largestFlatHint, MapOptions.DEFAULT);
        assertEquals(GoLongLongMap.FLAT_MAX_B, m.bucketBits());
        assertEquals(1, m.mainPages());
        assertEquals((1 << GoLongLongMap.FLAT_MAX_B) * GoLongLongMap.BUCKET_LONGS, m.mainArray().length);
        // the main array and Go's 2^(B-4) preallocated overflow buckets
        assertEquals(2, m.allocatedPages());
        GoLongLongMap paged = new GoLongLongMap(Fmix64Hasher.INSTANCE, 42L, largestFlatHint + 1, MapOptions.DEFAULT);
        assertEquals(FIRST_PAGED_B, paged.bucketBits());
        assertEquals(MAIN_PAGES, paged.mainPages());
        assertNull(paged.mainArray());
        assertEquals(1, paged.allocatedPages());
    }

    @Test
    void anUnpagedMapKeepsItsMainBucketsInOneArray() {
        GoLongLongMap m = fillUntilGrowthToFirstPagedB(MapOptions.DEFAULT.withPaged(false));
        assertEquals(1, m.mainPages());
        assertEquals((1 << FIRST_PAGED_B) * GoLongLongMap.BUCKET_LONGS, m.mainArray().length);
    }

    @Test
    void takingOverflowBucketsNeverCopiesTheMainArray() {
        // B = 4: 16 main buckets and Go's one preallocated overflow bucket; 100 keys all in bucket 3
        // chain 12 overflow buckets, so the overflow storage is outgrown three times (1 -> 4 -> 8 -> 16).
        GoLongLongMap m = new GoLongLongMap(IdentityHasher.INSTANCE, 0L, 100, MapOptions.DEFAULT);
        assertEquals(4, m.bucketBits());
        long[] main = m.mainArray();
        for (int n = 0; n < 100; n++) {
            m.put(IdentityHasher.key(3, 0x80, n), n, -1);
        }
        assertFalse(m.isGrowing(), "100 keys stay below the load factor of B = 4");
        assertTrue(main == m.mainArray(), "the main buckets were copied into a new array");
        for (int n = 0; n < 100; n++) {
            assertEquals(n, m.get(IdentityHasher.key(3, 0x80, n), -1), "key " + n);
        }
        assertEquals(12, m.stats().noverflow());
        m.verifyInvariants();
    }

    @Test
    void clearEmptiesEveryAllocatedPage() {
        GoLongLongMap m = fillUntilGrowthToFirstPagedB(MapOptions.DEFAULT);
        m.clear();
        m.verifyInvariants();
        for (int i = 1; i <= FIRST_INSERT_OF_GROWTH_TO_PAGED; i += 97) {
            assertFalse(m.containsKey(i * 0x9E3779B97F4A7C15L), "key " + i + " after clear");
        }
        m.put(5, 6, -1);
        assertEquals(6, m.get(5, -1));
        m.verifyInvariants();
    }
}
