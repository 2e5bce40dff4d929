package org.hmaplab.core;

/**
 * How a lookup walks a bucket chain. All styles return the same results; they differ in cost,
 * and the harness compares them.
 */
public enum LookupStyle {
    /** Go's generic path (mapaccess1, map.go:396-455): filter slots by tophash, stop at emptyRest. */
    GENERIC,
    /**
     * Go's 8-byte-key fast path (mapaccess1_fast64, map_fast64.go:13-52): compare every slot's key
     * directly, then check the slot is not empty; the tophash value is never compared and there
     * is no emptyRest early exit. (GoMap, whose keys are objects, treats it like GENERIC without
     * the early exit.)
     */
    FAST64,
    /**
     * Our own design, not Go's: a bucket's 8 tophash bytes are one {@code long}, matched against
     * the wanted tophash in one step with word arithmetic (SIMD within a register), so only
     * candidate slots are visited.
     */
    SWAR
}
