package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.hmaplab.hash.aes.AesHasher.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The native and Vector API backends compute exactly what the table backend (the reference) computes. */
class AesBackendAgreementTest {

    private static final long[] SEEDS = {0L, -1L, 0x0123456789abcdefL, 0x8000000000000000L, 42L};
    private static final int[] OFFSETS = {0, 1, 7, 16, 33};
    private static final int MAX_LENGTH = 300;
    private static final int LONG_LENGTH = 4096;

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"NATIVE", "VECTOR"})
    void agreesWithTheTableBackendOnEveryLengthSeedAndOffset(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher tested = AesHasher.withBackend(backend);
        AesHasher reference = AesHasher.withBackend(Backend.TABLE);
        Random random = new Random(0xAE5);
        byte[] data = new byte[LONG_LENGTH + 64];
        for (long seed : SEEDS) {
            for (int off : OFFSETS) {
                for (int len = 0; len <= MAX_LENGTH + 1; len++) {
                    int n = len <= MAX_LENGTH ? len : LONG_LENGTH;
                    random.nextBytes(data);
                    int length = n;
                    assertEquals(reference.hashBytes(data, off, n, seed), tested.hashBytes(data, off, n, seed),
                            () -> backend + ": length " + length + ", offset " + off + ", seed " + seed);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void bytesOutsideTheRangeDoNotChangeTheHash(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher hasher = AesHasher.withBackend(backend);
        Random random = new Random(7);
        for (int len = 0; len <= MAX_LENGTH; len++) {
            byte[] exact = new byte[len];
            random.nextBytes(exact);
            byte[] padded = new byte[len + 64];
            random.nextBytes(padded);
            System.arraycopy(exact, 0, padded, 32, len);
            int length = len;
            assertEquals(hasher.hashBytes(exact, 0, len, 9L), hasher.hashBytes(padded, 32, len, 9L),
                    () -> backend + ": length " + length);
        }
    }
}
