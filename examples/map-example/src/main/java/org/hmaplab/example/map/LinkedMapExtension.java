package org.hmaplab.example.map;

import java.util.LinkedHashMap;
import org.hmaplab.baselines.JavaMaps;
import org.hmaplab.baselines.LongLongMapAdapter;
import org.hmaplab.baselines.MapExtension;
import org.hmaplab.baselines.ObjectObjectMapAdapter;
import org.hmaplab.baselines.StringLongMapAdapter;

/**
 * An example map extension: {@link LinkedHashMap} (chained buckets plus a doubly linked list in
 * insertion order) as implementation {@code example-linked}, for all three key kinds through the
 * testbed's {@link JavaMaps} adapters. It shows the shape of an extension (a {@link MapExtension}
 * with a public no-argument constructor, named in
 * {@code META-INF/services/org.hmaplab.baselines.MapExtension}); a map of primitive keys would
 * write its own adapters instead, so that the benchmark measures the map and not the boxing.
 */
public final class LinkedMapExtension implements MapExtension {

    @Override
    public String name() {
        return "example-linked";
    }

    @Override
    public LongLongMapAdapter longLong(int hint) {
        return JavaMaps.longLong(LinkedHashMap.newLinkedHashMap(hint));
    }

    @Override
    public StringLongMapAdapter stringLong(int hint) {
        return JavaMaps.stringLong(LinkedHashMap.newLinkedHashMap(hint));
    }

    @Override
    public ObjectObjectMapAdapter objectObject(int hint) {
        return JavaMaps.objectObject(LinkedHashMap.newLinkedHashMap(hint));
    }
}
