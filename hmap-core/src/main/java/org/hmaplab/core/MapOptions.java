package org.hmaplab.core;

import java.util.Objects;

/**
 * Options of a Go-style map that are experiment parameters, not part of the model: the lookup
 * style, the optional hot-key cache and the load factor (Go's is 13/2 = 6.5; other values exist
 * for the load-factor study only).
 *
 * @param lookupStyle   how lookups walk a chain
 * @param hotKeyCache   whether a small direct-mapped cache of recently found slots is kept
 * @param loadFactorNum growth when count &gt; loadFactorNum * (2^B / loadFactorDen)
 * @param loadFactorDen see loadFactorNum
 * @param paged         GoLongLongMap only: store the bucket array in pages of 1024 buckets allocated on
 *                      first write (a growth then allocates and zeroes one page at a time) instead of
 *                      one array per table; the structure is identical either way
 */
public record MapOptions(LookupStyle lookupStyle, boolean hotKeyCache, int loadFactorNum, int loadFactorDen,
                         boolean paged) {

    /** Go's own behaviour: generic lookups, no cache, load factor 6.5; paged storage. */
    public static final MapOptions DEFAULT =
        new MapOptions(LookupStyle.GENERIC, false, GoMapRules.LOAD_FACTOR_NUM, GoMapRules.LOAD_FACTOR_DEN, true);

    public MapOptions {
        Objects.requireNonNull(lookupStyle, "lookupStyle");
        if (loadFactorNum <= 0 || loadFactorDen <= 0 || loadFactorNum > 8 * loadFactorDen) {
            throw new IllegalArgumentException("load factor " + loadFactorNum + "/" + loadFactorDen
                + " is not allowed: both parts must be positive and the factor at most 8 (slots per bucket)");
        }
    }

    /** Options with the default storage layout (paged). */
    public MapOptions(LookupStyle lookupStyle, boolean hotKeyCache, int loadFactorNum, int loadFactorDen) {
        this(lookupStyle, hotKeyCache, loadFactorNum, loadFactorDen, true);
    }

    /** These options with another lookup style. */
    public MapOptions withLookupStyle(LookupStyle style) {
        return new MapOptions(style, hotKeyCache, loadFactorNum, loadFactorDen, paged);
    }

    /** These options with the hot-key cache on or off. */
    public MapOptions withHotKeyCache(boolean on) {
        return new MapOptions(lookupStyle, on, loadFactorNum, loadFactorDen, paged);
    }

    /** These options with load factor num/den. */
    public MapOptions withLoadFactor(int num, int den) {
        return new MapOptions(lookupStyle, hotKeyCache, num, den, paged);
    }

    /** These options with paged (true) or one-array (false) bucket storage; GoLongLongMap only. */
    public MapOptions withPaged(boolean on) {
        return new MapOptions(lookupStyle, hotKeyCache, loadFactorNum, loadFactorDen, on);
    }
}
