/**
 * The AES hash: the structure of Go 1.19's {@code aeshash} ({@code runtime/asm_amd64.s}) with a
 * fixed key schedule, on three backends that give identical output, chosen once per process by
 * {@link org.hmaplab.hash.aes.AesBackendSelection}: the CPU's AES instructions through a small C
 * library and the FFM API ({@link org.hmaplab.hash.aes.NativeAesHasher}), a software AES round in
 * Vector API code ({@link org.hmaplab.hash.aes.VectorAesHasher}), and a table-based scalar round
 * ({@link org.hmaplab.hash.aes.TableAesHasher}), the reference the other two are tested against.
 */
package org.hmaplab.hash.aes;
