package org.hmaplab.core.swiss;

/**
 * Average probe cost of lookups in a Swiss map with its lookup style: groups whose control word
 * is read, and candidate slots whose key is compared but is not the key looked for (a control-word
 * false match: an H2 collision, or for SWAR also the borrow false positive). Hits are every key in
 * the map; misses are the absent keys the caller passed. A small map counts one group per lookup.
 *
 * @param hits                  lookups that found their key
 * @param groupsPerHit          mean groups probed by a hit
 * @param falseMatchesPerHit    mean false candidates of a hit
 * @param misses                lookups of absent keys
 * @param groupsPerMiss         mean groups probed by a miss
 * @param falseMatchesPerMiss   mean false candidates of a miss
 */
public record SwissProbeStats(long hits, double groupsPerHit, double falseMatchesPerHit, long misses,
                              double groupsPerMiss, double falseMatchesPerMiss) {
}
