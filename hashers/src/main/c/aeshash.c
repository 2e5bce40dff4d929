/*
 * The AES hash of hmap-testbed on the CPU's AES instructions (AES-NI), called from Java through
 * the FFM API (org.hmaplab.hash.aes.NativeAesHasher). The construction is documented exactly in
 * the Javadoc of org.hmaplab.hash.aes.AesHasher; it has the structure of Go 1.19's aeshashbody
 * (runtime/asm_amd64.s) with a fixed key schedule (the first 128 bytes of the hexadecimal
 * fraction of pi) instead of Go's per-process random one. The Java backends compute the same
 * function bit for bit.
 *
 * Loads: blocks of 16 bytes are unaligned loads; inputs of 17 bytes and more take their last
 * blocks from the end of the input, overlapping the earlier ones (as Go does). Inputs shorter
 * than 16 bytes are assembled from overlapping 8-, 4- and 1-byte loads that stay inside the
 * input: nothing outside [p, p + len) is ever read, and no stack copy is made.
 *
 * Built by the Maven profile "native-aes" with: gcc -O2 -maes -msse4.1 -fPIC -shared.
 * Callers must check hmap_aes_cpu_supported() before calling anything else: on a CPU without AES
 * the other functions die with SIGILL.
 */
#include <stdint.h>
#include <string.h>
#include <wmmintrin.h>
#include <smmintrin.h>

/* The first 128 bytes of the hexadecimal fraction of pi: 243f6a88 85a308d3 ... (also the
 * Blowfish P-array and the start of its first S-box). Byte i is hex digits 2i and 2i+1. */
static const uint8_t KEY_SCHEDULE[128] __attribute__((aligned(16))) = {
    0x24, 0x3f, 0x6a, 0x88, 0x85, 0xa3, 0x08, 0xd3, 0x13, 0x19, 0x8a, 0x2e, 0x03, 0x70, 0x73, 0x44,
    0xa4, 0x09, 0x38, 0x22, 0x29, 0x9f, 0x31, 0xd0, 0x08, 0x2e, 0xfa, 0x98, 0xec, 0x4e, 0x6c, 0x89,
    0x45, 0x28, 0x21, 0xe6, 0x38, 0xd0, 0x13, 0x77, 0xbe, 0x54, 0x66, 0xcf, 0x34, 0xe9, 0x0c, 0x6c,
    0xc0, 0xac, 0x29, 0xb7, 0xc9, 0x7c, 0x50, 0xdd, 0x3f, 0x84, 0xd5, 0xb5, 0xb5, 0x47, 0x09, 0x17,
    0x92, 0x16, 0xd5, 0xd9, 0x89, 0x79, 0xfb, 0x1b, 0xd1, 0x31, 0x0b, 0xa6, 0x98, 0xdf, 0xb5, 0xac,
    0x2f, 0xfd, 0x72, 0xdb, 0xd0, 0x1a, 0xdf, 0xb7, 0xb8, 0xe1, 0xaf, 0xed, 0x6a, 0x26, 0x7e, 0x96,
    0xba, 0x7c, 0x90, 0x45, 0xf1, 0x2c, 0x7f, 0x99, 0x24, 0xa1, 0x99, 0x47, 0xb3, 0x91, 0x6c, 0xf7,
    0x08, 0x01, 0xf2, 0xe2, 0x85, 0x8e, 0xfc, 0x16, 0x63, 0x69, 0x20, 0xd8, 0x71, 0x57, 0x4e, 0x69,
};

#define LOAD(ptr) _mm_loadu_si128((const __m128i *) (const void *) (ptr))
#define KS(i) _mm_load_si128((const __m128i *) (const void *) (KEY_SCHEDULE + 16 * (i)))
#define ENC(x) _mm_aesenc_si128((x), (x))

static inline uint64_t load64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint32_t load32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* The seed block before scrambling: the seed in the low 64 bits, the low 16 bits of the length
 * four times in the high 64 bits (Go: MOVQ seed, X0; PINSRW $4, len, X0; PSHUFHW $0, X0, X0). */
static inline __m128i seed_block(uint64_t seed, int64_t len) {
    uint64_t l = (uint64_t) len & 0xffff;
    return _mm_set_epi64x((long long) (l * 0x0001000100010001ULL), (long long) seed);
}

/* The zero-padded block of 1..15 bytes, read with loads that stay inside [p, p + len). */
static inline __m128i partial_block(const uint8_t *p, int64_t len) {
    uint64_t lo;
    uint64_t hi = 0;
    if (len >= 8) {
        lo = load64(p);
        if (len > 8) {
            hi = load64(p + len - 8) >> (8 * (16 - len));
        }
    } else if (len >= 4) {
        lo = (uint64_t) load32(p) | (((uint64_t) load32(p + len - 4) >> (8 * (8 - len))) << 32);
    } else {
        lo = p[0];
        if (len > 1) {
            lo |= (uint64_t) p[1] << 8;
        }
        if (len > 2) {
            lo |= (uint64_t) p[2] << 16;
        }
    }
    return _mm_set_epi64x((long long) hi, (long long) lo);
}

static inline uint64_t low64(__m128i x) {
    return (uint64_t) _mm_cvtsi128_si64(x);
}

/* One lane of 16 bytes or fewer (lengths 0..16, and hmap_aes_hash_regs). */
static inline uint64_t hash_one_block(__m128i block, __m128i s0) {
    __m128i x = _mm_xor_si128(block, s0);
    x = ENC(x);
    x = ENC(x);
    x = ENC(x);
    return low64(x);
}

static uint64_t hash_long(const uint8_t *p, int64_t len, __m128i raw) {
    __m128i s0 = ENC(_mm_xor_si128(raw, KS(0)));
    __m128i s1 = ENC(_mm_xor_si128(raw, KS(1)));
    if (len <= 32) {
        __m128i a = ENC(_mm_xor_si128(LOAD(p), s0));
        __m128i b = ENC(_mm_xor_si128(LOAD(p + len - 16), s1));
        a = ENC(ENC(a));
        b = ENC(ENC(b));
        return low64(_mm_xor_si128(a, b));
    }
    __m128i s2 = ENC(_mm_xor_si128(raw, KS(2)));
    __m128i s3 = ENC(_mm_xor_si128(raw, KS(3)));
    if (len <= 64) {
        __m128i a = _mm_xor_si128(LOAD(p), s0);
        __m128i b = _mm_xor_si128(LOAD(p + 16), s1);
        __m128i c = _mm_xor_si128(LOAD(p + len - 32), s2);
        __m128i d = _mm_xor_si128(LOAD(p + len - 16), s3);
        for (int r = 0; r < 3; r++) {
            a = ENC(a);
            b = ENC(b);
            c = ENC(c);
            d = ENC(d);
        }
        return low64(_mm_xor_si128(_mm_xor_si128(a, c), _mm_xor_si128(b, d)));
    }
    __m128i s4 = ENC(_mm_xor_si128(raw, KS(4)));
    __m128i s5 = ENC(_mm_xor_si128(raw, KS(5)));
    __m128i s6 = ENC(_mm_xor_si128(raw, KS(6)));
    __m128i s7 = ENC(_mm_xor_si128(raw, KS(7)));
    __m128i x0;
    __m128i x1;
    __m128i x2;
    __m128i x3;
    __m128i x4;
    __m128i x5;
    __m128i x6;
    __m128i x7;
    if (len <= 128) {
        x0 = _mm_xor_si128(LOAD(p), s0);
        x1 = _mm_xor_si128(LOAD(p + 16), s1);
        x2 = _mm_xor_si128(LOAD(p + 32), s2);
        x3 = _mm_xor_si128(LOAD(p + 48), s3);
        x4 = _mm_xor_si128(LOAD(p + len - 64), s4);
        x5 = _mm_xor_si128(LOAD(p + len - 48), s5);
        x6 = _mm_xor_si128(LOAD(p + len - 32), s6);
        x7 = _mm_xor_si128(LOAD(p + len - 16), s7);
    } else {
        /* Start with the last (possibly overlapping) 128 bytes, then fold in the 128-byte
         * blocks from the front: (len - 1) / 128 of them, each as the round key of a round that
         * follows a self-keyed round. */
        const uint8_t *end = p + len;
        x0 = _mm_xor_si128(LOAD(end - 128), s0);
        x1 = _mm_xor_si128(LOAD(end - 112), s1);
        x2 = _mm_xor_si128(LOAD(end - 96), s2);
        x3 = _mm_xor_si128(LOAD(end - 80), s3);
        x4 = _mm_xor_si128(LOAD(end - 64), s4);
        x5 = _mm_xor_si128(LOAD(end - 48), s5);
        x6 = _mm_xor_si128(LOAD(end - 32), s6);
        x7 = _mm_xor_si128(LOAD(end - 16), s7);
        for (int64_t n = (len - 1) >> 7; n > 0; n--, p += 128) {
            x0 = _mm_aesenc_si128(ENC(x0), LOAD(p));
            x1 = _mm_aesenc_si128(ENC(x1), LOAD(p + 16));
            x2 = _mm_aesenc_si128(ENC(x2), LOAD(p + 32));
            x3 = _mm_aesenc_si128(ENC(x3), LOAD(p + 48));
            x4 = _mm_aesenc_si128(ENC(x4), LOAD(p + 64));
            x5 = _mm_aesenc_si128(ENC(x5), LOAD(p + 80));
            x6 = _mm_aesenc_si128(ENC(x6), LOAD(p + 96));
            x7 = _mm_aesenc_si128(ENC(x7), LOAD(p + 112));
        }
    }
    for (int r = 0; r < 3; r++) {
        x0 = ENC(x0);
        x1 = ENC(x1);
        x2 = ENC(x2);
        x3 = ENC(x3);
        x4 = ENC(x4);
        x5 = ENC(x5);
        x6 = ENC(x6);
        x7 = ENC(x7);
    }
    __m128i a = _mm_xor_si128(_mm_xor_si128(x0, x4), _mm_xor_si128(x2, x6));
    __m128i b = _mm_xor_si128(_mm_xor_si128(x1, x5), _mm_xor_si128(x3, x7));
    return low64(_mm_xor_si128(a, b));
}

/* 1 if this CPU has the AES and SSE4.1 instructions the other functions use, else 0.
 * Uses no AES instruction itself. */
int32_t hmap_aes_cpu_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("aes") && __builtin_cpu_supports("sse4.1");
}

/* The hash of the len bytes p[off .. off + len). */
uint64_t hmap_aes_hash(const uint8_t *p, int64_t off, int64_t len, uint64_t seed) {
    p += off;
    __m128i raw = seed_block(seed, len);
    if (len < 16) {
        __m128i s0 = ENC(_mm_xor_si128(raw, KS(0)));
        if (len == 0) {
            return low64(ENC(s0));
        }
        return hash_one_block(partial_block(p, len), s0);
    }
    if (len == 16) {
        return hash_one_block(LOAD(p), ENC(_mm_xor_si128(raw, KS(0))));
    }
    return hash_long(p, len, raw);
}

/* The hash of the len (0..16) bytes held little-endian in lo (bytes 0..7) and hi (bytes 8..15);
 * the bytes at len and above must be zero. Lets Java hash a long or a short string without
 * passing an array. */
uint64_t hmap_aes_hash_regs(uint64_t lo, uint64_t hi, int64_t len, uint64_t seed) {
    __m128i s0 = ENC(_mm_xor_si128(seed_block(seed, len), KS(0)));
    if (len == 0) {
        return low64(ENC(s0));
    }
    return hash_one_block(_mm_set_epi64x((long long) hi, (long long) lo), s0);
}

/* One AESENC: out = MixColumns(SubBytes(ShiftRows(state))) ^ round_key. For tests only. */
void hmap_aes_enc(const uint8_t *state, const uint8_t *round_key, uint8_t *out) {
    _mm_storeu_si128((__m128i *) (void *) out, _mm_aesenc_si128(LOAD(state), LOAD(round_key)));
}
