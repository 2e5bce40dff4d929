/**
 * The hash functions of the testbed, behind one contract.
 *
 * <p>{@link org.hmaplab.hash.Hasher} is a seeded 64-bit hash over bytes, with entry points for a
 * {@code long} (its 8 little-endian bytes) and for a {@code CharSequence} (its UTF-16LE bytes) that
 * must agree with {@code hashBytes} on the same bytes. {@link org.hmaplab.hash.Hashers} registers
 * every implementation under a stable lower-case name, the name in every CSV: {@code fnv1a},
 * {@code go} (Go 1.19's fallback hash, bit-exact: {@link org.hmaplab.hash.GoFallbackHasher}),
 * {@code aes} (the structure of Go's {@code aeshash}, package {@code aes}), {@code rc6}
 * ({@link org.hmaplab.hash.Rc6Hasher}, built on the RC6 round that the published cipher vectors
 * vouch for), and the Zero-Allocation-Hashing families through {@link org.hmaplab.hash.ZahHasher}.
 * Hashers of other jars on the class path join the registry through {@link java.util.ServiceLoader}
 * ({@link org.hmaplab.hash.ClassPathExtensions}; the guide is {@code docs/extending.md}).
 *
 * <p>Sub-packages: {@code aes} the AES hash on three interchangeable backends; {@code cpu} what the
 * machine offers (CPU flags, the JVM's view); {@code select} the policy that picks a hasher from
 * those features and says why; {@code quality} an SMHasher-style suite that every hasher is judged by.
 * The constructions, vectors and quality tables are written up in {@code docs/hashers.md}.
 */
package org.hmaplab.hash;
