package org.hmaplab.hash;

import java.util.List;

/**
 * Registry of every hasher by its stable name. (Placeholder in the skeleton: the hashers
 * helper fills in the real registry, keeping these three signatures.)
 */
public final class Hashers {
    private Hashers() {
    }

    /** Every registered name, in listing order. */
    public static List<String> names() {
        return List.of();
    }

    /** The hasher called {@code name}; unknown name: IllegalArgumentException listing the valid names. */
    public static Hasher byName(String name) {
        throw new IllegalArgumentException("unknown hasher '" + name + "'; valid: " + names());
    }

    /**
     * The hasher the default selection picks: the system property {@code hmap.hasher} when set,
     * else the {@code card} policy over the detected CPU features.
     */
    public static Hasher defaultHasher() {
        return byName("fnv1a");
    }
}
