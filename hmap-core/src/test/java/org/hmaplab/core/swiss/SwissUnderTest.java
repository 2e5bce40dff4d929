package org.hmaplab.core.swiss;

import java.util.function.LongSupplier;
import org.hmaplab.hash.Hasher;

/**
 * One view of both Swiss maps for the shared tests: SwissLongLongMap directly, SwissMap&lt;Long, Long&gt;
 * through its Map API and its Go iterator. Absent values read as {@link #MISSING}.
 */
interface SwissUnderTest {
    long MISSING = Long.MIN_VALUE + 12345;

    long put(long key, long value);

    long get(long key);

    long remove(long key);

    void clear();

    int size();

    SwissStats stats();

    void verifyInvariants();

    long groupCount();

    long seed();

    Cursor iterator();

    /** A Go-style cursor. */
    interface Cursor {
        boolean next();

        long key();

        long value();
    }

    /** The two implementations, for parameterised tests. */
    enum Kind {
        LONG_LONG, LONG_LONG_CONTROL_WORDS_FIRST, GENERIC;

        SwissUnderTest create(Hasher hasher, LongSupplier seeds, int hint, SwissVersion version,
                              SwissLookupStyle style) {
            return switch (this) {
                case LONG_LONG -> new LongLong(new SwissLongLongMap(hasher, seeds, hint, version, style));
                case LONG_LONG_CONTROL_WORDS_FIRST -> new LongLong(new SwissLongLongMap(hasher, seeds, hint, version,
                    style, SwissLayout.CONTROL_WORDS_FIRST));
                case GENERIC -> new Generic(new SwissMap<>(hasher, seeds, hint, version, style));
            };
        }
    }

    /** SwissLongLongMap under test. */
    record LongLong(SwissLongLongMap map) implements SwissUnderTest {
        public long put(long key, long value) {
            return map.put(key, value, MISSING);
        }

        public long get(long key) {
            return map.get(key, MISSING);
        }

        public long remove(long key) {
            return map.remove(key, MISSING);
        }

        public void clear() {
            map.clear();
        }

        public int size() {
            return map.size();
        }

        public SwissStats stats() {
            return map.stats();
        }

        public void verifyInvariants() {
            map.verifyInvariants();
        }

        public long groupCount() {
            return map.groupCount();
        }

        public long seed() {
            return map.seed();
        }

        public Cursor iterator() {
            final SwissLongLongMap.Iterator it = map.iterator();
            return new Cursor() {
                public boolean next() {
                    return it.next();
                }

                public long key() {
                    return it.key();
                }

                public long value() {
                    return it.value();
                }
            };
        }
    }

    /** SwissMap&lt;Long, Long&gt; under test. */
    record Generic(SwissMap<Long, Long> map) implements SwissUnderTest {
        public long put(long key, long value) {
            final boolean had = map.containsKey(key);
            final Long old = map.put(key, value);
            return had ? old : MISSING;
        }

        public long get(long key) {
            final Long v = map.get(key);
            return v == null ? MISSING : v;
        }

        public long remove(long key) {
            final boolean had = map.containsKey(key);
            final Long old = map.remove(key);
            return had ? old : MISSING;
        }

        public void clear() {
            map.clear();
        }

        public int size() {
            return map.size();
        }

        public SwissStats stats() {
            return map.stats();
        }

        public void verifyInvariants() {
            map.verifyInvariants();
        }

        public long groupCount() {
            return map.groupCount();
        }

        public long seed() {
            return map.seed();
        }

        public Cursor iterator() {
            final SwissMap<Long, Long>.GoIterator it = map.goIterator();
            return new Cursor() {
                public boolean next() {
                    return it.next();
                }

                public long key() {
                    return it.key();
                }

                public long value() {
                    return it.value();
                }
            };
        }
    }
}
