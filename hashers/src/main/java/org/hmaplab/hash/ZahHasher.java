package org.hmaplab.hash;

import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.LongFunction;
import net.openhft.hashing.Access;
import net.openhft.hashing.LongHashFunction;

/**
 * Adapts one seeded family of Zero-Allocation-Hashing's {@link LongHashFunction} (xxh3, wyhash,
 * ...) to {@link Hasher}: seed {@code s} means the family's seeded function {@code factory(s)}.
 *
 * <p>ZAH functions are immutable, so the adapter keeps the last seed's function in an immutable
 * holder held in a plain field: a repeated seed costs one field read and one compare, a new seed
 * one factory call (which allocates). A racing thread at worst recomputes it.
 *
 * <p>ZAH's {@code hashLong} and {@code hashBytes} already keep our contract (the long's bytes are
 * taken little-endian). Its {@code hashChars(String)} reads chars in native byte order, so it is
 * used only for a String on a little-endian platform; every other case (other CharSequences, or a
 * big-endian platform) goes through ZAH's little-endian {@link CharSequence} access, which hashes
 * exactly the UTF-16LE bytes without copying.
 */
final class ZahHasher implements Hasher {
    private static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final Access<CharSequence> UTF16LE = Access.toCharSequence(ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final String family;
    private final boolean seeded;
    private final LongFunction<LongHashFunction> factory;
    private Seeded last;

    /**
     * @param name    the stable name
     * @param family  the family name
     * @param seeded  whether the seed changes the output
     * @param factory the ZAH factory from seed to function
     */
    ZahHasher(String name, String family, boolean seeded, LongFunction<LongHashFunction> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.family = Objects.requireNonNull(family, "family");
        this.seeded = seeded;
        this.factory = Objects.requireNonNull(factory, "factory");
        this.last = new Seeded(0L, factory.apply(0L));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public boolean seeded() {
        return seeded;
    }

    private LongHashFunction function(long seed) {
        Seeded f = last;
        if (f.seed != seed) {
            f = new Seeded(seed, factory.apply(seed));
            last = f;
        }
        return f.function;
    }

    @Override
    public long hashBytes(byte[] data, int off, int len, long seed) {
        return function(seed).hashBytes(data, off, len);
    }

    @Override
    public long hashLong(long key, long seed) {
        return function(seed).hashLong(key);
    }

    @Override
    public long hashChars(CharSequence s, long seed) {
        final LongHashFunction f = function(seed);
        if (NATIVE_LITTLE_ENDIAN && s instanceof String str) {
            return f.hashChars(str);
        }
        return f.hash(s, UTF16LE, 0, 2L * s.length());
    }

    /** One seed and its function; immutable. */
    private record Seeded(long seed, LongHashFunction function) {
    }
}
