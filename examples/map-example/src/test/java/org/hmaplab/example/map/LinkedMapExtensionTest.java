package org.hmaplab.example.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.MapRegistry;
import org.junit.jupiter.api.Test;

/** The example map as the testbed sees it: registered after the peers, run like a peer, really a LinkedHashMap. */
class LinkedMapExtensionTest {

    private static final String NAME = "example-linked";

    @Test
    void theRegistryListsTheExtensionAfterThePeersAndRunsItWithoutAHasher() {
        List<String> names = MapRegistry.names();
        assertEquals(NAME, names.get(names.size() - 1), names.toString());
        assertTrue(MapRegistry.isExtension(NAME));
        assertFalse(MapRegistry.isGo(NAME));
        assertFalse(MapRegistry.isPeer(NAME));
        assertEquals(MapRegistry.NO_LOOKUP_STYLE, MapRegistry.lookupStyle(NAME));
        String description = MapRegistry.extensionsDescription();
        assertTrue(description.startsWith(NAME + "=" + LinkedMapExtension.class.getName() + "@"), description);
    }

    @Test
    void iterationFollowsInsertionOrderAsALinkedHashMapDoes() {
        LongLongMapAdapter m = MapRegistry.longLong(NAME, MapRegistry.NO_HASHER, 0);
        long[] keys = {42, -7, 1L << 40, 3, Long.MAX_VALUE};
        for (long k : keys) {
            m.put(k, k * 2);
        }
        List<Long> seen = new ArrayList<>();
        m.forEach((k, v) -> seen.add(k));
        assertEquals(List.of(42L, -7L, 1L << 40, 3L, Long.MAX_VALUE), seen);
        assertEquals(MapRegistry.MISSING, m.get(5));
        assertEquals(84, m.get(42));
    }
}
