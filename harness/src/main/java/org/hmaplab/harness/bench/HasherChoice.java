package org.hmaplab.harness.bench;

import java.util.ArrayList;
import java.util.List;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import org.hmaplab.hash.aes.AesHasher;

/**
 * Hasher names of the hasher-speed benchmark: every name of the {@link Hashers} registry, plus
 * {@code aes-native}, {@code aes-vector} and {@code aes-table} for the AES hasher pinned to one
 * backend ({@code aes} itself is whichever backend the machine's default selection picks).
 * Unknown names are rejected with the list of valid ones.
 */
public final class HasherChoice {
    private HasherChoice() {
    }

    private static final String AES_PREFIX = "aes-";

    /** Every hasher name the speed benchmark accepts. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(Hashers.names());
        for (AesHasher.Backend b : AesHasher.Backend.values()) {
            names.add(AES_PREFIX + b.label());
        }
        return List.copyOf(names);
    }

    /** The pinned-backend AES names whose backend can run in this process. */
    public static List<String> availableAesBackends() {
        List<String> names = new ArrayList<>();
        for (AesHasher.Backend b : AesHasher.Backend.values()) {
            if (AesHasher.isAvailable(b)) {
                names.add(AES_PREFIX + b.label());
            }
        }
        return names;
    }

    /**
     * The hasher called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     * @throws IllegalStateException    for an AES backend that cannot run here, with the reason
     */
    public static Hasher byName(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown hasher '" + name + "'; valid: " + String.join(", ", names()));
        }
        if (name.startsWith(AES_PREFIX)) {
            String backend = name.substring(AES_PREFIX.length());
            for (AesHasher.Backend b : AesHasher.Backend.values()) {
                if (b.label().equals(backend)) {
                    return AesHasher.withBackend(b);
                }
            }
        }
        return Hashers.byName(name);
    }
}
