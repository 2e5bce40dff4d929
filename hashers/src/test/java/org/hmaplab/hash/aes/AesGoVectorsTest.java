package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hmaplab.hash.aes.AesHasher.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The construction equals Go 1.19's own {@code aeshashbody}: the expected values were printed by
 * Go 1.19.8 itself ({@code hashers/src/test/go/aes-vectors/main.go}, run on an AMD EPYC with AES),
 * calling {@code runtime.memhash} after overwriting {@code runtime.aeskeysched} with our fixed key
 * schedule (pi's hexadecimal fraction). Data byte {@code i} is {@code (byte) (i * 131 + 7)}.
 */
class AesGoVectorsTest {

    /** {length, seed, Go's runtime.memhash}. */
    private static final long[][] GO_MEMHASH = {
            {0, 0x0000000000000000L, 0x0b1d4e1873819ecaL},
            {1, 0x0000000000000000L, 0x978f794e08fa50bfL},
            {2, 0x0000000000000000L, 0x17f5e804449179f0L},
            {3, 0x0000000000000000L, 0x04ab99de2c3c72e2L},
            {4, 0x0000000000000000L, 0x76795baed023c05dL},
            {5, 0x0000000000000000L, 0xbf3fc611d6599a25L},
            {7, 0x0000000000000000L, 0xfbc873c6a7c1bb72L},
            {8, 0x0000000000000000L, 0x8752f9c29592663bL},
            {9, 0x0000000000000000L, 0xaa07804c2b40ca45L},
            {12, 0x0000000000000000L, 0x27187ebb6a37dcabL},
            {15, 0x0000000000000000L, 0x38c740086792c9f7L},
            {16, 0x0000000000000000L, 0x41edfeac89a8cdfbL},
            {17, 0x0000000000000000L, 0xb2d8c37b0d734d51L},
            {31, 0x0000000000000000L, 0xa0ab0f35ec751c67L},
            {32, 0x0000000000000000L, 0xcb500dfcb8f13830L},
            {33, 0x0000000000000000L, 0xac70bbd4acd35f8fL},
            {48, 0x0000000000000000L, 0x4afb2e0649b05dc2L},
            {63, 0x0000000000000000L, 0x0f2308af859fbbdbL},
            {64, 0x0000000000000000L, 0x678580e66bb6aebaL},
            {65, 0x0000000000000000L, 0x8b2fd7e6ec548757L},
            {100, 0x0000000000000000L, 0x9c6ad2055f45f879L},
            {127, 0x0000000000000000L, 0x9afe1ceab04d7f89L},
            {128, 0x0000000000000000L, 0x669bb8c0a28843bcL},
            {129, 0x0000000000000000L, 0xd965ccbe8679f68dL},
            {200, 0x0000000000000000L, 0xd6c615075dcb48f1L},
            {255, 0x0000000000000000L, 0xec927aa3a21e21d5L},
            {256, 0x0000000000000000L, 0x3aeae9c182e01b90L},
            {257, 0x0000000000000000L, 0x70d4847fb8d2081aL},
            {300, 0x0000000000000000L, 0xd7bc587c7b6486cdL},
            {1000, 0x0000000000000000L, 0xfe5b1c30715bd486L},
            {4096, 0x0000000000000000L, 0xe930d692f3d5112eL},
            {0, 0x0123456789abcdefL, 0xefd5efabe083cfbeL},
            {1, 0x0123456789abcdefL, 0xdf86d0e7d572f6c4L},
            {2, 0x0123456789abcdefL, 0x0d30781cfdf05bd5L},
            {3, 0x0123456789abcdefL, 0x135ce194960785d5L},
            {4, 0x0123456789abcdefL, 0x0ac83d2154871efcL},
            {5, 0x0123456789abcdefL, 0xaf5646047ab5be60L},
            {7, 0x0123456789abcdefL, 0x2fe5cc99d6e0fea9L},
            {8, 0x0123456789abcdefL, 0x97c20bf07c920a50L},
            {9, 0x0123456789abcdefL, 0x295d85fa8f1c18a8L},
            {12, 0x0123456789abcdefL, 0x3d96d552c3175f00L},
            {15, 0x0123456789abcdefL, 0x03c9329ae40c4617L},
            {16, 0x0123456789abcdefL, 0x63b3c2c636b9845eL},
            {17, 0x0123456789abcdefL, 0x9c47031c31a8472fL},
            {31, 0x0123456789abcdefL, 0x4fc9af586984811aL},
            {32, 0x0123456789abcdefL, 0x98ee8910c880d403L},
            {33, 0x0123456789abcdefL, 0xd3e93f6e8acc9ec6L},
            {48, 0x0123456789abcdefL, 0x7b1fa646c7d71237L},
            {63, 0x0123456789abcdefL, 0x3842fe2f35186d58L},
            {64, 0x0123456789abcdefL, 0xc978b1babb705741L},
            {65, 0x0123456789abcdefL, 0x6c81c0984236a667L},
            {100, 0x0123456789abcdefL, 0xecc772612d9d2ea4L},
            {127, 0x0123456789abcdefL, 0x3be7dc47e81057b5L},
            {128, 0x0123456789abcdefL, 0x16846247e575e17aL},
            {129, 0x0123456789abcdefL, 0x5b440fdd0e4e12a4L},
            {200, 0x0123456789abcdefL, 0xf3bfd287afedfad9L},
            {255, 0x0123456789abcdefL, 0x4cbbf0d80a11685cL},
            {256, 0x0123456789abcdefL, 0x024d64b0f3778f32L},
            {257, 0x0123456789abcdefL, 0x71e7d6a320e5a846L},
            {300, 0x0123456789abcdefL, 0x84df3a4f5f382402L},
            {1000, 0x0123456789abcdefL, 0x5d22f84a8d7d5b0cL},
            {4096, 0x0123456789abcdefL, 0x314496d85648ced1L},
    };

    private static byte[] goData(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 131 + 7);
        }
        return data;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyLengthClassMatchesGosOwnAeshashWithTheSameKeySchedule(Backend backend) {
        AesBackends.assumeAvailable(backend);
        AesHasher hasher = AesHasher.withBackend(backend);
        byte[] data = goData(4096);
        for (long[] v : GO_MEMHASH) {
            int len = (int) v[0];
            assertEquals(v[2], hasher.hashBytes(data, 0, len, v[1]),
                    () -> backend + ": length " + len + ", seed " + Long.toHexString(v[1]));
        }
    }
}
