#!/usr/bin/env python3
"""Seeded XXH64 and XXH3-64 vectors from xxHash's reference C library, for the Java xxh64/xxh3 tests.

Calls XXH64() and XXH3_64bits_withSeed() of the installed libxxhash (Debian package libxxhash0,
xxHash 0.8.1) through ctypes, so the values come from the reference implementation itself:

    python3 hashers/src/test/python/xxhash_seeded_vectors.py > hashers/src/test/resources/xxhash-seeded-vectors.txt

Data: byte i of the input is (7 * i + 3) mod 256; each line hashes its first `len` bytes.
"""
import ctypes
import ctypes.util

lib = ctypes.CDLL(ctypes.util.find_library("xxhash") or "libxxhash.so.0")
for f in (lib.XXH64, lib.XXH3_64bits_withSeed):
    f.restype = ctypes.c_uint64
    f.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint64]
lib.XXH_versionNumber.restype = ctypes.c_uint

data = bytes((7 * i + 3) & 0xFF for i in range(300))
print("# seeded xxHash vectors from libxxhash %d (XXH_versionNumber), printed by" % lib.XXH_versionNumber())
print("# python3 hashers/src/test/python/xxhash_seeded_vectors.py > hashers/src/test/resources/xxhash-seeded-vectors.txt")
print("# fields: seed len XXH64 XXH3_64bits_withSeed; input byte i = (7*i + 3) mod 256")
for seed in (0, 1, 0x0123456789ABCDEF, 0xFFFFFFFFFFFFFFFF):
    for n in (0, 1, 3, 4, 8, 9, 16, 17, 31, 32, 33, 64, 65, 128, 129, 240, 241, 255, 256, 300):
        print("%016x %d %016x %016x" % (seed, n, lib.XXH64(data[:n], n, seed),
                                         lib.XXH3_64bits_withSeed(data[:n], n, seed)))
