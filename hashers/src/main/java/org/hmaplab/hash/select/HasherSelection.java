package org.hmaplab.hash.select;

import java.util.List;
import org.hmaplab.hash.cpu.CpuFeatures;

/**
 * Chooses the hasher an experiment runs with when it does not name one, and says why.
 *
 * <p>This package knows hashers by name only: the caller passes the registry's names where an
 * explicit name has to be checked, so selection does not depend on the registry
 * ({@code org.hmaplab.hash.Hashers}, which depends on selection for its default hasher).
 *
 * <p>{@link #defaultSelection(List)} reads two system properties once per process:
 * {@value #HASHER_PROPERTY} (a hasher name; wins over everything) and {@value #POLICY_PROPERTY}
 * (a policy name, default {@value #DEFAULT_POLICY}), and applies them to
 * {@link CpuFeatures#detect()}. The result is memoized: every run of a process reports the same
 * selection.
 */
public final class HasherSelection {

    /** System property naming a hasher that overrides every policy. */
    public static final String HASHER_PROPERTY = "hmap.hasher";
    /** System property naming the policy of the default selection. */
    public static final String POLICY_PROPERTY = "hmap.policy";
    /** The policy used when {@value #POLICY_PROPERTY} is not set. */
    public static final String DEFAULT_POLICY = "card";

    private static volatile Selection memo;

    private HasherSelection() {
    }

    /** Applies the policy called {@code policy} to {@code features}. */
    public static Selection select(CpuFeatures features, String policy) {
        return SelectionPolicy.byName(policy).choose(features);
    }

    /**
     * As {@link #select(CpuFeatures, String)}, but a non-null {@code overrideName} wins: the
     * result names that hasher and says it was overridden by {@code --hasher}. The policy name is
     * still checked, so a typo in it is reported even when overridden.
     *
     * @param validNames the registered hasher names an override must be one of
     */
    public static Selection select(CpuFeatures features, String policy, String overrideName,
                                   List<String> validNames) {
        return select(features, policy, overrideName, validNames, "--hasher");
    }

    private static Selection select(CpuFeatures features, String policy, String overrideName,
                                    List<String> valid, String by) {
        Selection byPolicy = select(features, policy);
        if (overrideName == null) {
            return byPolicy;
        }
        if (!valid.contains(overrideName)) {
            throw new IllegalArgumentException("unknown hasher '" + overrideName + "' (given by " + by
                + "); valid: " + String.join(", ", valid));
        }
        return new Selection(overrideName, byPolicy.policy(), "overridden by " + by + " -> " + overrideName
            + " (the " + byPolicy.policy() + " policy would pick " + byPolicy.hasherName() + ")", true);
    }

    /**
     * The process-wide selection: {@value #HASHER_PROPERTY} if set, else the policy
     * {@value #POLICY_PROPERTY} (default {@value #DEFAULT_POLICY}) over the detected features.
     * Computed once; a bad property value throws IllegalArgumentException on every call.
     *
     * @param validNames the registered hasher names {@value #HASHER_PROPERTY} must be one of
     */
    public static Selection defaultSelection(List<String> validNames) {
        Selection s = memo;
        if (s == null) {
            synchronized (HasherSelection.class) {
                s = memo;
                if (s == null) {
                    s = select(CpuFeatures.detect(), System.getProperty(POLICY_PROPERTY, DEFAULT_POLICY),
                        System.getProperty(HASHER_PROPERTY), validNames, "system property " + HASHER_PROPERTY);
                    memo = s;
                }
            }
        }
        return s;
    }
}
