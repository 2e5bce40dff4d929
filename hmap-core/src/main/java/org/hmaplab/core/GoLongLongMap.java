package org.hmaplab.core;

import org.hmaplab.hash.Hasher;

/** Placeholder in the skeleton: the hmap-core helper replaces this class, keeping these signatures. */
public final class GoLongLongMap {
    public GoLongLongMap() {
        this(0);
    }

    public GoLongLongMap(int hint) {
        throw new UnsupportedOperationException("not yet");
    }

    public GoLongLongMap(Hasher hasher) {
        throw new UnsupportedOperationException("not yet");
    }

    public GoLongLongMap(Hasher hasher, long seed, int hint) {
        this(hasher, seed, hint, MapOptions.DEFAULT);
    }

    public GoLongLongMap(Hasher hasher, long seed, int hint, MapOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    public long get(long key, long missing) {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean containsKey(long key) {
        throw new UnsupportedOperationException("not yet");
    }

    public long put(long key, long value, long missing) {
        throw new UnsupportedOperationException("not yet");
    }

    public long remove(long key, long missing) {
        throw new UnsupportedOperationException("not yet");
    }

    public int size() {
        throw new UnsupportedOperationException("not yet");
    }

    public void clear() {
        throw new UnsupportedOperationException("not yet");
    }

    public void forEach(LongLongConsumer action) {
        throw new UnsupportedOperationException("not yet");
    }
}
