package org.hmaplab.harness.bench;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.hmaplab.baselines.CompositeKey;

/**
 * Benchmark keys, generated in setup from fixed seeds so every run and every implementation sees
 * the same keys. Every generator returns {@code 2 * size} distinct keys: the first {@code size}
 * go into the map, the second {@code size} never do (they are the misses and the fresh keys of
 * churn). Lookup copies of object keys are new objects, equal but not identical, so that a hit
 * cannot take the {@code ==} shortcut of {@code equals}.
 */
public final class KeySets {
    private KeySets() {
    }

    /** The seed of every key set (recorded in run metadata). */
    public static final long KEY_SEED = 0x6B65_7973_5EEDL;
    /** The seed of every lookup sequence (recorded in run metadata). */
    public static final long PROBE_SEED = 0x7072_6F62_5EEDL;

    private static final char[] ALPHABET =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int NAME_LENGTH = 8;
    private static final int MAX_AGE = 100;

    /** {@code count} distinct long keys of a long kind. */
    public static long[] longs(KeyKind kind, int count) {
        long[] keys = new long[count];
        switch (kind) {
            case LONG_SEQ -> {
                for (int i = 0; i < count; i++) {
                    keys[i] = i;
                }
            }
            case LONG_STRIDED -> {
                for (int i = 0; i < count; i++) {
                    keys[i] = (long) i << KeyKind.STRIDE_SHIFT;
                }
            }
            case LONG_RANDOM -> {
                SplittableRandom random = new SplittableRandom(KEY_SEED);
                LongOpenHashSet seen = new LongOpenHashSet(count);
                int i = 0;
                while (i < count) {
                    long key = random.nextLong();
                    if (seen.add(key)) {
                        keys[i++] = key;
                    }
                }
            }
            default -> throw new IllegalArgumentException("not a long key kind: " + kind.label());
        }
        return keys;
    }

    /** {@code count} distinct random alphanumeric Strings of {@code length} chars. */
    public static String[] strings(int length, int count) {
        SplittableRandom random = new SplittableRandom(KEY_SEED ^ length);
        Set<String> seen = new HashSet<>(count * 2);
        String[] keys = new String[count];
        char[] chars = new char[length];
        int i = 0;
        while (i < count) {
            for (int c = 0; c < length; c++) {
                chars[c] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String key = new String(chars);
            if (seen.add(key)) {
                keys[i++] = key;
            }
        }
        return keys;
    }

    /** {@code count} distinct composite keys (random 8-char name, age 0..99, random id). */
    public static CompositeKey[] composites(int count) {
        SplittableRandom random = new SplittableRandom(KEY_SEED ^ 0xC0);
        Set<CompositeKey> seen = new HashSet<>(count * 2);
        CompositeKey[] keys = new CompositeKey[count];
        char[] chars = new char[NAME_LENGTH];
        int i = 0;
        while (i < count) {
            for (int c = 0; c < NAME_LENGTH; c++) {
                chars[c] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            CompositeKey key = new CompositeKey(new String(chars), random.nextInt(MAX_AGE), random.nextLong());
            if (seen.add(key)) {
                keys[i++] = key;
            }
        }
        return keys;
    }

    /** An equal but distinct copy of a String key. */
    public static String copyOf(String key) {
        return new String(key.toCharArray());
    }

    /** An equal but distinct copy of a composite key (its name copied too). */
    public static CompositeKey copyOf(CompositeKey key) {
        return new CompositeKey(copyOf(key.name()), key.age(), key.id());
    }
}
