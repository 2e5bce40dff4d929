package org.hmaplab.harness.bench;

import org.hmaplab.baselines.CompositeKey;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The keys of a benchmark: key kind and map size are parameters; {@link #generateKeys()} fills
 * the one array of the kind's family with {@code 2 * size} distinct keys (see {@link KeySets}),
 * and {@link #buildProbes(int[])} turns an index plan into a probe array of the same family.
 */
@State(Scope.Benchmark)
public abstract class KeysState {
    /** The key kind, by its {@link KeyKind#label()}. */
    @Param({"long-random"})
    public String keyKind;

    /** Entries in the map. */
    @Param({"1024"})
    public int size;

    protected KeyKind kind;
    protected KeyKind.Family family;
    protected long[] longKeys;
    protected String[] stringKeys;
    protected CompositeKey[] compositeKeys;

    protected long[] longProbes;
    protected String[] stringProbes;
    protected CompositeKey[] compositeProbes;

    protected void generateKeys() {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        kind = KeyKind.of(keyKind);
        family = kind.family();
        int count = Math.multiplyExact(size, 2);
        switch (family) {
            case LONG -> longKeys = KeySets.longs(kind, count);
            case STRING -> stringKeys = KeySets.strings(kind.length(), count);
            case COMPOSITE -> compositeKeys = KeySets.composites(count);
            default -> throw new IllegalStateException("family " + family);
        }
    }

    /** Probe keys for {@code indexes}: the keys themselves for longs, equal copies for objects. */
    protected void buildProbes(int[] indexes) {
        switch (family) {
            case LONG -> {
                longProbes = new long[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    longProbes[i] = longKeys[indexes[i]];
                }
            }
            case STRING -> {
                stringProbes = new String[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    stringProbes[i] = KeySets.copyOf(stringKeys[indexes[i]]);
                }
            }
            case COMPOSITE -> {
                compositeProbes = new CompositeKey[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    compositeProbes[i] = KeySets.copyOf(compositeKeys[indexes[i]]);
                }
            }
            default -> throw new IllegalStateException("family " + family);
        }
    }
}
