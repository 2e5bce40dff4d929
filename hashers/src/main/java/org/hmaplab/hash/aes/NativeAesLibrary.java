package org.hmaplab.hash.aes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads {@code libhmapaes.so} (built from {@code src/main/c/aeshash.c} by the Maven profile
 * {@code native-aes}) from the class path once per process and binds its functions as FFM
 * downcall handles with {@link Linker.Option#critical(boolean) critical(true)}: no thread-state
 * transition, and heap arrays are passed as {@code MemorySegment.ofArray} without copying.
 *
 * <p>The library is extracted to a temporary file (deleted at exit) because the dynamic loader
 * needs a file. Before anything else the library's {@code hmap_aes_cpu_supported} (which uses no
 * AES instruction) must return 1: on a CPU without AES-NI the hash functions would die with
 * SIGILL. If anything fails, the handles are null and {@link #FAILURE} says why.
 */
final class NativeAesLibrary {

    /** Where the Maven profile puts the library in the jar. */
    static final String RESOURCE = "/native/linux-x86_64/libhmapaes.so";

    /** {@code uint64_t hmap_aes_hash(const uint8_t *p, int64_t off, int64_t len, uint64_t seed)}. */
    static final MethodHandle HASH;

    /** {@code uint64_t hmap_aes_hash_regs(uint64_t lo, uint64_t hi, int64_t len, uint64_t seed)}. */
    static final MethodHandle HASH_REGS;

    /** {@code void hmap_aes_enc(const uint8_t *state, const uint8_t *key, uint8_t *out)}. */
    static final MethodHandle ENC;

    /** Null when the library is usable, else why not. */
    static final String FAILURE;

    static {
        MethodHandle hash = null;
        MethodHandle regs = null;
        MethodHandle enc = null;
        String failure;
        try {
            failure = platformProblem();
            if (failure == null) {
                SymbolLookup lookup = SymbolLookup.libraryLookup(extract(), Arena.global());
                Linker linker = Linker.nativeLinker();
                MethodHandle supported = linker.downcallHandle(find(lookup, "hmap_aes_cpu_supported"),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT));
                if ((int) supported.invokeExact() != 1) {
                    failure = "the CPU lacks AES-NI or SSE4.1 (cpuid, checked by the library)";
                } else {
                    Linker.Option critical = Linker.Option.critical(true);
                    hash = linker.downcallHandle(find(lookup, "hmap_aes_hash"),
                            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                            critical);
                    regs = linker.downcallHandle(find(lookup, "hmap_aes_hash_regs"),
                            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                            critical);
                    enc = linker.downcallHandle(find(lookup, "hmap_aes_enc"),
                            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS),
                            critical);
                }
            }
        } catch (Throwable t) {
            failure = t.getClass().getSimpleName() + ": " + t.getMessage();
            hash = null;
            regs = null;
            enc = null;
        }
        HASH = hash;
        HASH_REGS = regs;
        ENC = enc;
        FAILURE = failure;
    }

    private NativeAesLibrary() {
    }

    /** Why this platform cannot run the library, or null if it might. */
    private static String platformProblem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "the library is built for Linux x86-64 only (this is " + os + " " + arch + ")";
        }
        if (NativeAesLibrary.class.getResource(RESOURCE) == null) {
            return "the jar carries no " + RESOURCE + " (built without gcc or off x86-64 Linux; "
                    + "the Maven profile native-aes builds it)";
        }
        return null;
    }

    private static Path extract() throws IOException {
        Path file = Files.createTempFile("libhmapaes", ".so");
        file.toFile().deleteOnExit();
        try (InputStream in = NativeAesLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " vanished");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(
                () -> new IllegalStateException("symbol " + name + " missing from " + RESOURCE));
    }
}
