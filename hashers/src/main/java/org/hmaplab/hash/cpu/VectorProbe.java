package org.hmaplab.hash.cpu;

import jdk.incubator.vector.ByteVector;

/**
 * Asks the Vector API for its preferred species width. Kept in a class of its own so that a JVM
 * started without {@code --add-modules=jdk.incubator.vector} fails only here, with a
 * {@link LinkageError} that {@link #preferredBits()} turns into "unknown".
 */
final class VectorProbe {
    private VectorProbe() {
    }

    /** The preferred vector width in bits, or -1 when the Vector API is not available. */
    static int preferredBits() {
        try {
            return Holder.BITS;
        } catch (LinkageError absent) {
            return -1;
        }
    }

    private static final class Holder {
        static final int BITS = ByteVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
