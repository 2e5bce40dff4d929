package org.hmaplab.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata entries that make two runs' numbers comparable. Runs that differ in any of
 * {@link #MACHINE_KEYS} ran on a different machine or JVM set-up; {@link #CODE_KEYS} say which
 * code ran.
 */
public final class Environment {

    /** JDK, OS, CPU and JVM flags: numbers from runs that differ here are not comparable. */
    public static final List<String> MACHINE_KEYS =
        List.of("jdk_vendor", "jdk_version", "os_name", "os_arch", "cpu_model", "cores", "jvm_args");

    /** The code that ran. */
    public static final List<String> CODE_KEYS = List.of("git_commit", "git_dirty");

    private Environment() {
    }

    /**
     * For each key among {@code keys} on which the runs do not all agree, the values per run label,
     * in key order.
     */
    public static Map<String, Map<String, String>> differences(List<RunResults> runs, List<String> keys) {
        final Map<String, Map<String, String>> diff = new LinkedHashMap<>();
        for (String k : keys) {
            final Map<String, String> values = new LinkedHashMap<>();
            for (RunResults r : runs) {
                values.put(r.label(), r.meta(k));
            }
            if (values.values().stream().distinct().count() > 1) {
                diff.put(k, values);
            }
        }
        return diff;
    }

    /** True when the two runs agree on every machine key and on the profile. */
    public static boolean sameMachine(Map<String, String> a, Map<String, String> b) {
        final List<String> keys = new ArrayList<>(MACHINE_KEYS);
        keys.add("profile");
        for (String k : keys) {
            if (!a.getOrDefault(k, "").equals(b.getOrDefault(k, ""))) {
                return false;
            }
        }
        return true;
    }
}
