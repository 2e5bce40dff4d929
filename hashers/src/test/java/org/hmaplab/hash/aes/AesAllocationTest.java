package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.hmaplab.hash.aes.AesHasher.Backend;
import org.junit.jupiter.api.Test;

/**
 * The native backend allocates nothing per call once warm: heap arrays go down as critical heap
 * segments, longs and short strings as registers, long strings through a reused scratch array.
 * Measured with the JVM's per-thread allocation counter, in the best of up to 40 windows of
 * 100k calls (a path that allocates per call allocates in every window).
 */
class AesAllocationTest {

    private static final int CALLS = 100_000;
    private static final int WINDOWS = 40;

    /** Slack for the counter itself and rare one-off events; 100k calls allocating even 1 byte each exceed it. */
    private static final long SLACK_BYTES = 4096;

    private interface Work {
        long run(AesHasher hasher, int calls);
    }

    /**
     * The fewest bytes {@code work} allocated in a window of {@link #CALLS} calls, over up to
     * {@link #WINDOWS} windows: the JIT needs some windows to compile the path (and to eliminate
     * the heap segment objects by escape analysis); steady state is the best window.
     */
    private static long allocatedBy(AesHasher hasher, Work work) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count per-thread allocation");
        long id = Thread.currentThread().threadId();
        long sink = 0;
        long best = Long.MAX_VALUE;
        for (int w = 0; w < WINDOWS && best > SLACK_BYTES; w++) {
            long before = threads.getThreadAllocatedBytes(id);
            sink += work.run(hasher, CALLS);
            best = Math.min(best, threads.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(sink != 1, "keeps the results alive");
        return best;
    }

    private static long hashLongs(AesHasher hasher, int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += hasher.hashLong(i, acc);
        }
        return acc;
    }

    private static final byte[] SIXTEEN = new byte[16];

    private static long hashSixteenBytes(AesHasher hasher, int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            SIXTEEN[i & 15] = (byte) i;
            acc += hasher.hashBytes(SIXTEEN, 0, 16, acc);
        }
        return acc;
    }

    private static final String[] STRINGS = {"k", "key-0001", "a string longer than eight chars", "x".repeat(300)};

    private static long hashStrings(AesHasher hasher, int calls) {
        long acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += hasher.hashChars(STRINGS[i & 3], acc);
        }
        return acc;
    }

    private static AesHasher nativeHasher() {
        AesBackends.assumeAvailable(Backend.NATIVE);
        return AesHasher.withBackend(Backend.NATIVE);
    }

    @Test
    void nativeHashLongAllocatesNothingOnceWarm() {
        long bytes = allocatedBy(nativeHasher(), AesAllocationTest::hashLongs);
        assertTrue(bytes <= SLACK_BYTES, CALLS + " hashLong calls allocated " + bytes + " bytes");
    }

    @Test
    void nativeHashBytesOfSixteenAllocatesNothingOnceWarm() {
        long bytes = allocatedBy(nativeHasher(), AesAllocationTest::hashSixteenBytes);
        assertTrue(bytes <= SLACK_BYTES, CALLS + " hashBytes(16) calls allocated " + bytes + " bytes");
    }

    @Test
    void nativeHashCharsAllocatesNothingOnceWarm() {
        long bytes = allocatedBy(nativeHasher(), AesAllocationTest::hashStrings);
        assertTrue(bytes <= SLACK_BYTES, CALLS + " hashChars calls allocated " + bytes + " bytes");
    }
}
