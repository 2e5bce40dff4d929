package org.hmaplab.harness.bench;

import static org.hmaplab.harness.bench.ProbePlan.BATCH;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The memory limit of a lookup: the loop of {@link GetBench} over the same probe sequence (same
 * seeds, same parameters), where each probe is one random 8-byte load ({@link #oneLine}) or two
 * loads 64 bytes apart ({@link #twoLines}) from an array the size of a hash table holding
 * {@code size} entries. The CSV names them {@code limit-1line} and {@code limit-2lines}, impl
 * {@code limit}; the summary and the goals show each map's get time as a multiple of the one-line
 * limit of the same key kind, size and distribution.
 *
 * <p><b>Why it is a floor.</b> A lookup of any design must at least bring in the cache line of the
 * slot (or group, or bucket) its key hashes to; a design that reads a control word and a slot, or a
 * bucket spanning two lines, must bring in two. Here the index of every probe is computed in setup,
 * so the timed loop does nothing else: no hash, no compare, no branch that depends on the data. The
 * loads do not depend on each other either, so the core keeps as many in flight as its miss
 * buffers allow (memory-level parallelism), exactly as it can overlap the independent lookups of
 * {@link GetBench}'s loop. A map cannot do fewer loads, and its loads can overlap no better, so
 * its time per get is at least this; the multiple says how much its hash, probing and compares
 * add on top. (For {@code String} and record keys the map also loads the key object: the multiple
 * is then against a looser floor.)
 *
 * <p><b>The table.</b> {@link #tableSlots(int)}: the smallest power of two of slots with
 * {@code slots * 7/8 >= size} (Go's Swiss load factor), at least 2; each slot is an 8-byte key
 * and an 8-byte value, so the array is {@code 2 * slots} longs ({@code 16 * slots} bytes) and every
 * element is written in setup. {@link #slotIndex(long, int)}: probe key {@code k} goes to slot
 * {@code (k * 0x9E3779B97F4A7C15) >>> (64 - log2(slots))} (Fibonacci hashing: the top bits of
 * the product with 2^64 / phi), and its load reads the slot's key, long {@code 2 * slot}. Object
 * keys use their {@code hashCode()} as {@code k}. The second load of {@link #twoLines} reads long
 * {@code (2 * slot + 8) & (2 * slots - 1)}: 64 bytes further on, wrapping at the end of the table.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LimitBench {

    /** Go's Swiss load factor 7/8: the table's slots are at least {@code size * 8 / 7}. */
    static final int LOAD_NUM = 7;
    static final int LOAD_DEN = 8;
    /** 2^64 / phi, odd: Fibonacci hashing's multiplier. */
    static final long FIBONACCI = 0x9E3779B97F4A7C15L;
    /** Longs per slot: an 8-byte key and an 8-byte value. */
    static final int LONGS_PER_SLOT = 2;
    /** Longs per 64-byte cache line: the distance of {@link #twoLines}' second load. */
    static final int LONGS_PER_LINE = 8;

    /** The smallest power of two {@code >= 2} of slots that holds {@code size} entries at load 7/8. */
    static int tableSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        long needed = ((long) size * LOAD_DEN + LOAD_NUM - 1) / LOAD_NUM;
        long slots = 2;
        while (slots < needed) {
            slots <<= 1;
        }
        if (slots > (1 << 29)) {
            throw new IllegalArgumentException("a table of " + slots + " slots does not fit a Java array");
        }
        return (int) slots;
    }

    /** The slot of key {@code k} in a table of {@code slots} (a power of two, at least 2) slots. */
    static int slotIndex(long k, int slots) {
        return (int) ((k * FIBONACCI) >>> (Long.SIZE - Integer.numberOfTrailingZeros(slots)));
    }

    /** The table and, per probe, the index of the long its first load reads. */
    @State(Scope.Benchmark)
    public static class Loads extends KeysState {
        /** Key choice of the probes: uniform or zipf. */
        @Param({"uniform"})
        public String distribution;

        /** Percentage of probes whose key is in the map (the limit does not depend on it). */
        @Param({"100"})
        public int hitRatio;

        long[] table;
        int tableMask;
        int[] loadIndexes;
        int mask;
        int cursor;

        @Setup(Level.Trial)
        public void setup() {
            generateKeys();
            int[] indexes = ProbePlan.indexes(size, ProbePlan.probeCount(size), Distribution.of(distribution),
                hitRatio);
            buildProbes(indexes);
            int slots = tableSlots(size);
            table = new long[slots * LONGS_PER_SLOT];
            for (int i = 0; i < table.length; i++) {
                table[i] = i;
            }
            tableMask = table.length - 1;
            loadIndexes = new int[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                loadIndexes[i] = LONGS_PER_SLOT * slotIndex(probeKey(i), slots);
            }
            mask = indexes.length - 1;
        }

        private long probeKey(int i) {
            return switch (family) {
                case LONG -> longProbes[i];
                case STRING -> stringProbes[i].hashCode();
                case COMPOSITE -> compositeProbes[i].hashCode();
            };
        }

        int nextStart() {
            int start = cursor;
            cursor = (start + BATCH) & mask;
            return start;
        }
    }

    /** One load per probe: the floor of a design that touches one cache line per lookup. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long oneLine(Loads s) {
        final long[] table = s.table;
        final int[] at = s.loadIndexes;
        final int start = s.nextStart();
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            acc += table[at[i]];
        }
        return acc;
    }

    /** Two loads per probe, 64 bytes apart: the floor of a design that touches two cache lines per lookup. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long twoLines(Loads s) {
        final long[] table = s.table;
        final int tableMask = s.tableMask;
        final int[] at = s.loadIndexes;
        final int start = s.nextStart();
        long acc = 0;
        for (int i = start, end = start + BATCH; i < end; i++) {
            int idx = at[i];
            acc += table[idx] + table[(idx + LONGS_PER_LINE) & tableMask];
        }
        return acc;
    }
}
