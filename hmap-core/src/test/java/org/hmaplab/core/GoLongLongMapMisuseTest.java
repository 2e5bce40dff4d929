package org.hmaplab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ConcurrentModificationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.hmaplab.core.testing.Fmix64Hasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The hashWriting checks (GO-MAP-SPEC.md §13), as ConcurrentModificationException with Go's messages. */
class GoLongLongMapMisuseTest {

    private static void assertMisuse(String message, Executable op) {
        ConcurrentModificationException e = assertThrows(ConcurrentModificationException.class, op);
        assertEquals(message, e.getMessage());
    }

    @Test
    void withTheWritingFlagSetOperationsFailAsGoTable13Says() {
        GoLongLongMap full = new GoLongLongMap(Fmix64Hasher.INSTANCE, 1L, 0);
        full.put(1, 10, -1);
        full.setWritingFlagForTest(true);
        assertEquals(1, full.size(), "len(m): no check");
        assertMisuse("concurrent map read and map write", () -> full.get(1, -1));
        assertMisuse("concurrent map read and map write", () -> full.get(2, -1));
        assertMisuse("concurrent map read and map write", () -> full.containsKey(1));
        assertMisuse("concurrent map writes", () -> full.put(1, 2, -1));
        assertMisuse("concurrent map writes", () -> full.put(3, 2, -1));
        assertMisuse("concurrent map writes", () -> full.remove(1, -1));
        assertMisuse("concurrent map writes", () -> full.remove(7, -1));
        assertMisuse("concurrent map writes", full::clear);
        assertMisuse("concurrent map iteration and map write", () -> full.iterator().next());
        assertMisuse("concurrent map iteration and map write", () -> full.forEach((k, v) -> { }));

        GoLongLongMap empty = new GoLongLongMap(Fmix64Hasher.INSTANCE, 1L, 50);
        empty.setWritingFlagForTest(true);
        assertEquals(-1, empty.get(1, -1), "a read of an empty map does no check");
        assertFalse(empty.containsKey(1));
        assertEquals(-1, empty.remove(1, -1), "a delete on an empty map returns at once");
        empty.clear();
        assertFalse(empty.iterator().next(), "no iteration, no check");
        assertMisuse("concurrent map writes", () -> empty.put(1, 1, -1));
    }

    @Test
    void aWriterThatFindsItsFlagClearedAtTheEndFails() {
        // Two racing writers XOR the flag back to 0; the end check catches it (§8.6). Simulated: the
        // hasher of the write clears the flag, as the other writer's XOR would.
        GoLongLongMap[] holder = new GoLongLongMap[1];
        AtomicBoolean armed = new AtomicBoolean();
        org.hmaplab.hash.Hasher meddling = new Fmix64HasherWrapper(() -> {
            if (armed.get()) {
                holder[0].setWritingFlagForTest(true);
            }
        });
        GoLongLongMap m = new GoLongLongMap(meddling, 1L, 0);
        holder[0] = m;
        m.put(1, 1, -1);
        armed.set(true);
        // The hash is computed before the flag is toggled: flag set by "another writer" -> XOR clears it.
        assertMisuse("concurrent map writes", () -> m.put(2, 2, -1));
    }

    /** Fmix64 hashing plus a side effect on every hash call. */
    private static final class Fmix64HasherWrapper implements org.hmaplab.hash.Hasher {
        private final Runnable sideEffect;

        Fmix64HasherWrapper(Runnable sideEffect) {
            this.sideEffect = sideEffect;
        }

        @Override
        public String name() {
            return "meddling";
        }

        @Override
        public long hashBytes(byte[] data, int off, int len, long seed) {
            return Fmix64Hasher.INSTANCE.hashBytes(data, off, len, seed);
        }

        @Override
        public long hashLong(long key, long seed) {
            sideEffect.run();
            return Fmix64Hasher.INSTANCE.hashLong(key, seed);
        }

        @Override
        public long hashChars(CharSequence s, long seed) {
            return Fmix64Hasher.INSTANCE.hashChars(s, seed);
        }
    }

    @Test
    void twoUnsynchronisedWritersAreDetected() throws InterruptedException {
        // Fails if the checks are removed: the writers would run to the time limit without an exception.
        GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, 1L, 0);
        AtomicReference<Throwable> detected = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] writers = new Thread[2];
        for (int t = 0; t < writers.length; t++) {
            final long base = t * 1_000_000L;
            writers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long i = 0;
                while (!stop.get() && detected.get() == null) {
                    long k = base + (i++ % 500);
                    try {
                        m.put(k, i, -1);
                        m.remove(k - 7, -1);
                    } catch (ConcurrentModificationException e) {
                        detected.compareAndSet(null, e);
                    } catch (RuntimeException e) {
                        // a map corrupted by the race may fail in other ways first; keep writing
                        continue;
                    }
                }
            });
            writers[t].setDaemon(true);
            writers[t].start();
        }
        start.countDown();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (detected.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        stop.set(true);
        for (Thread w : writers) {
            w.join(1000);
        }
        Throwable e = detected.get();
        assertTrue(e != null, "two unsynchronised writers ran without being detected");
        assertTrue(e.getMessage().startsWith("concurrent map"), e.getMessage());
    }

    @Test
    void aReaderRacingAWriterIsDetected() throws InterruptedException {
        GoLongLongMap m = new GoLongLongMap(Fmix64Hasher.INSTANCE, 1L, 0);
        for (int i = 0; i < 1000; i++) {
            m.put(i, i, -1);
        }
        AtomicReference<Throwable> detected = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            long i = 0;
            try {
                while (!stop.get()) {
                    m.put(i % 1000, i, -1);
                    i++;
                }
            } catch (RuntimeException e) {
                detected.compareAndSet(null, e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        try {
            long sum = 0;
            while (System.nanoTime() < deadline && detected.get() == null) {
                for (int i = 0; i < 1000; i++) {
                    sum += m.get(i, 0);
                }
            }
            assertTrue(sum != Long.MIN_VALUE);
        } catch (ConcurrentModificationException e) {
            detected.compareAndSet(null, e);
        } finally {
            stop.set(true);
            writer.join(1000);
        }
        Throwable e = detected.get();
        assertTrue(e != null, "a reader racing a writer was not detected");
        assertEquals("concurrent map read and map write", e.getMessage());
    }
}
