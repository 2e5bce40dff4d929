package org.hmaplab.hash.aes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.hmaplab.hash.aes.AesHasher.Backend;

/** Test helper: the backends this machine runs, and assumptions that skip the others with the reason. */
final class AesBackends {

    private AesBackends() {
    }

    /** Skips the calling test, with the reason, if {@code backend} cannot run here. */
    static void assumeAvailable(Backend backend) {
        String why = AesBackendSelection.whyUnavailable(backend);
        assumeTrue(why == null, () -> "AES backend " + backend.label() + " skipped: " + why);
    }

    /** Hashers for every backend that runs here. */
    static List<AesHasher> available() {
        List<AesHasher> hashers = new ArrayList<>();
        for (Backend b : Backend.values()) {
            if (AesHasher.isAvailable(b)) {
                hashers.add(AesHasher.withBackend(b));
            }
        }
        return hashers;
    }
}
