package org.hmaplab.hash.quality;

import java.nio.charset.StandardCharsets;
import org.hmaplab.hash.Hasher;

/** Hashers with known quality, to show that the quality tests can fail and can pass. */
final class TestHashers {
    private TestHashers() {
    }

    /** Base for test hashers: hashLong and hashChars go through hashBytes, as the contract demands. */
    abstract static class BytesHasher implements Hasher {
        @Override
        public long hashLong(long key, long seed) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (key >>> (8 * i));
            }
            return hashBytes(b, 0, 8, seed);
        }

        @Override
        public long hashChars(CharSequence s, long seed) {
            return hashBytes(s.toString().getBytes(StandardCharsets.UTF_16LE), seed);
        }
    }

    /** Identity on longs (the key's 8 LE bytes; longer keys XOR-folded 8 bytes at a time), seed XORed in. */
    static final Hasher IDENTITY = new BytesHasher() {
        @Override
        public String name() {
            return "identity";
        }

        @Override
        public long hashBytes(byte[] data, int off, int len, long seed) {
            long h = seed;
            for (int i = 0; i < len; i++) {
                h ^= (data[off + i] & 0xFFL) << (8 * (i & 7));
            }
            return h;
        }

        @Override
        public long hashLong(long key, long seed) {
            return key ^ seed;
        }
    };

    /** The sum of the bytes plus the seed: no avalanche, tiny range, zero keys all equal. */
    static final Hasher SUM_OF_BYTES = new BytesHasher() {
        @Override
        public String name() {
            return "byte-sum";
        }

        @Override
        public long hashBytes(byte[] data, int off, int len, long seed) {
            long h = seed;
            for (int i = 0; i < len; i++) {
                h += data[off + i] & 0xFF;
            }
            return h;
        }
    };

    /**
     * A good, independent mixer: every 8-byte word (the tail zero-padded) and then the length go
     * through the SplitMix64 finaliser (Stafford's "Mix13" as used by java.util.SplittableRandom:
     * xor-shift 30, multiply 0xbf58476d1ce4e5b9, xor-shift 27, multiply 0x94d049bb133111eb,
     * xor-shift 31), starting from the mixed seed. Each step is a bijection with full avalanche.
     */
    static final Hasher SPLITMIX = new BytesHasher() {
        @Override
        public String name() {
            return "splitmix";
        }

        @Override
        public long hashBytes(byte[] data, int off, int len, long seed) {
            long h = mix(seed + 0x9E3779B97F4A7C15L);
            int i = 0;
            while (i < len) {
                long w = 0;
                for (int k = 0; k < 8 && i < len; k++, i++) {
                    w |= (data[off + i] & 0xFFL) << (8 * k);
                }
                h = mix(h ^ w) + 0x9E3779B97F4A7C15L;
            }
            return mix(h ^ len);
        }

        @Override
        public long hashLong(long key, long seed) {
            return mix((mix(mix(seed + 0x9E3779B97F4A7C15L) ^ key) + 0x9E3779B97F4A7C15L) ^ 8);
        }
    };

    /** Good on bytes but ignores the seed beyond XORing it into the output: fails seed independence only. */
    static final Hasher SEED_XORED_AFTER = new BytesHasher() {
        @Override
        public String name() {
            return "seed-xor-after";
        }

        @Override
        public long hashBytes(byte[] data, int off, int len, long seed) {
            return SPLITMIX.hashBytes(data, off, len, 0L) ^ seed;
        }
    };

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
