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

    /** A backend and why, or (backend null) why the request cannot be met. */
    record Decision(Backend backend, String reason) {
    }

    /**
     * The choice for a property value {@code forced} (null or blank: none) given why the native
     * and Vector API backends cannot run (null: they can). Pure, so the tests can walk every case.
     */
    static Decision decide(String forced, String nativeFailure, String vectorFailure) {
        String property = "-D" + AesHasher.BACKEND_PROPERTY + "=" + forced;
        if (forced != null && !forced.isBlank()) {
            Backend backend = parse(forced);
            if (backend == null) {
                return new Decision(null, property + " is not a backend; allowed: native, vector, table");
            }
            String why = switch (backend) {
                case NATIVE -> nativeFailure == null ? null : "native library not loadable: " + nativeFailure;
                case VECTOR -> vectorFailure;
                case TABLE -> null;
            };
            if (why != null) {
                return new Decision(null, property + " asks for a backend that is not available: " + why);
            }
            return new Decision(backend, backend.label() + " backend forced by " + property);
        }
        if (nativeFailure == null) {
            return new Decision(Backend.NATIVE, "native AES-NI library loaded from the jar");
        }
        if (vectorFailure == null) {
            return new Decision(Backend.VECTOR,
                    "native library not loadable: " + nativeFailure + "; using the Vector API");
        }
        return new Decision(Backend.TABLE, "native library not loadable: " + nativeFailure + "; " + vectorFailure
                + "; using the table-based AES round");
    }

    /** The backend named {@code value} (any case, surrounding blanks ignored), or null if it names none. */
    private static Backend parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Backend b : Backend.values()) {
            if (b.label().equals(v)) {
                return b;
            }
        }
        return null;
    }

    /** The process-wide choice, made on first use. */
    private static final class Choice {
        static final Backend BACKEND;
        static final String REASON;

        static {
            Decision d = decide(System.getProperty(AesHasher.BACKEND_PROPERTY), NativeAesLibrary.FAILURE,
                    VectorProbe.FAILURE);
            BACKEND = d.backend();
            REASON = d.reason();
        }
    }
}
