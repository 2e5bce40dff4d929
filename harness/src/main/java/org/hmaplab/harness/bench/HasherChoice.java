package org.hmaplab.harness.bench;

import java.util.List;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Hasher names of the hasher-speed benchmark: every name of the {@link Hashers} registry.
 * Unknown names are rejected with the list of valid ones.
 */
public final class HasherChoice {
    private HasherChoice() {
    }

    /** Every hasher name the speed benchmark accepts. */
    public static List<String> names() {
        return Hashers.names();
    }

    /** The hasher called {@code name}. */
    public static Hasher byName(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown hasher '" + name + "'; valid: " + String.join(", ", names()));
        }
        return Hashers.byName(name);
    }
}
