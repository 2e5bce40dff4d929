package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hot paths do not allocate: with a repeated seed, many calls of every entry point must allocate
 * (almost) nothing, measured by the JVM's per-thread allocation counter. Every object is at least
 * 16 bytes, so the bound (fewer bytes than loop iterations, each iteration making 4 calls) fails
 * if even one call in 64 allocates.
 */
class HasherAllocationTest {
    private static final int CALLS = 5_000;
    private static final long SEED = 0x5eedL;

    static Stream<String> names() {
        return Hashers.names().stream();
    }

    private static com.sun.management.ThreadMXBean threads() {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyEntryPointIsAllocationFreeForARepeatedSeed(String name) {
        final Hasher h = Hashers.byName(name);
        final byte[] data = new byte[100];
        final String text = "a key of some length, with a non-ASCII char: \u00e9";
        final StringBuilder builder = new StringBuilder(text);
        final com.sun.management.ThreadMXBean threads = threads();
        final long id = Thread.currentThread().threadId();
        long sink = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up class loading
            final long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < CALLS; i++) {
                sink += h.hashBytes(data, 1, 90, SEED);
                sink += h.hashLong(i, SEED);
                sink += h.hashChars(text, SEED);
                sink += h.hashChars(builder, SEED);
            }
            final long allocated = threads.getThreadAllocatedBytes(id) - before;
            if (round == 1) {
                final long total = sink;
                assertTrue(allocated < CALLS,
                        () -> name + " allocated " + allocated + " bytes in " + 4 * CALLS + " calls (" + total + ")");
            }
        }
    }
}
