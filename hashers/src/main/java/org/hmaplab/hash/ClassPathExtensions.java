package org.hmaplab.hash;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Implementations from other jars on the class path, found with {@link ServiceLoader}: the one
 * mechanism behind both extension points, hashers ({@link Hashers}: every {@link Hasher} a jar
 * declares in {@code META-INF/services/org.hmaplab.hash.Hasher}) and maps
 * ({@code org.hmaplab.baselines.MapRegistry}: {@code MapExtension}s), so that a researcher can put
 * a function or a map of their own into the matrix without forking the project
 * ({@code ./hbench --classpath my.jar ...}; the guide is {@code docs/extending.md}). An extension
 * needs a public no-argument constructor (or a public static {@code provider()} method) and a name
 * of lower-case letters, digits, '.', '_' or '-', because the name appears in CSV columns and on
 * command lines; each registry adds its own rules (names taken, reserved prefixes).
 */
public final class ClassPathExtensions {

    /** What an extension's name may look like. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private ClassPathExtensions() {
    }

    /**
     * The implementations of {@code service} the class path declares, in class-path order, each
     * with a well-formed name.
     *
     * @param kind   what they are, for messages ("hasher", "map")
     * @param nameOf an implementation's name
     * @throws IllegalArgumentException naming the extension's class and jar when one cannot be
     *                                  loaded or is badly named
     */
    public static <T> List<T> load(Class<T> service, String kind, Function<T, String> nameOf) {
        List<T> found = new ArrayList<>();
        try {
            for (T t : ServiceLoader.load(service, service.getClassLoader())) {
                String name = nameOf.apply(t);
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(kind + " extension " + describe(t) + " is named '" + name
                        + "'; a name is lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
                }
                found.add(t);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a " + kind + " extension on the class path could not be loaded: "
                + e.getMessage(), e);
        }
        return List.copyOf(found);
    }

    /** The extension's class and the jar or folder it came from: {@code class (path)}. */
    public static String describe(Object extension) {
        return extension.getClass().getName() + " (" + origin(extension) + ")";
    }

    /** The jar or folder the extension's class was loaded from, or "unknown origin". */
    public static String origin(Object extension) {
        CodeSource source = extension.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "unknown origin" : location.getPath();
    }

    /**
     * One {@code name=class@jar} per extension, separated by {@code ;}: what a run's metadata
     * records so that its numbers trace back to the code that made them; empty when there are none.
     */
    public static <T> String description(Collection<T> extensions, Function<T, String> nameOf) {
        StringBuilder sb = new StringBuilder();
        for (T t : extensions) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(nameOf.apply(t)).append('=').append(t.getClass().getName()).append('@').append(origin(t));
        }
        return sb.toString();
    }
}
