package org.hmaplab.harness.bench;

import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.baselines.ObjectObjectMapAdapter;
import org.hmaplab.baselines.StringLongMapAdapter;
import org.openjdk.jmh.annotations.Param;

/**
 * Keys plus a map: the implementation and (for our maps) the hasher are parameters, resolved by
 * {@link MapRegistry}; peers get the hasher {@code none} and ignore it. Only the adapter of the
 * key kind's family is built. Values stored are the key's index, so they are never the adapters'
 * missing value.
 */
public abstract class MapState extends KeysState {
    /** The implementation, by its {@link MapRegistry} name. */
    @Param({"go-swar"})
    public String impl;

    /** The hasher of our maps ({@code none} for peers). */
    @Param({"fnv1a"})
    public String hasher;

    protected LongLongMapAdapter longMap;
    protected StringLongMapAdapter stringMap;
    protected ObjectObjectMapAdapter objectMap;

    /** Builds an empty map of the family with size hint {@code hint} into the family's field. */
    protected void newMap(int hint) {
        switch (family) {
            case LONG -> longMap = MapRegistry.longLong(impl, hasher, hint);
            case STRING -> stringMap = MapRegistry.stringLong(impl, hasher, hint);
            case COMPOSITE -> objectMap = MapRegistry.objectObject(impl, hasher, hint);
            default -> throw new IllegalStateException("family " + family);
        }
    }

    /** Puts keys {@code [from, to)} with their index as value. */
    protected void fill(int from, int to) {
        for (int i = from; i < to; i++) {
            switch (family) {
                case LONG -> longMap.put(longKeys[i], i);
                case STRING -> stringMap.put(stringKeys[i], i);
                case COMPOSITE -> objectMap.put(compositeKeys[i], Long.valueOf(i));
                default -> throw new IllegalStateException("family " + family);
            }
        }
    }

    /** A new map (no hint) holding the first {@code size} keys; checks the size came out right. */
    protected void newFilledMap() {
        newMap(0);
        fill(0, size);
        int actual = switch (family) {
            case LONG -> longMap.size();
            case STRING -> stringMap.size();
            case COMPOSITE -> objectMap.size();
        };
        if (actual != size) {
            throw new IllegalStateException(impl + " holds " + actual + " entries after " + size + " distinct puts");
        }
    }
}
