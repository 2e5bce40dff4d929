/**
 * Go's Swiss-table map ({@code internal/runtime/maps}, Go 1.24 and later) in Java: the second
 * faithful model of the testbed, beside the classic Go 1.19 map of {@code org.hmaplab.core}.
 *
 * <p>{@link org.hmaplab.core.swiss.SwissLongLongMap} is {@code map[int64]int64} with Go's fast64
 * paths and Go's group layout (control word + 8 interleaved key/value pairs, 136 bytes);
 * {@link org.hmaplab.core.swiss.SwissMap} is a {@link java.util.Map} over the generic paths. Both
 * take a {@link org.hmaplab.core.swiss.SwissVersion} (Go changed observable rules in 1.25 and 1.27),
 * a {@link org.hmaplab.core.swiss.SwissLookupStyle} (Go's portable SWAR match or a Vector API
 * match) and any {@link org.hmaplab.hash.Hasher}; {@code stats()} exposes Go's header and table
 * fields under Go's names, and {@code verifyInvariants()} checks every structural invariant.
 *
 * <table>
 * <caption>Go's names and ours</caption>
 * <tr><th>Go</th><th>here</th></tr>
 * <tr><td>Map.used, dirLen, globalDepth</td><td>{@link org.hmaplab.core.swiss.SwissStats} used, dirLen,
 * globalDepth</td></tr>
 * <tr><td>table.capacity, localDepth, used, growthLeft, index</td><td>{@link
 * org.hmaplab.core.swiss.SwissTableStats}</td></tr>
 * <tr><td>table.tombstones()</td><td>SwissTableStats.tombstones(), SwissStats.tombstones() (sum)</td></tr>
 * <tr><td>seed</td><td>seed() (64 bits, re-drawn from the constructor's LongSupplier)</td></tr>
 * <tr><td>maxTableCapacity, maxAvgGroupLoad</td><td>SwissRules.MAX_TABLE_CAPACITY (1024),
 * MAX_AVG_GROUP_LOAD (7/8)</td></tr>
 * <tr><td>ctrlEmpty, ctrlDeleted, matchH2 ...</td><td>SwissCtrl.EMPTY (0x80), DELETED (0xFE),
 * matchH2 ...</td></tr>
 * <tr><td>Iter</td><td>SwissLongLongMap.Iterator, SwissMap.GoIterator</td></tr>
 * </table>
 *
 * <p>Every rule, with the Go source file and line of each version, is in docs/go-swiss-map.md.
 */
package org.hmaplab.core.swiss;
