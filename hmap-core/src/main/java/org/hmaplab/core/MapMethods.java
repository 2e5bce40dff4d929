package org.hmaplab.core;

import java.util.Iterator;
import java.util.Map;

/**
 * {@link java.util.Map}'s {@code equals}, {@code hashCode} and {@code toString} as
 * {@link java.util.AbstractMap} defines them, for the maps of this project that implement
 * {@code Map} but cannot extend {@code AbstractMap}, because their one superclass is their state
 * machine ({@link GoMap}, {@code SwissMap}). Each walks the map's entry set, so it sees the map's
 * own (Go) iteration order.
 */
public final class MapMethods {
    private MapMethods() {
    }

    /** Whether {@code o} is a map with the same mappings as {@code self} ({@link Map#equals}). */
    public static boolean equals(Map<?, ?> self, Object o) {
        if (o == self) {
            return true;
        }
        if (!(o instanceof Map<?, ?> other) || other.size() != self.size()) {
            return false;
        }
        try {
            for (Map.Entry<?, ?> e : self.entrySet()) {
                final Object k = e.getKey();
                final Object v = e.getValue();
                if (v == null ? other.get(k) != null || !other.containsKey(k) : !v.equals(other.get(k))) {
                    return false;
                }
            }
        } catch (ClassCastException | NullPointerException unused) {
            return false;
        }
        return true;
    }

    /** The sum of the entries' hash codes ({@link Map#hashCode}). */
    public static int hashCode(Map<?, ?> self) {
        int h = 0;
        for (Map.Entry<?, ?> e : self.entrySet()) {
            h += e.hashCode();
        }
        return h;
    }

    /** {@code {k1=v1, k2=v2}} in iteration order, as AbstractMap writes it. */
    public static String toString(Map<?, ?> self) {
        final Iterator<? extends Map.Entry<?, ?>> it = self.entrySet().iterator();
        final StringBuilder sb = new StringBuilder("{");
        while (it.hasNext()) {
            final Map.Entry<?, ?> e = it.next();
            final Object k = e.getKey();
            final Object v = e.getValue();
            sb.append(k == self ? "(this Map)" : k).append('=').append(v == self ? "(this Map)" : v);
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }
}
