package org.hmaplab.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks Go's iteration guarantees while a loop modifies the map (GO-MAP-SPEC.md §11.8, from the
 * Go language spec "For statements"): no entry twice; an entry deleted before it is reached is
 * never returned; every entry present for the whole loop is returned exactly once; the value
 * returned is the current one. Keys inserted during the loop are fresh keys (never deleted in it),
 * so "may or may not be returned" is the only freedom.
 */
final class IterationChecker {
    private final GoLongLongMap map;
    private final Map<Long, Long> model;
    private final Set<Long> atStart;
    private final Set<Long> deleted = new HashSet<>();
    private final Set<Long> inserted = new HashSet<>();
    private final Set<Long> returned = new HashSet<>();
    private final GoLongLongMap.Iterator it;

    IterationChecker(GoLongLongMap map, Map<Long, Long> model) {
        this.map = map;
        this.model = model;
        this.atStart = new HashSet<>(model.keySet());
        this.it = map.iterator();
    }

    /** Advances once; false at the end. Throws AssertionError on a broken guarantee. */
    boolean step() {
        if (!it.next()) {
            return false;
        }
        long k = it.key();
        if (!returned.add(k)) {
            throw new AssertionError("key " + k + " returned twice");
        }
        if (deleted.contains(k)) {
            throw new AssertionError("key " + k + " was deleted before it was reached but was returned");
        }
        if (!atStart.contains(k) && !inserted.contains(k)) {
            throw new AssertionError("key " + k + " was never in the map");
        }
        Long current = model.get(k);
        if (current == null || current != it.value()) {
            throw new AssertionError("key " + k + " returned with value " + it.value() + ", current " + current);
        }
        return true;
    }

    /** Deletes through the map and the model, remembering it. */
    void delete(long key) {
        map.remove(key, -1);
        if (model.remove(key) != null) {
            deleted.add(key);
        }
    }

    /** Puts a key: an update of a present key, or the insert of a fresh key (never deleted in this loop). */
    void put(long key, long value) {
        if (deleted.contains(key)) {
            throw new IllegalArgumentException("re-inserting a key deleted in this loop is not covered");
        }
        if (!model.containsKey(key)) {
            inserted.add(key);
        }
        map.put(key, value, -1);
        model.put(key, value);
    }

    boolean deletedInThisLoop(long key) {
        return deleted.contains(key);
    }

    boolean returned(long key) {
        return returned.contains(key);
    }

    /** After the end: every key present for the whole loop was returned. */
    void finish() {
        for (long k : atStart) {
            if (!deleted.contains(k) && !returned.contains(k)) {
                throw new AssertionError("key " + k + " was present for the whole loop but not returned");
            }
        }
    }

    /** Runs the loop to the end and checks. */
    void drain() {
        while (step()) {
            continue;
        }
        finish();
    }

    static Map<Long, Long> snapshot(GoLongLongMap map) {
        Map<Long, Long> m = new HashMap<>();
        map.forEach(m::put);
        return m;
    }
}
