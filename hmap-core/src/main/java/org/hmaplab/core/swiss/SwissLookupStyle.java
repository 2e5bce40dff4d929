package org.hmaplab.core.swiss;

/**
 * How a lookup matches a group's control word against the wanted H2. Both styles find the same
 * candidate slots in the same order (SWAR may add false candidates, which the key comparison
 * rejects); they differ in cost only.
 */
public enum SwissLookupStyle {
    /**
     * Go's portable code (group.go ctrlGroupMatchH2): {@code v = ctrl ^ (0x01..01 * h2)}, then
     * {@code ((v - 0x01..01) & ~v) & 0x80..80}, one bit per byte. It has false positives just above
     * a real match (the borrow), as Go's comment says; Go's amd64 build uses SSE2 instead.
     */
    SWAR,
    /**
     * The control word as 8 byte lanes of a 64-bit {@code jdk.incubator.vector} vector compared
     * with the broadcast H2: an exact packed mask, like Go's amd64 intrinsic.
     */
    VECTOR;

    /** The style every constructor without one uses (the lead's A/B picks the faster later). */
    public static final SwissLookupStyle DEFAULT = SWAR;
}
