package org.hmaplab.baselines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hmaplab.core.LookupStyle;
import org.hmaplab.core.MapOptions;
import org.hmaplab.core.swiss.SwissLayout;
import org.hmaplab.core.swiss.SwissLookupStyle;
import org.hmaplab.hash.ClassPathExtensions;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;

/**
 * Every map implementation the benchmarks compare, by a stable lower-case name that appears in
 * every CSV, and a factory per key kind taking a size hint (0: no hint, the map grows from its
 * default size).
 *
 * <p>Naming scheme: our classic maps (Go 1.19) are {@code go-<lookup style>[-cache]}, the lookup
 * style being one of {@link LookupStyle} in lower case and {@code -cache} switching the hot-key
 * cache on; Go's load factor 6.5 always. Our Swiss-table maps (Go 1.24 and later, the newest
 * version's rules) are {@code swiss-<lookup style>}, one of {@link SwissLookupStyle} in lower case.
 * The hasher of our maps is a separate argument (a benchmark parameter),
 * resolved with {@link Hashers#byName}. The peers are named by their library ({@code eclipse},
 * {@code agrona}, {@code fastutil}, {@code jdk}) and ignore the hasher: they hash with the key's
 * own {@code hashCode()} or their own mixer.
 *
 * <table>
 *   <caption>Names and the classes behind them (long / String / composite keys)</caption>
 *   <tr><th>name</th><th>long -&gt; long</th><th>String -&gt; long</th><th>Object -&gt; Object</th></tr>
 *   <tr><td>go-*</td><td>GoLongLongMap</td><td>GoMap (boxed values)</td><td>GoMap</td></tr>
 *   <tr><td>swiss-*</td><td>SwissLongLongMap</td><td>SwissMap (boxed values)</td>
 *       <td>SwissMap</td></tr>
 *   <tr><td>eclipse</td><td>LongLongHashMap</td><td>ObjectLongHashMap</td><td>UnifiedMap</td></tr>
 *   <tr><td>agrona</td><td>Long2LongHashMap</td><td>Object2LongHashMap</td><td>Object2ObjectHashMap</td></tr>
 *   <tr><td>fastutil</td><td>Long2LongOpenHashMap</td><td>Object2LongOpenHashMap</td>
 *       <td>Object2ObjectOpenHashMap</td></tr>
 *   <tr><td>jdk</td><td>HashMap (boxed)</td><td>HashMap (boxed)</td><td>HashMap</td></tr>
 * </table>
 *
 * <p>Map implementations of other jars on the class path join after the peers ({@link MapExtension},
 * found with {@link java.util.ServiceLoader} through {@link ClassPathExtensions}); they run like
 * peers, hashing their keys themselves.
 */
public final class MapRegistry {
    private MapRegistry() {
    }

    /** The missing value of every primitive-valued adapter: what get/remove return for an absent key. */
    public static final long MISSING = Long.MIN_VALUE;

    /** The fixed seed our maps are built with, so runs are reproducible (recorded in run metadata). */
    public static final long GO_SEED = 0x5EED_600D_CAFE_F00DL;

    /** The hasher name recorded for peers, which do not take a hasher. */
    public static final String NO_HASHER = "none";

    /** The lookup-style name recorded for peers, which have no lookup style. */
    public static final String NO_LOOKUP_STYLE = "none";

    /** The prefix of our own maps' names. */
    public static final String GO_PREFIX = "go-";

    private static final String CACHE_SUFFIX = "-cache";

    /** The peers, in listing order. */
    private static final List<String> PEERS = List.of("eclipse", "agrona", "fastutil", "jdk");

    /** The prefix of our Swiss-table maps' names. */
    public static final String SWISS_PREFIX = "swiss-";

    /** Our Swiss maps' lookup styles by name, in listing order. */
    private static final Map<String, SwissLookupStyle> SWISS_MAPS = swissMaps();

    private static Map<String, SwissLookupStyle> swissMaps() {
        Map<String, SwissLookupStyle> maps = new LinkedHashMap<>();
        for (SwissLookupStyle style : SwissLookupStyle.values()) {
            maps.put(SWISS_PREFIX + style.name().toLowerCase(Locale.ROOT), style);
            maps.put(SWISS_PREFIX + style.name().toLowerCase(Locale.ROOT) + CONTROL_WORDS_FIRST_SUFFIX, style);
        }
        return Collections.unmodifiableMap(maps);
    }

    /** The suffix of the Swiss maps with {@link SwissLayout#CONTROL_WORDS_FIRST}. */
    private static final String CONTROL_WORDS_FIRST_SUFFIX = "-ctrlfirst";

    /**
     * Whether {@code name} is an option of the long-key form only ({@code swiss-<style>-ctrlfirst}: the
     * generic SwissMap has Go's layout alone, so its String and composite cells would repeat
     * {@code swiss-<style>}'s).
     */
    public static boolean isLongKeyOnly(String name) {
        return isSwiss(name) && swissLayout(name) != SwissLayout.GO_GROUPS;
    }

    /** The storage layout of a Swiss map's long-key form. */
    static SwissLayout swissLayout(String name) {
        return name.endsWith(CONTROL_WORDS_FIRST_SUFFIX) ? SwissLayout.CONTROL_WORDS_FIRST : SwissLayout.GO_GROUPS;
    }

    /** Our maps' options by name, in listing order. */
    private static final Map<String, MapOptions> GO_MAPS = goMaps();

    private static Map<String, MapOptions> goMaps() {
        Map<String, MapOptions> maps = new LinkedHashMap<>();
        for (LookupStyle style : LookupStyle.values()) {
            String base = GO_PREFIX + style.name().toLowerCase(Locale.ROOT);
            MapOptions options = MapOptions.DEFAULT.withLookupStyle(style);
            maps.put(base, options);
            maps.put(base + CACHE_SUFFIX, options.withHotKeyCache(true));
        }
        return Collections.unmodifiableMap(maps);
    }

    /** Map implementations of other jars on the class path, by name, in class-path order. */
    private static final Map<String, MapExtension> EXTENSIONS = loadExtensions();

    /**
     * The suffix of an A/A control's name: {@code fastutil-aa} is exactly {@code fastutil} under a
     * second name, so that a run can measure one implementation twice in separate forks and see
     * its own noise. Control names are accepted by every factory but listed nowhere, and count as
     * neither ours nor a peer.
     */
    public static final String AA_SUFFIX = "-aa";

    /** The A/A control name of {@code name}. */
    public static String aaControl(String name) {
        return requireKnown(name) + AA_SUFFIX;
    }

    /** Whether {@code name} is an A/A control name. */
    public static boolean isAaControl(String name) {
        return name != null && name.endsWith(AA_SUFFIX)
            && isKnown(name.substring(0, name.length() - AA_SUFFIX.length()));
    }

    private static boolean isKnown(String name) {
        return isGo(name) || isPeer(name) || EXTENSIONS.containsKey(name);
    }

    /**
     * The map extensions on the class path ({@link MapExtension}), checked: a name must be well
     * formed and new; IllegalArgumentException naming the extension's class and jar otherwise.
     */
    private static Map<String, MapExtension> loadExtensions() {
        Map<String, MapExtension> found = new LinkedHashMap<>();
        for (MapExtension e : ClassPathExtensions.load(MapExtension.class, "map", MapExtension::name)) {
            String name = e.name();
            String problem = name.startsWith(GO_PREFIX) || name.startsWith(SWISS_PREFIX) || name.startsWith("native-")
                    || name.endsWith(AA_SUFFIX) ? "the prefixes go-, swiss-, native- and the suffix " + AA_SUFFIX
                    + " are the testbed's own"
                : GO_MAPS.containsKey(name) || SWISS_MAPS.containsKey(name) || PEERS.contains(name)
                    || found.containsKey(name) ? "that name is taken" : null;
            if (problem != null) {
                throw new IllegalArgumentException("map extension " + ClassPathExtensions.describe(e) + " is named '"
                    + name + "': " + problem);
            }
            found.put(name, e);
        }
        return Collections.unmodifiableMap(found);
    }

    /** Whether {@code name} is a map extension from another jar on the class path. */
    public static boolean isExtension(String name) {
        return EXTENSIONS.containsKey(name);
    }

    /**
     * The map extensions on the class path, one {@code name=class@jar} each, separated by
     * {@code ;} (what a run's metadata records); empty when there are none.
     */
    public static String extensionsDescription() {
        return ClassPathExtensions.description(EXTENSIONS.values(), MapExtension::name);
    }

    /** The implementation an A/A control name stands for; any other name unchanged. */
    private static String resolve(String name) {
        return isAaControl(name) ? name.substring(0, name.length() - AA_SUFFIX.length()) : name;
    }

    /** Every implementation name: ours first (classic, then Swiss), then the peers, then extensions. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(GO_MAPS.keySet());
        all.addAll(SWISS_MAPS.keySet());
        all.addAll(PEERS);
        all.addAll(EXTENSIONS.keySet());
        return List.copyOf(all);
    }

    /** The peers' names. */
    public static List<String> peerNames() {
        return PEERS;
    }

    /** Our own maps' names, classic and Swiss. */
    public static List<String> goNames() {
        List<String> ours = new ArrayList<>(GO_MAPS.keySet());
        ours.addAll(SWISS_MAPS.keySet());
        return List.copyOf(ours);
    }

    /** Whether {@code name} is one of our models of Go's maps, classic or Swiss (which take a hasher). */
    public static boolean isGo(String name) {
        return GO_MAPS.containsKey(name) || SWISS_MAPS.containsKey(name);
    }

    /** Whether {@code name} is one of our Swiss-table maps. */
    public static boolean isSwiss(String name) {
        return SWISS_MAPS.containsKey(name);
    }

    /** Whether {@code name} is a peer. */
    public static boolean isPeer(String name) {
        return PEERS.contains(name);
    }

    /**
     * Checks that {@code name} is a known implementation.
     *
     * @throws IllegalArgumentException naming the valid names otherwise
     */
    public static String requireKnown(String name) {
        if (!isKnown(name)) {
            throw new IllegalArgumentException("unknown map implementation '" + name + "'; valid: "
                + String.join(", ", names()));
        }
        return name;
    }

    /** The lookup style of {@code name} in lower case, or {@link #NO_LOOKUP_STYLE} for a peer. */
    public static String lookupStyle(String name) {
        requireKnown(name);
        if (SWISS_MAPS.containsKey(name)) {
            return SWISS_MAPS.get(name).name().toLowerCase(Locale.ROOT)
                + (swissLayout(name) == SwissLayout.GO_GROUPS ? "" : CONTROL_WORDS_FIRST_SUFFIX);
        }
        MapOptions options = GO_MAPS.get(name);
        return options == null ? NO_LOOKUP_STYLE : options.lookupStyle().name().toLowerCase(Locale.ROOT);
    }

    /** The options our classic map {@code name} is built with; IllegalArgumentException otherwise. */
    public static MapOptions goOptions(String name) {
        MapOptions options = GO_MAPS.get(requireKnown(name));
        if (options == null) {
            throw new IllegalArgumentException("'" + name + "' is not one of our classic maps ("
                + String.join(", ", GO_MAPS.keySet()) + ")");
        }
        return options;
    }

    /** A long -&gt; long map; {@code hasher} is used by our maps only. */
    public static LongLongMapAdapter longLong(String requested, String hasher, int hint) {
        String name = resolve(requested);
        if (EXTENSIONS.containsKey(name)) {
            return EXTENSIONS.get(name).longLong(hint);
        }
        if (isSwiss(name)) {
            return new SwissAdapters.LongLong(hasher(hasher), GO_SEED, hint, SWISS_MAPS.get(name),
                swissLayout(name));
        }
        return switch (requireKnown(name)) {
            case "eclipse" -> new EclipseAdapters.LongLong(hint);
            case "agrona" -> new AgronaAdapters.LongLong(hint);
            case "fastutil" -> new FastutilAdapters.LongLong(hint);
            case "jdk" -> new JdkAdapters.LongLong(hint);
            default -> new GoAdapters.LongLong(hasher(hasher), GO_SEED, hint, GO_MAPS.get(name));
        };
    }

    /** A String -&gt; long map; {@code hasher} is used by our maps only. */
    public static StringLongMapAdapter stringLong(String requested, String hasher, int hint) {
        String name = resolve(requested);
        if (EXTENSIONS.containsKey(name)) {
            return EXTENSIONS.get(name).stringLong(hint);
        }
        if (isSwiss(name)) {
            return new SwissAdapters.StringLong(hasher(hasher), GO_SEED, hint, SWISS_MAPS.get(name));
        }
        return switch (requireKnown(name)) {
            case "eclipse" -> new EclipseAdapters.StringLong(hint);
            case "agrona" -> new AgronaAdapters.StringLong(hint);
            case "fastutil" -> new FastutilAdapters.StringLong(hint);
            case "jdk" -> new JdkAdapters.StringLong(hint);
            default -> new GoAdapters.StringLong(hasher(hasher), GO_SEED, hint, GO_MAPS.get(name));
        };
    }

    /** An Object -&gt; Object map (composite keys); {@code hasher} is used by our maps only. */
    public static ObjectObjectMapAdapter objectObject(String requested, String hasher, int hint) {
        String name = resolve(requested);
        if (EXTENSIONS.containsKey(name)) {
            return EXTENSIONS.get(name).objectObject(hint);
        }
        if (isSwiss(name)) {
            return SwissAdapters.objectObject(hasher(hasher), GO_SEED, hint, SWISS_MAPS.get(name));
        }
        return switch (requireKnown(name)) {
            case "eclipse" -> EclipseAdapters.objectObject(hint);
            case "agrona" -> AgronaAdapters.objectObject(hint);
            case "fastutil" -> FastutilAdapters.objectObject(hint);
            case "jdk" -> JdkAdapters.objectObject(hint);
            default -> GoAdapters.objectObject(hasher(hasher), GO_SEED, hint, GO_MAPS.get(name));
        };
    }

    private static Hasher hasher(String name) {
        if (name == null || NO_HASHER.equals(name)) {
            throw new IllegalArgumentException("our maps need a hasher; valid: " + String.join(", ", Hashers.names()));
        }
        return Hashers.byName(name);
    }
}
