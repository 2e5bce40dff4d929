/*
 * Prints reference vectors of wyhash64(A, B) from wyhash.h, "final version 4.3"
 * (github.com/wangyi-fudan/wyhash, commit e4764a0b637d34d3421a7760affada9288b625a8),
 * with the header's defaults WYHASH_CONDOM 1 and WYHASH_32BIT_MUM 0.
 * Build and run outside the repository:
 *   gcc -O2 -Wall -o wyhash64_vectors wyhash64_vectors.c && ./wyhash64_vectors > wymix-vectors.txt
 * (wyhash.h beside it). Output: 4 comment lines, then one line per vector,
 * "key,seed,wyhash64(key, seed)", 16 lower-case hex digits each. This is the file
 * hashers/src/test/resources/wymix-vectors.txt; wyhash.h itself is not in the repository.
 * The keys and seeds are edge values and the outputs of a splitmix64 generator started at 42.
 */
#include <inttypes.h>
#include <stdio.h>
#include "wyhash.h"

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void print(uint64_t key, uint64_t seed) {
    printf("%016" PRIx64 ",%016" PRIx64 ",%016" PRIx64 "\n", key, seed, wyhash64(key, seed));
}

int main(void) {
    const uint64_t edges[] = {0, 1, UINT64_MAX, 0x8000000000000000ull, 0x7fffffffffffffffull,
                              0x0102030405060708ull, 0x2d358dccaa6c78a5ull, 0x8bb84b93962eacc9ull};
    const int n = sizeof edges / sizeof edges[0];
    uint64_t state = 42;
    printf("# wyhash64(key, seed) of wyhash.h \"final version 4.3\" (github.com/wangyi-fudan/wyhash, "
           "commit e4764a0b637d34d3421a7760affada9288b625a8),\n");
    printf("# printed by hashers/src/test/resources/wyhash64_vectors.c (gcc 64-bit, __uint128_t path, "
           "WYHASH_CONDOM 1) with\n");
    printf("# gcc -O2 -Wall -o wyhash64_vectors wyhash64_vectors.c && ./wyhash64_vectors  "
           "(wyhash.h beside it, not in this repository)\n");
    printf("# fields: key,seed,wyhash64 as 16 hex digits; first the 8 x 8 edge pairs, then 300 keys "
           "with seed 0, then 200 (key, seed) pairs\n");
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            print(edges[i], edges[j]);
        }
    }
    for (int i = 0; i < 300; i++) {
        print(splitmix64(&state), 0);
    }
    for (int i = 0; i < 200; i++) {
        uint64_t key = splitmix64(&state);
        print(key, splitmix64(&state));
    }
    return 0;
}
