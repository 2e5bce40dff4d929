/**
 * The classic Go map (Go 1.19's {@code runtime/map.go} with {@code map_fast64.go}) in Java, with
 * the introspection the testbed needs to compare it with the real runtime. The Swiss-table model
 * of Go 1.24+ lives in {@link org.hmaplab.core.swiss}. The full description, rule by rule, with
 * what deliberately differs from Go and how each rule is tested, is {@code docs/go-classic-map.md};
 * its section numbers ("§4.5") are those of the Go map specification it was written from.
 *
 * <h2>The classic model</h2>
 * 2^B buckets of 8 slots (8 tophash bytes, 8 keys, 8 values, a link to an overflow bucket). A key
 * lives in bucket {@code hash & (2^B - 1)} or in that bucket's overflow chain; its tophash is the
 * top byte of the hash, raised by 5 when below 5 because 0..4 mark slot states. A new key starts a
 * growth when none is running: doubling when the count would pass 6.5 per bucket, same-size when
 * too many overflow buckets were made. Growth is incremental: each write on a growing map evacuates
 * its key's old bucket and the one at the evacuation mark; lookups never move data. A delete marks
 * emptyOne and walks back to emptyRest; nothing shrinks. Iteration starts at a random bucket and
 * rotation and tolerates modification. Go measured the load factor 6.5 in a table of map.go's
 * header, reproduced as {@link org.hmaplab.core.GoLoadFactorTable} and by {@code LoadFactorTableTest}.
 *
 * <h2>Who holds what</h2>
 * Go writes the state machine once ({@code map.go}) and copies only the access, assign and delete
 * paths per key type ({@code map_fast64.go}). Here:
 * <ul>
 * <li>{@link org.hmaplab.core.AbstractGoMap} is the {@code map.go} part, written once: the header
 * ({@code hmap}), the writing flag and the misuse checks, hashGrow, growWork, evacuate,
 * advanceEvacuationMark, newoverflow and the noverflow count, the emptyRest walk-back of a delete,
 * mapclear, the iterator's walk (mapiterinit/mapiternext), {@code header()}, {@code stats()} and
 * {@code verifyInvariants()}. It sees the storage through {@link org.hmaplab.core.BucketArray}
 * (tophash words and overflow links) and a few hooks for a slot's key and value, as HdrHistogram's
 * {@code AbstractHistogram} leaves its counts to each histogram.</li>
 * <li>{@link org.hmaplab.core.GoMapRules} holds the pure rules: the constants, tophash, the growth
 * triggers (overLoadFactor, tooManyOverflowBuckets), the B for a size hint, the one limit
 * {@link org.hmaplab.core.GoMapRules#MAX_B}, the private random stream's steps (Go's fastrand), the
 * seeds of a fixed-seed map, the misuse messages and the structure measurements behind
 * {@code stats()}.</li>
 * <li>{@link org.hmaplab.core.GoLongLongMap} (long keys and values in flat or paged long arrays)
 * and {@link org.hmaplab.core.GoMap} (any keys, boxed slots, a {@code java.util.Map}) are its two
 * final subclasses. Each holds its storage and the hot paths that walk it: the lookup probes
 * (GENERIC, FAST64, SWAR), assign's search and delete's search, written out in the final class
 * with nothing virtual in a probe loop. GoLongLongMap also overrides evacuate with its slot loop
 * written out over its pages, as Go's map_fast64.go has evacuate_fast64: the generic loop's
 * per-slot hooks cost its put-growth 14-19 %.</li>
 * <li>The tests replay every recorded trace of the real Go 1.19 runtime through both and compare
 * the header after every operation ({@code GoHeaderDifferentialTest}), run one contract of rule
 * tests against both ({@code AbstractGoGrowthContract}), and check that, built with the same seed,
 * they iterate in the same order ({@code ClassicMapsRandomStreamTest}).</li>
 * </ul>
 *
 * <h2>Go's names and ours</h2>
 * <table>
 * <caption>Go 1.19 runtime names and their counterparts in this package</caption>
 * <tr><th>Go (runtime/map.go)</th><th>here</th></tr>
 * <tr><td>hmap</td><td>GoLongLongMap, GoMap; its fields as {@link org.hmaplab.core.MapHeader}</td></tr>
 * <tr><td>hmap.count</td><td>count ({@code size()})</td></tr>
 * <tr><td>hmap.B</td><td>B ({@code header().B()})</td></tr>
 * <tr><td>hmap.noverflow (uint16)</td><td>noverflow (masked by NOVERFLOW_MASK)</td></tr>
 * <tr><td>hmap.hash0</td><td>seed (64 bits)</td></tr>
 * <tr><td>hmap.buckets / hmap.oldbuckets</td><td>buckets / oldBuckets (AbstractGoMap), each a BucketArray:
 * GoLongLongMap.PagedBuckets or GoMap.SlotArrays</td></tr>
 * <tr><td>hmap.nevacuate</td><td>nevacuate</td></tr>
 * <tr><td>hmap.flags: iterator, oldIterator, hashWriting, sameSizeGrow</td>
 * <td>flags (opaque VarHandle for writers), sameSizeGrow</td></tr>
 * <tr><td>bmap, bucketCnt</td><td>a bucket of a BucketArray, BUCKET_SIZE</td></tr>
 * <tr><td>emptyRest, emptyOne, evacuatedX/Y, evacuatedEmpty, minTopHash</td>
 * <td>EMPTY_REST, EMPTY_ONE, EVACUATED_X/Y, EVACUATED_EMPTY, MIN_TOP_HASH</td></tr>
 * <tr><td>loadFactorNum / loadFactorDen</td><td>LOAD_FACTOR_NUM / LOAD_FACTOR_DEN</td></tr>
 * <tr><td>fastrand()</td><td>AbstractGoMap.nextRandom(): GoMapRules.fastrand over a per-map splitmix64 state</td></tr>
 * <tr><td>hashGrow, growWork, evacuate, advanceEvacuationMark</td><td>the same names in AbstractGoMap</td></tr>
 * <tr><td>hiter, mapiterinit / mapiternext</td>
 * <td>AbstractGoMap.Cursor, under GoLongLongMap.Iterator and the iterators of GoMap's views</td></tr>
 * <tr><td>mapaccess1 / mapassign / mapdelete / mapclear</td><td>get / put / remove / clear</td></tr>
 * <tr><td>growth counters (not in Go)</td><td>doublingGrowths, sameSizeGrowths, evacuatedBuckets</td></tr>
 * </table>
 */
package org.hmaplab.core;
