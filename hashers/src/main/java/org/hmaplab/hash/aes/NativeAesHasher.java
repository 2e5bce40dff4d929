package org.hmaplab.hash.aes;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * The AES hash (construction in {@link AesHasher}) on the CPU's AES instructions: every call is
 * one FFM downcall into {@code src/main/c/aeshash.c}. Arrays go down as heap segments, which the
 * critical downcalls of {@link NativeAesLibrary} accept without copying; {@code hashLong} and
 * short strings go down as two longs, with no array at all; long strings through the per-thread
 * scratch and the segment made once with it ({@link Utf16Scratch}).
 */
final class NativeAesHasher extends AesHasher {

    private static final MethodHandle HASH = NativeAesLibrary.HASH;
    private static final MethodHandle HASH_REGS = NativeAesLibrary.HASH_REGS;
    private static final MethodHandle ENC = NativeAesLibrary.ENC;

    NativeAesHasher() {
        if (HASH == null) {
            throw new IllegalStateException("native AES library not loaded: " + NativeAesLibrary.FAILURE);
        }
    }

    @Override
    public Backend backend() {
        return Backend.NATIVE;
    }

    @Override
    public boolean hardwareBacked() {
        return true;
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        Objects.checkFromIndexSize(off, len, data.length);
        try {
            return (long) HASH.invokeExact(MemorySegment.ofArray(data), (long) off, (long) len, seed);
        } catch (Throwable t) {
            throw new IllegalStateException("native hmap_aes_hash failed", t);
        }
    }

    /** The scratch goes down through the heap segment made with its array: no segment per call. */
    @Override
    long hashScratch(Utf16Scratch scratch, int len, long seed) {
        try {
            return (long) HASH.invokeExact(scratch.segment, 0L, (long) len, seed);
        } catch (Throwable t) {
            throw new IllegalStateException("native hmap_aes_hash failed", t);
        }
    }

    @Override
    long hashRegs(long lo, long hi, int len, long seed) {
        try {
            return (long) HASH_REGS.invokeExact(lo, hi, (long) len, seed);
        } catch (Throwable t) {
            throw new IllegalStateException("native hmap_aes_hash_regs failed", t);
        }
    }

    /** One AESENC by the CPU: {@code out = enc(state, key)}, 16 bytes each. For tests. */
    static void enc(byte[] state, byte[] key, byte[] out) {
        Objects.checkFromIndexSize(0, 16, state.length);
        Objects.checkFromIndexSize(0, 16, key.length);
        Objects.checkFromIndexSize(0, 16, out.length);
        try {
            ENC.invokeExact(MemorySegment.ofArray(state), MemorySegment.ofArray(key), MemorySegment.ofArray(out));
        } catch (Throwable t) {
            throw new IllegalStateException("native hmap_aes_enc failed", t);
        }
    }
}
