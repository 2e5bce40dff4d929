package org.hmaplab.hash;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.hashing.LongHashFunction;
import org.hmaplab.hash.aes.AesHasher;
import org.hmaplab.hash.select.HasherSelection;
import org.hmaplab.hash.select.Selection;

/**
 * Registry of every hasher by its stable, lower-case name, in a fixed listing order.
 *
 * <table>
 *   <caption>Registered hashers</caption>
 *   <tr><th>name</th><th>family</th><th>what seed s means</th></tr>
 *   <tr><td>fnv1a</td><td>fnv</td><td>offset basis XOR s ({@link Fnv1aHasher})</td></tr>
 *   <tr><td>rc6</td><td>rc6</td><td>RC6 key and initial state ({@link Rc6Hasher})</td></tr>
 *   <tr><td>aes</td><td>aes</td><td>see {@link AesHasher}</td></tr>
 *   <tr><td>go</td><td>go</td><td>Go's hash0 ^ hashkey[0] ({@link GoFallbackHasher})</td></tr>
 *   <tr><td>xxh3</td><td>xxhash</td><td>{@code XXH3_64bits_withSeed(s)}: ZAH {@code xx3(s)}</td></tr>
 *   <tr><td>xxh64</td><td>xxhash</td><td>{@code XXH64(s)}: ZAH {@code xx(s)}</td></tr>
 *   <tr><td>wyhash</td><td>wyhash</td><td>ZAH {@code wy_3(s)}, its port of wyhash version 3; the empty
 *       input hashes to 0 for every seed</td></tr>
 *   <tr><td>murmur3</td><td>murmur</td><td>low 64 bits of MurmurHash3_x64_128 with seed s:
 *       ZAH {@code murmur_3(s)}; the reference seed is 32 bits, larger seeds use ZAH's 64-bit
 *       extension</td></tr>
 *   <tr><td>farmhash</td><td>farmhash</td><td>farmhashna {@code Hash64WithSeed(s)}: ZAH
 *       {@code farmNa(s)}</td></tr>
 *   <tr><td>city</td><td>cityhash</td><td>CityHash64 1.1 {@code CityHash64WithSeed(s)}: ZAH
 *       {@code city_1_1(s)}</td></tr>
 *   <tr><td>metro</td><td>metrohash</td><td>MetroHash64 seed s: ZAH {@code metro(s)}</td></tr>
 *   <tr><td>fastutil-mix</td><td>fastutil</td><td>{@code HashCommon.mix(key ^ s)}, fastutil's unseeded
 *       mixer ({@link FastutilMixHasher})</td></tr>
 *   <tr><td>agrona-hash</td><td>agrona</td><td>{@code Hashing.hash(key ^ s)} sign-extended, Agrona's
 *       unseeded 32-bit hash ({@link AgronaHashHasher})</td></tr>
 *   <tr><td>jdk-spread</td><td>jdk</td><td>{@code h ^ (h >>> 16)} of {@code Long.hashCode(key + s)}
 *       sign-extended, the JDK HashMap's unseeded hash ({@link JdkSpreadHasher})</td></tr>
 *   <tr><td>wymix</td><td>wyhash</td><td>{@code wyhash64(key, s)} of wyhash final version 4.3
 *       ({@link WyMixHasher})</td></tr>
 * </table>
 * The last four are the mixers of the peer maps (and wyhash's integer mixer), registered so that a
 * map design can be compared with the hash cost held equal. They hash 8-byte keys; their byte and
 * char entry points fold 8-byte words through the mixer ({@link WordFoldHasher}) to keep the
 * contract and are not general-purpose byte hashers.
 *
 * For every ZAH hasher, seed s is the seeded variant with that value, also for s = 0; for xxh3,
 * xxh64, wyhash, murmur3 and metro the seeded function with seed 0 equals the unseeded one, for
 * city and farmhash it does not (their unseeded {@code Hash64} is a different function).
 *
 * <p>{@link #byName} is case-sensitive: names are exactly as listed by {@link #names()}.
 *
 * <p>Hashers of other jars on the class path join the registry after these, found with
 * {@link java.util.ServiceLoader} ({@link ClassPathExtensions}); a name that is taken, a badly named
 * extension or one that cannot be loaded stops the registry with an IllegalArgumentException that
 * names the extension's class and jar.
 */
public final class Hashers {
    private static final List<Hasher> BUILT_IN = List.of(
            Fnv1aHasher.INSTANCE,
            Rc6Hasher.INSTANCE,
            AesHasher.create(),
            GoFallbackHasher.INSTANCE,
            new ZahHasher("xxh3", "xxhash", true, LongHashFunction::xx3),
            new ZahHasher("xxh64", "xxhash", true, LongHashFunction::xx),
            new ZahHasher("wyhash", "wyhash", true, LongHashFunction::wy_3),
            new ZahHasher("murmur3", "murmur", true, LongHashFunction::murmur_3),
            new ZahHasher("farmhash", "farmhash", true, LongHashFunction::farmNa),
            new ZahHasher("city", "cityhash", true, LongHashFunction::city_1_1),
            new ZahHasher("metro", "metrohash", true, LongHashFunction::metro),
            FastutilMixHasher.INSTANCE,
            AgronaHashHasher.INSTANCE,
            JdkSpreadHasher.INSTANCE,
            WyMixHasher.INSTANCE);

    private static final List<Hasher> EXTENSIONS = ClassPathExtensions.load(Hasher.class, "hasher", Hasher::name);

    private static final Map<String, Hasher> BY_NAME = register(BUILT_IN, EXTENSIONS);

    private static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    private Hashers() {
    }

    private static Map<String, Hasher> register(List<Hasher> builtIn, List<Hasher> extensions) {
        final Map<String, Hasher> map = new LinkedHashMap<>();
        for (Hasher h : builtIn) {
            if (map.putIfAbsent(h.name(), h) != null) {
                throw new IllegalStateException("two built-in hashers named '" + h.name() + "'");
            }
        }
        for (Hasher h : extensions) {
            Hasher taken = map.putIfAbsent(h.name(), h);
            if (taken != null) {
                throw new IllegalArgumentException("hasher extension " + ClassPathExtensions.describe(h)
                    + " is named '" + h.name() + "', which " + (builtIn.contains(taken) ? "a built-in hasher"
                        : "the extension " + ClassPathExtensions.describe(taken))
                    + " already has; give it another name");
            }
        }
        return map;
    }

    /**
     * Whether {@code name} came from another jar on the class path ({@link ClassPathExtensions})
     * rather than being built in.
     */
    public static boolean isExtension(String name) {
        Hasher h = BY_NAME.get(name);
        return h != null && EXTENSIONS.contains(h);
    }

    /**
     * The extension hashers, one {@code name=class@jar} per hasher, separated by {@code ;}: what a
     * run's metadata records so that its numbers can be traced to the code that made them; empty
     * when there are none.
     */
    public static String extensionsDescription() {
        return ClassPathExtensions.description(EXTENSIONS, Hasher::name);
    }

    /** Every registered name, in listing order (immutable). */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The hasher called {@code name} (case-sensitive).
     *
     * @throws IllegalArgumentException for an unknown name, naming it and listing the valid names
     */
    public static Hasher byName(String name) {
        final Hasher h = BY_NAME.get(name);
        if (h == null) {
            throw new IllegalArgumentException("unknown hasher '" + name + "'; valid names: "
                    + String.join(", ", NAMES));
        }
        return h;
    }

    /**
     * The hasher the default selection picks: the system property {@code hmap.hasher} when set,
     * else the {@code card} policy over the detected CPU features.
     */
    public static Hasher defaultHasher() {
        return byName(defaultSelection().hasherName());
    }

    /**
     * The process-wide default selection ({@link HasherSelection#defaultSelection(List)}) checked
     * against this registry's names: which hasher, by which policy, and why.
     */
    public static Selection defaultSelection() {
        return HasherSelection.defaultSelection(names());
    }
}
