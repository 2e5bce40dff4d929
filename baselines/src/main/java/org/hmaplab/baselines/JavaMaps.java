package org.hmaplab.baselines;

import java.util.Map;

/**
 * Any {@link java.util.Map} as the adapters the benchmarks drive, boxing keys and values: the
 * shortest way for a {@link MapExtension} whose map is a {@code java.util.Map} (the JDK peer is
 * built the same way). A map with primitive keys deserves adapters of its own, written as
 * {@code FastutilAdapters} are, so that the benchmark measures the map and not the boxing.
 */
public final class JavaMaps {

    private JavaMaps() {
    }

    /** {@code map} as a long -&gt; long adapter; absent keys read as {@link MapRegistry#MISSING}. */
    public static LongLongMapAdapter longLong(Map<Long, Long> map) {
        return new JdkAdapters.LongLong(map);
    }

    /** {@code map} as a String -&gt; long adapter; absent keys read as {@link MapRegistry#MISSING}. */
    public static StringLongMapAdapter stringLong(Map<String, Long> map) {
        return new JdkAdapters.StringLong(map);
    }

    /** {@code map} as an Object -&gt; Object adapter (composite keys). */
    public static ObjectObjectMapAdapter objectObject(Map<Object, Object> map) {
        return new JavaMapAdapter(map);
    }
}
