package org.hmaplab.baselines;

import java.util.Objects;

/**
 * The composite key of the object-key benchmarks: a record of a name, an age and an id, as a
 * typical domain key. Equality and hash code are the record's own (all three components), so
 * every map sees the same {@code hashCode()}.
 *
 * @param name a short name
 * @param age  an age in years
 * @param id   an identifier
 */
public record CompositeKey(String name, int age, long id) {
    public CompositeKey {
        Objects.requireNonNull(name, "name");
    }
}
