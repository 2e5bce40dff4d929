package org.hmaplab.hash.quality;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hmaplab.hash.Hasher;

/**
 * The key families the distribution and collision tests hash, each a deterministic sequence
 * (keys are produced, not stored), so every run hashes the same keys.
 *
 * <ul>
 *   <li>{@code sequential}: longs 0, 1, 2, ... through {@code hashLong};</li>
 *   <li>{@code strided-k}: longs {@code i << k} (keys differing only in high bits, which a
 *       low-bits bucket index sees only through the mixing);</li>
 *   <li>{@code random}: longs from {@code SplittableRandom(0x5EED0D15)};</li>
 *   <li>{@code text}: {@code "key-00000000"}, {@code "key-00000001"}, ... (a common prefix, 8
 *       decimal digits) through {@code hashChars}, as String keys reach the map;</li>
 *   <li>{@code sparse}: every long with at most 3 bits set (43,745 keys; SMHasher's Sparse keys),
 *       whatever n is asked for.</li>
 * </ul>
 */
abstract class KeySet {

    private static final long RANDOM_SEED = 0x5EED0D15L;
    private static final int TEXT_DIGITS = 8;
    private static final String TEXT_PREFIX = "key-";

    final String name;

    private KeySet(String name) {
        this.name = name;
    }

    /** Calls {@code sink} with the hash of each of the first {@code n} keys; returns how many were hashed. */
    abstract int hashAll(Hasher h, long seed, int n, HashSink sink);

    /** Receives hashes. */
    interface HashSink {
        void accept(long hash);
    }

    static KeySet sequential() {
        return new KeySet("sequential") {
            @Override
            int hashAll(Hasher h, long seed, int n, HashSink sink) {
                for (int i = 0; i < n; i++) {
                    sink.accept(h.hashLong(i, seed));
                }
                return n;
            }
        };
    }

    static KeySet strided(int shift) {
        return new KeySet("strided-" + shift) {
            @Override
            int hashAll(Hasher h, long seed, int n, HashSink sink) {
                for (int i = 0; i < n; i++) {
                    sink.accept(h.hashLong((long) i << shift, seed));
                }
                return n;
            }
        };
    }

    static KeySet random() {
        return new KeySet("random") {
            @Override
            int hashAll(Hasher h, long seed, int n, HashSink sink) {
                SplittableRandom r = new SplittableRandom(RANDOM_SEED);
                for (int i = 0; i < n; i++) {
                    sink.accept(h.hashLong(r.nextLong(), seed));
                }
                return n;
            }
        };
    }

    static KeySet text() {
        return new KeySet("text") {
            @Override
            int hashAll(Hasher h, long seed, int n, HashSink sink) {
                char[] buf = (TEXT_PREFIX + "0".repeat(TEXT_DIGITS)).toCharArray();
                CharBuffer view = CharBuffer.wrap(buf);
                int end = buf.length - 1;
                for (int i = 0; i < n; i++) {
                    sink.accept(h.hashChars(view, seed));
                    int d = end;
                    while (d >= TEXT_PREFIX.length() && buf[d] == '9') {
                        buf[d--] = '0';
                    }
                    if (d >= TEXT_PREFIX.length()) {
                        buf[d]++;
                    }
                }
                return n;
            }
        };
    }

    static KeySet sparse() {
        return new KeySet("sparse") {
            @Override
            int hashAll(Hasher h, long seed, int n, HashSink sink) {
                int count = 1;
                sink.accept(h.hashLong(0L, seed));
                for (int a = 0; a < 64; a++) {
                    sink.accept(h.hashLong(1L << a, seed));
                    count++;
                    for (int b = a + 1; b < 64; b++) {
                        sink.accept(h.hashLong(1L << a | 1L << b, seed));
                        count++;
                        for (int c = b + 1; c < 64; c++) {
                            sink.accept(h.hashLong(1L << a | 1L << b | 1L << c, seed));
                            count++;
                        }
                    }
                }
                return count;
            }
        };
    }

    /** The families of the distribution test. */
    static List<KeySet> distributionSets() {
        List<KeySet> sets = new ArrayList<>();
        sets.add(sequential());
        for (int k : new int[] {8, 16, 24, 32, 40}) {
            sets.add(strided(k));
        }
        sets.add(random());
        sets.add(text());
        return sets;
    }
}
