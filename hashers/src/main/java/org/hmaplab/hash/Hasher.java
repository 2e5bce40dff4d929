package org.hmaplab.hash;

/**
 * A seeded 64-bit hash function over bytes, the one contract every hash function of the testbed
 * keeps.
 *
 * <h2>What is hashed</h2>
 * <ul>
 *   <li>{@link #hashBytes(byte[], int, int, long)} hashes the {@code len} bytes
 *       {@code data[off] .. data[off + len - 1]}, in that order, and nothing else: no length
 *       prefix or terminator is added by the caller.</li>
 *   <li>{@link #hashLong(long, long)} hashes the 8 bytes of {@code key} in little-endian order
 *       (lowest byte first). It must return exactly what {@code hashBytes} returns for those 8
 *       bytes and the same seed.</li>
 *   <li>{@link #hashChars(CharSequence, long)} hashes the UTF-16 code units of {@code s} in
 *       order, each as 2 little-endian bytes ({@code s.length() * 2} bytes in all, surrogates
 *       as they stand). It must return exactly what {@code hashBytes} returns for those bytes
 *       and the same seed. (Go hashes strings as UTF-8; this is a deliberate difference, see
 *       DESIGN.md.)</li>
 * </ul>
 * These two equalities are part of the contract (Zero-Allocation-Hashing keeps the same ones):
 * one set of test vectors covers every entry point, and String-keyed and byte-keyed experiments
 * stay comparable. Implementations may take faster paths for {@code hashLong} and
 * {@code hashChars} as long as the results are identical.
 *
 * <h2>Seed</h2>
 * The seed is a full 64-bit value. Every hasher is a pure function of (bytes, seed): the same
 * inputs give the same output in every process, on every backend, so that archived results are
 * reproducible. Hashers that ignore the seed say so with {@link #seeded()}.
 *
 * <h2>Names</h2>
 * {@link #name()} is short, stable and lower-case; it is what appears in every CSV column.
 * Implementations are thread-safe and allocation-free on every entry point.
 */
public interface Hasher {

    /** Stable, short, lower-case name, as it appears in CSV columns ("fnv1a", "rc6", "aes", ...). */
    String name();

    /** Hashes {@code data[off .. off+len)} with {@code seed}. */
    long hashBytes(byte[] data, int off, int len, long seed);

    /** Equals {@code hashBytes} of the 8 little-endian bytes of {@code key}. */
    long hashLong(long key, long seed);

    /** Equals {@code hashBytes} of the UTF-16LE code units of {@code s}. */
    long hashChars(CharSequence s, long seed);

    /** Hashes the whole array; a convenience for {@code hashBytes(data, 0, data.length, seed)}. */
    default long hashBytes(byte[] data, long seed) {
        return hashBytes(data, 0, data.length, seed);
    }

    /** The family this hasher belongs to, for listings ("fnv", "rc6", "aes", "go", "xxhash", ...). */
    default String family() {
        return name();
    }

    /** Whether the computation runs on dedicated CPU instructions (AES-NI and the like). */
    default boolean hardwareBacked() {
        return false;
    }

    /** Whether the output depends on the seed. */
    default boolean seeded() {
        return true;
    }
}
