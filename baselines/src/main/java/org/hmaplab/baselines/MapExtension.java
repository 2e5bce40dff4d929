package org.hmaplab.baselines;

/**
 * A map implementation from another jar, for researchers who want their own map in the matrix
 * without forking the project: a class implementing this interface with a public no-argument
 * constructor, named in the jar's {@code META-INF/services/org.hmaplab.baselines.MapExtension},
 * found by {@link MapRegistry} with {@link java.util.ServiceLoader} when the jar is on the class
 * path ({@code ./hbench --classpath my.jar run --impl my-map ...}; the guide is
 * {@code docs/extending.md}, the example {@code examples/map-example}).
 *
 * <p>An extension is run like a peer: it hashes its keys itself (the cell's hasher is
 * {@value MapRegistry#NO_HASHER}) and it supplies all three key kinds, so that every workload of a
 * profile can run it. Its adapters keep the contract of {@code AdapterContractTest}, which runs
 * over every registered implementation, extensions included.
 */
public interface MapExtension {

    /**
     * The implementation's name in every CSV and on the command line: lower-case letters, digits,
     * '.', '_' or '-'; not one the registry already has, not ending in {@value MapRegistry#AA_SUFFIX}
     * and not starting with {@value MapRegistry#GO_PREFIX}, {@value MapRegistry#SWISS_PREFIX} or
     * {@code native-}.
     */
    String name();

    /** A new, empty long -&gt; long map for about {@code hint} entries (0: no hint). */
    LongLongMapAdapter longLong(int hint);

    /** A new, empty String -&gt; long map for about {@code hint} entries (0: no hint). */
    StringLongMapAdapter stringLong(int hint);

    /** A new, empty Object -&gt; Object map (composite keys) for about {@code hint} entries (0: no hint). */
    ObjectObjectMapAdapter objectObject(int hint);
}
