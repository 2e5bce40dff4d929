package org.hmaplab.hash;

import org.junit.jupiter.api.Assumptions;

/**
 * The ONE place where tests skip a placeholder hasher: a registered hasher whose methods throw
 * UnsupportedOperationException (the AES class until its branch is merged) is skipped with
 * {@code Assumptions.abort("placeholder ...")}. The lead removes this skip once every registered
 * hasher is real.
 */
final class RealHashers {
    private RealHashers() {
    }

    /** The hasher called {@code name}, or an aborted test if it is still a placeholder. */
    static Hasher byName(String name) {
        final Hasher h = Hashers.byName(name);
        try {
            h.hashBytes(new byte[1], 0L);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("placeholder " + name + ": " + e.getMessage());
        }
        return h;
    }
}
