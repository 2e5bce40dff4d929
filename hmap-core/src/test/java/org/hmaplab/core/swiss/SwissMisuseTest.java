package org.hmaplab.core.swiss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicReference;
import org.hmaplab.core.testing.MixingHasher;
import org.hmaplab.hash.Hasher;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's misuse checks (map.go:403-404, 479-481, 497-500, 647-648, 730-731; table.go:682-683): with the
 * writing flag set, as a concurrent writer leaves it, readers of a non-empty map, writers and
 * iterator steps fail with Go's messages; readers of an empty map do not look at the flag.
 */
class SwissMisuseTest {
    private static final String WRITES = "concurrent map writes";
    private static final String READ_WRITE = "concurrent map read and map write";
    private static final String ITERATION = "concurrent map iteration and map write";

    private static void fails(String message, Executable e) {
        assertEquals(message, assertThrows(ConcurrentModificationException.class, e).getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 500})
    void longMapReportsGoMessages(int size) {
        SwissLongLongMap m = new SwissLongLongMap(MixingHasher.INSTANCE, 1, 0);
        for (int i = 0; i < size; i++) {
            m.put(i, i, 0);
        }
        SwissLongLongMap.Iterator it = m.iterator();
        m.setWritingForTest(true);
        fails(WRITES, () -> m.put(1, 1, 0));
        if (size == 0) {
            assertEquals(-1, m.get(1, -1), "an empty map answers before checking the flag");
            assertEquals(-1, m.remove(1, -1));
            m.clear();
        } else {
            fails(READ_WRITE, () -> m.get(1, 0));
            fails(READ_WRITE, () -> m.containsKey(1));
            fails(WRITES, () -> m.remove(1, 0));
            fails(WRITES, m::clear);
            fails(ITERATION, it::next);
        }
        m.setWritingForTest(false);
        m.put(1, 2, 0);
        assertEquals(2, m.get(1, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 500})
    void genericMapReportsGoMessages(int size) {
        SwissMap<Long, String> m = new SwissMap<>(MixingHasher.INSTANCE, 1, 0);
        for (long i = 0; i < size; i++) {
            m.put(i, "v" + i);
        }
        SwissMap<Long, String>.GoIterator it = m.goIterator();
        m.setWritingForTest(true);
        fails(WRITES, () -> m.put(1L, "x"));
        if (size > 0) {
            fails(READ_WRITE, () -> m.get(1L));
            fails(WRITES, () -> m.remove(1L));
            fails(WRITES, m::clear);
            fails(ITERATION, it::next);
        }
        m.setWritingForTest(false);
        m.put(1L, "y");
        assertEquals("y", m.get(1L));
    }

    /**
     * A writer that finds the flag cleared at its end (another writer finished meanwhile) reports
     * "concurrent map writes" (map.go:519-521): here the hasher, called during a growth, clears it.
     */
    @ParameterizedTest
    @ValueSource(ints = {8, 14})
    void writerThatLosesItsFlagFails(int size) {
        AtomicReference<SwissLongLongMap> self = new AtomicReference<>();
        Hasher meddling = new Hasher() {
            public String name() {
                return "meddling";
            }

            public long hashBytes(byte[] data, int off, int len, long seed) {
                return MixingHasher.INSTANCE.hashBytes(data, off, len, seed);
            }

            public long hashLong(long key, long seed) {
                if (key == 0 && self.get() != null) {
                    self.get().setWritingForTest(false);
                }
                return MixingHasher.INSTANCE.hashLong(key, seed);
            }

            public long hashChars(CharSequence s, long seed) {
                return MixingHasher.INSTANCE.hashChars(s, seed);
            }
        };
        SwissLongLongMap m = new SwissLongLongMap(meddling, 1, 0);
        for (int i = 0; i < size; i++) {
            m.put(i, i, 0);
        }
        self.set(m);
        // The next insert grows (small map -> table, or 16 -> 32 slots) and rehashes key 0 mid-write.
        fails(WRITES, () -> m.put(1000, 1, 0));
    }
}
