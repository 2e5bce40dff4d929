package org.hmaplab.hash.aes;

import java.util.Objects;

import org.hmaplab.hash.Hasher;

/**
 * The AES hash of the testbed: the structure of Go 1.19's {@code aeshash} (runtime/asm_amd64.s,
 * {@code aeshashbody}) with a fixed key schedule, on one of three backends that give identical
 * output: the CPU's AES instructions through FFM ({@link Backend#NATIVE}), a software AES round in
 * Vector API code ({@link Backend#VECTOR}) and a table-based AES round in scalar Java
 * ({@link Backend#TABLE}, the reference).
 *
 * <h2>The AES round</h2>
 * {@code enc(x, k)} is one x86 {@code AESENC}: {@code MixColumns(SubBytes(ShiftRows(x))) ^ k}, the
 * middle round of AES (FIPS-197, section 5.1). A 16-byte block is the AES state in FIPS-197 order:
 * byte {@code i} of the block is state row {@code i % 4}, column {@code i / 4}. Blocks are read
 * from memory in byte order; where a block is written as two longs below, {@code lo} holds bytes
 * 0..7 and {@code hi} bytes 8..15, both little-endian. {@code enc(x)} is short for the self-keyed
 * round {@code enc(x, x)}, which Go writes {@code AESENC X, X}.
 *
 * <h2>Constants</h2>
 * {@code KS} is 128 bytes: the first 256 hexadecimal digits of the fraction of pi,
 * {@code 243f6a88 85a308d3 13198a2e ...}, two digits per byte (byte 0 = 0x24, byte 1 = 0x3f); these
 * are also Blowfish's P-array and the start of its first S-box. {@code KS[j]} is its 16-byte block
 * {@code j} (bytes {@code 16j .. 16j+15}), {@code j = 0..7}. It plays the role of Go's per-process
 * random {@code aeskeysched}; being fixed, the hash is reproducible across processes and backends.
 *
 * <h2>The hash of {@code len} bytes {@code p[0 .. len)} with a 64-bit {@code seed}</h2>
 * <ol>
 *   <li>Seed block: {@code S.lo = seed}, {@code S.hi = l * 0x0001000100010001} where
 *       {@code l = len & 0xffff} (the length's low 16 bits four times, as Go's
 *       {@code PINSRW $4; PSHUFHW $0}). Lane seeds: {@code s[j] = enc(S ^ KS[j])}.</li>
 *   <li>{@code len == 0}: return {@code enc(s[0]).lo}.</li>
 *   <li>{@code 1 <= len <= 16}: the block {@code B} is the bytes zero-padded to 16 (the length is
 *       in {@code S}, so zero-padded inputs of different lengths differ); return
 *       {@code enc(enc(enc(B ^ s[0]))).lo}.</li>
 *   <li>{@code 17 <= len <= 128}: {@code n = 2, 4 or 8} lanes for lengths up to 32, 64, 128. Lane
 *       {@code j < n/2} reads the 16 bytes at {@code 16j}; lane {@code j >= n/2} reads the 16 bytes
 *       at {@code len - 16(n - j)} (the second half from the back, overlapping the first).
 *       {@code x[j] = enc(enc(enc(block_j ^ s[j])))}; return {@code (x[0] ^ ... ^ x[n-1]).lo}.</li>
 *   <li>{@code len > 128}: eight lanes start from the last 128 bytes:
 *       {@code x[j] = p[len-128+16j ..] ^ s[j]}; then for each of the {@code m = (len - 1) / 128}
 *       128-byte blocks {@code b = 0 .. m-1} from the front, every lane takes
 *       {@code x[j] = enc(enc(x[j]), p[128b + 16j ..])} (the data is the round key, as Go's
 *       {@code AESENC X0, X8}); then {@code x[j] = enc(enc(enc(x[j])))}; return
 *       {@code (x[0] ^ ... ^ x[7]).lo}.</li>
 * </ol>
 * This is Go's {@code aeshashbody} step for step (Go's fold order differs but XOR commutes); the
 * differences from Go are the fixed {@code KS} and the entry points: Go's {@code memhash64} is a
 * separate routine, while here {@link #hashLong} is exactly {@code hashBytes} of the 8
 * little-endian bytes and {@link #hashChars} exactly {@code hashBytes} of the UTF-16LE code units,
 * as the {@link Hasher} contract requires.
 *
 * <h2>Backends</h2>
 * {@link #create()} picks, once per process: {@code NATIVE} if the library built from
 * {@code src/main/c/aeshash.c} loads from the jar and the CPU has AES and SSE4.1; else
 * {@code VECTOR} if the module {@code jdk.incubator.vector} is present; else {@code TABLE}. The
 * system property {@code hmap.aes.backend=native|vector|table} forces one (an error if it is not
 * available). {@link #backend()} and {@link #backendReason()} say what was chosen and why.
 *
 * <h2>Strings</h2>
 * {@code hashChars} packs up to 8 code units into two longs and hashes them with no array at all;
 * longer sequences are copied as UTF-16LE bytes into a per-thread scratch array (grown on demand,
 * so steady state is allocation-free) and hashed as {@code hashBytes} hashes them (the native backend
 * reuses the scratch's heap segment). A String's own storage is
 * not reachable without opening {@code java.base}, so a copy it is.
 */
public abstract sealed class AesHasher implements Hasher
        permits NativeAesHasher, VectorAesHasher, TableAesHasher {

    /** The system property that forces a backend: {@code native}, {@code vector} or {@code table}. */
    public static final String BACKEND_PROPERTY = "hmap.aes.backend";

    /** Code units that fit the two-long block of {@link #hashRegs}: 16 bytes. */
    private static final int CHARS_IN_REGISTERS = 8;

    /** Where the hash is computed. */
    public enum Backend {
        /** AES-NI through a native library called with the FFM API. */
        NATIVE,
        /** A software AES round in Vector API ({@code jdk.incubator.vector}) code. */
        VECTOR,
        /** A table-based AES round in scalar Java: the reference. */
        TABLE;

        /** The lower-case name, as the system property and listings spell it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    AesHasher() {
    }

    /** The AES hasher on the best backend this machine offers (or the one the property forces). */
    public static AesHasher create() {
        return withBackend(AesBackendSelection.chosen());
    }

    /**
     * The AES hasher on the given backend, for tests and benchmarks.
     *
     * @throws IllegalStateException if that backend cannot run here, with the reason
     */
    public static AesHasher withBackend(Backend backend) {
        Objects.requireNonNull(backend, "backend");
        String unavailable = AesBackendSelection.whyUnavailable(backend);
        if (unavailable != null) {
            throw new IllegalStateException("AES backend " + backend.label() + " is not available: " + unavailable);
        }
        return switch (backend) {
            case NATIVE -> new NativeAesHasher();
            case VECTOR -> new VectorAesHasher();
            case TABLE -> new TableAesHasher();
        };
    }

    /** Whether {@code backend} can run in this process. */
    public static boolean isAvailable(Backend backend) {
        return AesBackendSelection.whyUnavailable(Objects.requireNonNull(backend, "backend")) == null;
    }

    /** The backend {@link #create()} chooses in this process. */
    public static Backend defaultBackend() {
        return AesBackendSelection.chosen();
    }

    /** Why {@link #create()} chooses the backend it does, in words (for run metadata). */
    public static String defaultBackendReason() {
        return AesBackendSelection.reason();
    }

    /** The backend this instance runs on. */
    public abstract Backend backend();

    /** Why this process's default backend was chosen, in words; for a forced backend, says so. */
    public String backendReason() {
        Backend chosen = AesBackendSelection.chosen();
        if (chosen == backend()) {
            return AesBackendSelection.reason();
        }
        return backend().label() + " backend requested explicitly (the default here is " + chosen.label()
                + ": " + AesBackendSelection.reason() + ")";
    }

    @Override
    public final String name() {
        return "aes";
    }

    @Override
    public final String family() {
        return "aes";
    }

    @Override
    public boolean hardwareBacked() {
        return false;
    }

    /**
     * The hash of the {@code len} (0..16) bytes held little-endian in {@code lo} (bytes 0..7) and
     * {@code hi} (bytes 8..15); bytes at {@code len} and above must be zero.
     */
    abstract long hashRegs(long lo, long hi, int len, long seed);

    @Override
    public final long hashLong(long key, long seed) {
        return hashRegs(key, 0L, Long.BYTES, seed);
    }

    @Override
    public final long hashChars(CharSequence s, long seed) {
        Objects.requireNonNull(s, "s (the CharSequence to hash)");
        int n = s.length();
        if (n <= CHARS_IN_REGISTERS) {
            long lo = 0;
            long hi = 0;
            for (int i = 0; i < n; i++) {
                long c = s.charAt(i);
                if (i < 4) {
                    lo |= c << (16 * i);
                } else {
                    hi |= c << (16 * (i - 4));
                }
            }
            return hashRegs(lo, hi, 2 * n, seed);
        }
        return hashScratch(Utf16Scratch.fill(s), 2 * n, seed);
    }

    /** {@code hashBytes} of the first {@code len} bytes of the thread's scratch. */
    long hashScratch(Utf16Scratch scratch, int len, long seed) {
        return hashBytes(scratch.bytes, 0, len, seed);
    }

    @Override
    public String toString() {
        return "aes(" + backend().label() + ")";
    }
}
