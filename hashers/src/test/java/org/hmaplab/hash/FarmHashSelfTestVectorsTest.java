package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.openhft.hashing.LongHashFunction;
import org.junit.jupiter.api.Test;

/**
 * Our {@code farmhash} (farmhashna {@code Hash64WithSeed}) against FarmHash's own self-test:
 * {@code namespace farmhashnaTest} in google/farmhash {@code src/farmhash.cc} (commit 3a23f0a),
 * whose {@code expected[]} holds, for test i = 0, 1, ... (offset i*i, length i), the high and low
 * 32-bit halves of {@code Hash64WithSeeds(SEED0, SEED1)}, {@code Hash64WithSeed(SEED)} and
 * {@code Hash64}. The second and third pairs of its first 82 tests are below (lengths 0 .. 81,
 * which cover every length class of farmhashna: 0-16, 17-32, 33-64, more than 64). The data and
 * the seeds are the self-test's own generators, rewritten here.
 */
class FarmHashSelfTestVectorsTest {
    private static final long K0 = 0xc3a5c85c97cb3127L; // farmhash.cc k0
    private static final int C1 = 0xcc9e2d51;           // farmhash.cc c1

    /** {Hash64WithSeed(data + i*i, i, SEED), Hash64(data + i*i, i)} for i = 0 .. 81, in hex. */
    private static final String[][] EXPECTED = {
        {"c35e45919fd7dd98", "9ae16a3b2f90404f"}, // offset 0, len 0
        {"9b35c9ff36e55eee", "541150e87f415e96"}, // offset 1, len 1
        {"adb6959785c80396", "0f3786a4b25827c1"}, // offset 4, len 2
        {"099f8cafeb0e7ffd", "ef923a7a1af78eab"}, // offset 9, len 3
        {"c967c69e986bbd61", "11df592596f41d88"}, // offset 16, len 4
        {"4d63a0ffb8c144e6", "831f448bdc5600b3"}, // offset 25, len 5
        {"f1b6f433c398f47a", "3eca803e70304894"}, // offset 36, len 6
        {"ce003b6b1071f4b3", "1b5a063fb4c7f9f1"}, // offset 49, len 7
        {"7124c56c5395b32c", "a0f10149a0e538d6"}, // offset 64, len 8
        {"910f877efbb5187e", "fb8d9c70660b910b"}, // offset 81, len 9
        {"f743228c4f4b22f2", "236827beae282a46"}, // offset 100, len 10
        {"2e88cac5670aaa6a", "c385e435136ecf7c"}, // offset 121, len 11
        {"176ffefec7a661d0", "e3f6828b6017086d"}, // offset 144, len 12
        {"523a1290621c76c7", "851fff285561dca0"}, // offset 169, len 13
        {"7a538839d3b8a122", "61152a63595a96d9"}, // offset 196, len 14
        {"b07634b45ca0be1d", "44473e03be306c88"}, // offset 225, len 15
        {"0e27e44620332b91", "03ead5f21d344056"}, // offset 256, len 16
        {"5f287e185d278a80", "6abbfde37ee03b5b"}, // offset 289, len 17
        {"559320d54b4548c2", "0943e7ed63b3c080"}, // offset 324, len 18
        {"278dd99a7bd13c34", "d72ce05171ef8a1a"}, // offset 361, len 19
        {"98d01e17118e23b7", "4182832b52d63735"}, // offset 400, len 20
        {"aff956a878c467db", "d6cdae892584a2cb"}, // offset 441, len 21
        {"0d7a8335945f82c8", "5c8e90bc267c5ee4"}, // offset 484, len 22
        {"0b32dfb90dbbad88", "bbd7f30ac310a6f3"}, // offset 529, len 23
        {"77613ca309db5bcb", "36a097aa49519d97"}, // offset 576, len 24
        {"e2ee43d7d8418abe", "0dc78cb032c49217"}, // offset 625, len 25
        {"b226e6bb5ca5f75a", "441593e0da922dfe"}, // offset 676, len 26
        {"9d3d0bb488861051", "2ba3883d71cc2133"}, // offset 729, len 27
        {"5245b97459522934", "f2b6d2adf8423600"}, // offset 784, len 28
        {"ea5a65380bc76a03", "38fffe7f3680d63c"}, // offset 841, len 29
        {"8009cea3720ab0b9", "b7477bf0b9ce37c6"}, // offset 900, len 30
        {"bd7961ea50e6549c", "55bdb0e71e3edebd"}, // offset 961, len 31
        {"e5c5b708543eb775", "0782fa1b08b475e7"}, // offset 1024, len 32
        {"c1f4510a19937c37", "09deb3da5e16b5b8"}, // offset 1089, len 33
        {"252351cd15d7091b", "0ee347d647f95396"}, // offset 1156, len 34
        {"ba04cc9a6468b2db", "02ccf9db44ffcadc"}, // offset 1225, len 35
        {"0bde67af1f0aab81", "d76f044822fad20b"}, // offset 1296, len 36
        {"6655061df06bcdd4", "4565c9a1f6cf7563"}, // offset 1369, len 37
        {"e3f31c12c143375a", "de0ec95b0dd50728"}, // offset 1444, len 38
        {"a322995c30adbec7", "1e916689df731452"}, // offset 1521, len 39
        {"ffbdd3c31edaaa61", "01596fbb269fb44e"}, // offset 1600, len 40
        {"4c853851b59e7dd1", "3d0cc12df012fdc6"}, // offset 1681, len 41
        {"31c1d02016d325ea", "18871267759f9e9e"}, // offset 1764, len 42
        {"22a12dd9a8807431", "cf1fd8413d56223a"}, // offset 1849, len 43
        {"9a0a63e968cad456", "2324170a136a5d06"}, // offset 1936, len 44
        {"e7a1615fc6fe3557", "0f5a57eadc6c581d"}, // offset 2025, len 45
        {"d6defc57bea69cfa", "896893fc0b705345"}, // offset 2116, len 46
        {"fcfb39812051573f", "c59c4e1a7f4fe221"}, // offset 2209, len 47
        {"4617bef2eb570ed5", "01601bbbc1db4a56"}, // offset 2304, len 48
        {"2a8175d0577ca4d3", "2784c6a7cd48179e"}, // offset 2401, len 49
        {"b7729e303f50ed1b", "7e1714daf34531b9"}, // offset 2500, len 50
        {"8b36110b989dd257", "52364482fbd72b69"}, // offset 2601, len 51
        {"ebefe1bcb6d2f147", "da99dc3d65ec5ea5"}, // offset 2704, len 52
        {"f9a77fe6038d22ef", "a26c6862d8f398cf"}, // offset 2809, len 53
        {"e009d057f9bd7a9d", "9340980e344ed13a"}, // offset 2916, len 54
        {"c1e3b4267aecdd52", "ed560843e0444b29"}, // offset 3025, len 55
        {"aebc7c23c3c34dd5", "434da74b2ba4e026"}, // offset 3136, len 56
        {"6400579fd28f2694", "c0a50b576285052c"}, // offset 3249, len 57
        {"defad1640f708bfb", "84bf2c6955012dda"}, // offset 3364, len 58
        {"12d346a4bec79135", "52a098bd016ec185"}, // offset 3481, len 59
        {"0dfaac5e4278a81b", "5f4a05c2bb909857"}, // offset 3600, len 60
        {"9cefd4d36a012516", "2c1aa859228c620a"}, // offset 3721, len 61
        {"4969b8859273943e", "e8a86180173c94bd"}, // offset 3844, len 62
        {"3ebe16cc33622eec", "a8edbff858475437"}, // offset 3969, len 63
        {"64a3a37029d67333", "def74bf4c9f1bc1b"}, // offset 4096, len 64
        {"34a757413bf38662", "3cceab392bc39b3f"}, // offset 4225, len 65
        {"cfee4abc4c46665a", "9b97f76002f66a94"}, // offset 4356, len 66
        {"120625919590e9ac", "546d5de7a7d7751b"}, // offset 4489, len 67
        {"9215967aef77afaa", "37da9fddb4f01efe"}, // offset 4624, len 68
        {"a187c3f900c4a01c", "dd3551cc9c9ab11e"}, // offset 4761, len 69
        {"0f83fbbe33056029", "dabb0d9d0fb2a854"}, // offset 4900, len 70
        {"b79d5ae0caf44bc6", "d47e7c1f46fcdf8a"}, // offset 5041, len 71
        {"9df0dd6f95db2dde", "a3c3d1c8f623c250"}, // offset 5184, len 72
        {"2f441382d818db35", "875e2c13b2660e08"}, // offset 5329, len 73
        {"4241f1b1822ad76c", "2f70bfc44293f142"}, // offset 5476, len 74
        {"a3244afe1b95b393", "37df2a50500cd289"}, // offset 5625, len 75
        {"10830dd90184dfe4", "4587b6d460c6a7e8"}, // offset 5776, len 76
        {"b98c8f8422340c8c", "a23934f5737eac9d"}, // offset 5929, len 77
        {"756bd394636f9948", "06d4e97f38e8852f"}, // offset 6084, len 78
        {"9656f7fa2ba2bf65", "68b80257af01bc8f"}, // offset 6241, len 79
        {"e777d265bd0301a6", "93ffa56c72e1911a"}, // offset 6400, len 80
        {"fccb595e58f14f86", "63b3f14a80122fe7"}, // offset 6561, len 81
    };

    /** The self-test's data: its pseudo-random byte generator (Setup()). */
    private static byte[] selfTestData(int size) {
        final byte[] data = new byte[size];
        long a = 9;
        long b = 777;
        for (int i = 0; i < size; i++) {
            a += b;
            b += a;
            a = (a ^ (a >>> 41)) * K0;
            b = (b ^ (b >>> 41)) * K0 + i;
            data[i] = (byte) (b >>> 37);
        }
        return data;
    }

    /** The self-test's CreateSeed(offset, salt), an unsigned 32-bit value. */
    private static long createSeed(int offset, int salt) {
        int h = salt;
        for (int k = 0; k < 3; k++) {
            h *= C1;
            h ^= h >>> 17;
        }
        h += offset;
        for (int k = 0; k < 3; k++) {
            h *= C1;
            h ^= h >>> 17;
        }
        return Integer.toUnsignedLong(h);
    }

    @Test
    void farmhashMatchesFarmhashnaHash64WithSeedFromTheFarmHashSelfTest() {
        final int n = EXPECTED.length;
        final byte[] data = selfTestData((n - 1) * (n - 1) + n);
        final Hasher farm = Hashers.byName("farmhash");
        for (int i = 0; i < n; i++) {
            final int offset = i * i;
            final int len = i;
            final long seed = createSeed(offset, -1);
            assertEquals(Long.parseUnsignedLong(EXPECTED[i][0], 16), farm.hashBytes(data, offset, len, seed),
                    () -> "Hash64WithSeed, test " + len);
        }
    }

    /** Seed 0 is NOT the unseeded Hash64: that one is checked through ZAH's farmNa() directly. */
    @Test
    void zahFarmNaUnseededMatchesFarmhashnaHash64FromTheFarmHashSelfTest() {
        final int n = EXPECTED.length;
        final byte[] data = selfTestData((n - 1) * (n - 1) + n);
        for (int i = 0; i < n; i++) {
            final int len = i;
            assertEquals(Long.parseUnsignedLong(EXPECTED[i][1], 16),
                    LongHashFunction.farmNa().hashBytes(data, i * i, i), () -> "Hash64, test " + len);
        }
    }
}
