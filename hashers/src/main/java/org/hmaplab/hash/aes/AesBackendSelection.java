package org.hmaplab.hash.aes;

import java.util.Locale;

import org.hmaplab.hash.aes.AesHasher.Backend;

/**
 * Chooses the AES backend once per process, and says why in words: native if the AES-NI library
 * loads (see {@link NativeAesLibrary}), else the Vector API if {@code jdk.incubator.vector} is in
 * the boot layer, else the table round. The system property {@value AesHasher#BACKEND_PROPERTY}
 * forces one.
 */
final class AesBackendSelection {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private AesBackendSelection() {
    }

    /** Null if {@code backend} runs here, else why not. */
    static String whyUnavailable(Backend backend) {
        return switch (backend) {
            case NATIVE -> NativeAesLibrary.FAILURE == null ? null : "native library not loadable: "
                    + NativeAesLibrary.FAILURE;
            case VECTOR -> VectorProbe.FAILURE;
            case TABLE -> null;
        };
    }

    /** The chosen backend; throws if the system property asks for something impossible. */
    static Backend chosen() {
        if (Choice.BACKEND == null) {
            throw new IllegalStateException(Choice.REASON);
        }
        return Choice.BACKEND;
    }

    static String reason() {
        return Choice.REASON;
    }

    /** Whether the Vector API is usable, decided without loading the Vector API classes first. */
    private static final class VectorProbe {
        static final String FAILURE = probe();

        private static String probe() {
            if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
                return "module " + VECTOR_MODULE + " not in the boot layer (run with --add-modules "
                        + VECTOR_MODULE + ")";
            }
            try {
                Class.forName("org.hmaplab.hash.aes.VectorAesHasher", true, AesBackendSelection.class.getClassLoader());
                return null;
            } catch (ClassNotFoundException | LinkageError e) {
                return "Vector API classes failed to load: " + e;
            }
        }
    }

    /** The process-wide choice, made on first use. */
    private static final class Choice {
        static final Backend BACKEND;
        static final String REASON;

        static {
            String forced = System.getProperty(AesHasher.BACKEND_PROPERTY);
            if (forced != null && !forced.isBlank()) {
                Backend backend = parse(forced);
                String why = backend == null ? null : whyUnavailable(backend);
                if (backend == null) {
                    BACKEND = null;
                    REASON = "-D" + AesHasher.BACKEND_PROPERTY + "=" + forced
                            + " is not a backend; allowed: native, vector, table";
                } else if (why != null) {
                    BACKEND = null;
                    REASON = "-D" + AesHasher.BACKEND_PROPERTY + "=" + forced
                            + " asks for a backend that is not available: " + why;
                } else {
                    BACKEND = backend;
                    REASON = backend.label() + " backend forced by -D" + AesHasher.BACKEND_PROPERTY + "=" + forced;
                }
            } else if (NativeAesLibrary.FAILURE == null) {
                BACKEND = Backend.NATIVE;
                REASON = "native AES-NI library loaded from the jar";
            } else if (VectorProbe.FAILURE == null) {
                BACKEND = Backend.VECTOR;
                REASON = "native library not loadable: " + NativeAesLibrary.FAILURE + "; using the Vector API";
            } else {
                BACKEND = Backend.TABLE;
                REASON = "native library not loadable: " + NativeAesLibrary.FAILURE + "; "
                        + VectorProbe.FAILURE + "; using the table-based AES round";
            }
        }

        /** The backend named {@code value}, or null if it names none. */
        private static Backend parse(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Backend b : Backend.values()) {
                if (b.label().equals(v)) {
                    return b;
                }
            }
            return null;
        }
    }
}
