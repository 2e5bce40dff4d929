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
 * <h2>Who holds what</h2>
 * Go writes the state machine once ({@code map.go}, {@code table.go}) and copies only the access,
 * assign and delete paths per key type ({@code runtime_fast64.go}). Here:
 * <ul>
 * <li>{@link org.hmaplab.core.swiss.AbstractSwissMap} is the map.go/table.go part, written once: the
 * header ({@code Map}: used, seed, directory, dirLen, globalDepth, writing, clearSeq,
 * tombstonePossible), the writing flag and the misuse checks, the seeds and the private random
 * stream, NewMap's directory for a size hint, growToTable, rehash (grow or split), replaceTable,
 * installTableSplit, pruneTombstones, Clear, the iterator's walk (Iter.Init/Iter.Next, its
 * {@code Cursor}), {@code stats()}, the table walk of {@code probeStats} and
 * {@code verifyInvariants()}. It sees a table through {@link org.hmaplab.core.swiss.SwissTable}
 * (capacity, lengthMask, used, growthLeft, localDepth, index and the control words) and a slot's
 * key and value through a few storage hooks (hash a slot's key, copy a slot into another table,
 * box a key for a message, the small group's slots).</li>
 * <li>{@link org.hmaplab.core.swiss.SwissRules} and {@link org.hmaplab.core.swiss.SwissCtrl} hold
 * the pure rules: capacities, growthLeft, the directory index, the control-word matches.</li>
 * <li>{@link org.hmaplab.core.swiss.SwissLongLongMap} (Go's groups in one {@code long[]} per table,
 * or the control words first) and {@link org.hmaplab.core.swiss.SwissMap} (control words and
 * references in two arrays, a {@code java.util.Map}) are its two final subclasses. Each holds its
 * storage, its small group and the hot paths that read them: the lookup probes of every style and
 * layout, PutSlot's probe and delete's probe, written out in the final class with nothing virtual
 * in a probe loop. {@code SwissMap} implements {@code java.util.Map} itself (equals, hashCode,
 * toString and putAll as AbstractMap defines them).</li>
 * <li>The tests replay the traces of the real Go runtime through both maps
 * ({@code SwissHeaderDifferentialTest}) and check that, built with the same seeds, they grow and
 * iterate alike ({@code SwissCrossCheckTest}).</li>
 * </ul>
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
 * <tr><td>Map (header), table</td><td>AbstractSwissMap, SwissTable (SwissLongLongMap.Table, SwissMap.Table)</td></tr>
 * <tr><td>Iter</td><td>AbstractSwissMap.Cursor, under SwissLongLongMap.Iterator and SwissMap.GoIterator</td></tr>
 * </table>
 *
 * <p>Every rule, with the Go source file and line of each version, is in docs/go-swiss-map.md.
 */
package org.hmaplab.core.swiss;
