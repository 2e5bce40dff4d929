package org.hmaplab.core.swiss;

import java.util.List;

/**
 * What Go's {@code maps.Map} header and its tables say about a Swiss map at one moment, named after
 * Go's fields (map.go:194-241, table.go:34-72) so that traces from the real runtime line up.
 * While the map is small (one group, no table) or has no storage, every field is 0 and
 * {@code tables} is empty, as Go has no table then ({@code used} still counts the entries).
 *
 * @param used        entries in the map (Map.used)
 * @param dirLen      directory length, 2^globalDepth; 0 while small (Map.dirLen)
 * @param globalDepth directory depth (Map.globalDepth)
 * @param tableCount  distinct tables in the directory
 * @param capacity    slots summed over the distinct tables
 * @param growthLeft  growthLeft summed over the distinct tables
 * @param tombstones  tombstones summed over the distinct tables
 * @param tables      the distinct tables in directory order
 */
public record SwissStats(long used, int dirLen, int globalDepth, int tableCount, long capacity, long growthLeft,
                         long tombstones, List<SwissTableStats> tables) {

    /** Builds the totals from the distinct tables. */
    static SwissStats of(long used, int dirLen, int globalDepth, List<SwissTableStats> tables) {
        long capacity = 0;
        long growthLeft = 0;
        long tombstones = 0;
        for (SwissTableStats t : tables) {
            capacity += t.capacity();
            growthLeft += t.growthLeft();
            tombstones += t.tombstones();
        }
        return new SwissStats(used, dirLen, globalDepth, tables.size(), capacity, growthLeft, tombstones,
            List.copyOf(tables));
    }
}
