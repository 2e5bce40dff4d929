package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.hmaplab.hash.aes.AesHasher.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every backend's AES round is AESENC: nine of them plus a final round make FIPS-197 AES-128,
 * checked against the standard's example (Appendix C.1) and against the JDK's own AES.
 */
class AesRoundFips197Test {

    private static final HexFormat HEX = HexFormat.of();

    /** FIPS-197 Appendix C.1: AES-128 key, plaintext and ciphertext. */
    private static final byte[] FIPS_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] FIPS_PLAINTEXT = HEX.parseHex("00112233445566778899aabbccddeeff");
    private static final byte[] FIPS_CIPHERTEXT = HEX.parseHex("69c4e0d86a7b0430d8cdb78070b4c55a");

    /** The round of {@code backend} on byte arrays. */
    private static Aes128Reference.Round round(Backend backend) {
        return switch (backend) {
            case NATIVE -> NativeAesHasher::enc;
            case VECTOR -> VectorAesHasher::enc;
            case TABLE -> AesRoundFips197Test::tableEnc;
        };
    }

    private static void tableEnc(byte[] state, byte[] key, byte[] out) {
        int[] s = columns(state);
        TableAesHasher.enc(s, columns(key));
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (s[i / 4] >>> (8 * (i % 4)));
        }
    }

    private static int[] columns(byte[] b) {
        int[] c = new int[4];
        for (int i = 0; i < 16; i++) {
            c[i / 4] |= (b[i] & 0xff) << (8 * (i % 4));
        }
        return c;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void roundGivesTheFips197Aes128Example(Backend backend) {
        AesBackends.assumeAvailable(backend);
        assertEquals(HEX.formatHex(FIPS_CIPHERTEXT),
                HEX.formatHex(Aes128Reference.encrypt(FIPS_KEY, FIPS_PLAINTEXT, round(backend))));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void roundAgreesWithTheJdksAesOnRandomKeysAndBlocks(Backend backend) throws Exception {
        AesBackends.assumeAvailable(backend);
        Random random = new Random(197);
        Cipher jdkAes = Cipher.getInstance("AES/ECB/NoPadding");
        for (int i = 0; i < 64; i++) {
            byte[] key = new byte[16];
            byte[] block = new byte[16];
            random.nextBytes(key);
            random.nextBytes(block);
            jdkAes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            assertArrayEquals(jdkAes.doFinal(block), Aes128Reference.encrypt(key, block, round(backend)),
                    () -> backend + " key " + HEX.formatHex(key) + " block " + HEX.formatHex(block));
        }
    }

    @Test
    void referenceHelperItselfGivesTheFips197ExampleWithTheJdksAes() throws Exception {
        Cipher jdkAes = Cipher.getInstance("AES/ECB/NoPadding");
        jdkAes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(FIPS_KEY, "AES"));
        assertArrayEquals(FIPS_CIPHERTEXT, jdkAes.doFinal(FIPS_PLAINTEXT));
        // FIPS-197 Appendix A.1: the last round key of 2b7e1516 28aed2a6 abf71588 09cf4f3c.
        assertEquals("d014f9a8c9ee2589e13f0cc8b6630ca6",
                HEX.formatHex(Aes128Reference.expandKey(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"))[10]));
    }

    @Test
    void tableSboxIsTheFips197Sbox() {
        // FIPS-197 section 5.1.1 example and Figure 7 entries.
        assertEquals(0xed, TableAesHasher.SBOX[0x53]);
        assertEquals(0x63, TableAesHasher.SBOX[0x00]);
        assertEquals(0x7c, TableAesHasher.SBOX[0x01]);
        assertEquals(0x16, TableAesHasher.SBOX[0xff]);
        assertArrayEquals(Aes128Reference.SBOX, TableAesHasher.SBOX);
    }
}
