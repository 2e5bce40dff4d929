package org.hmaplab.hash;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Hashers from other jars: every {@link Hasher} that a jar on the class path declares in
 * {@code META-INF/services/org.hmaplab.hash.Hasher}, found with {@link ServiceLoader}, so that a
 * researcher can put a hash function of their own into the matrix without forking the project
 * ({@code ./hbench --classpath my.jar run --hasher my-hash ...}; the guide is
 * {@code docs/extending.md}). The registry lists them after the built-in hashers, in class-path
 * order. An extension must have a public no-argument constructor (or a public static
 * {@code provider()} method), a name of lower-case letters, digits, '.', '_' or '-', and keep the
 * contract of {@link Hasher}; the example module {@code examples/hasher-example} shows all three.
 */
final class HasherExtensions {

    /** What a hasher's name may look like: the name appears in CSV columns and on command lines. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private HasherExtensions() {
    }

    /**
     * The hashers the class path declares, checked for a valid name.
     *
     * @throws IllegalArgumentException naming the extension when one cannot be loaded or is
     *                                  badly named
     */
    static List<Hasher> load() {
        List<Hasher> found = new ArrayList<>();
        try {
            for (Hasher h : ServiceLoader.load(Hasher.class, Hashers.class.getClassLoader())) {
                String name = h.name();
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("hasher extension " + describe(h) + " is named '" + name
                        + "'; a name is lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
                }
                found.add(h);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a hasher extension on the class path could not be loaded: "
                + e.getMessage(), e);
        }
        return List.copyOf(found);
    }

    /** The extension's class and the jar or folder it came from. */
    static String describe(Hasher h) {
        return h.getClass().getName() + " (" + origin(h) + ")";
    }

    /** The jar or folder {@code h}'s class was loaded from, or "unknown origin". */
    static String origin(Hasher h) {
        CodeSource source = h.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "unknown origin" : location.getPath();
    }
}
