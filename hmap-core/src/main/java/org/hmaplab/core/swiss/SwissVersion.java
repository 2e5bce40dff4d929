package org.hmaplab.core.swiss;

/**
 * The Go release whose observable map behaviour a Swiss map reproduces. Go changed three rules
 * after 1.24; each constant lists what differs (docs/go-swiss-map.md, section "Versions").
 */
public enum SwissVersion {
    /**
     * Go 1.24: no tombstone pruning (a table with growthLeft 0 always doubles or splits), Clear of
     * a map whose used count is 0 does nothing even when tables hold tombstones, and an assignment
     * while the small map holds 8 entries turns it into a table even when the key is already there.
     */
    GO1_24,
    /**
     * Go 1.25 and 1.26 (identical here): tombstones are pruned before growing when they are at
     * least 10 % of the table and at least 10 % of it can be freed; Clear of a map holding only
     * tombstones erases them (and re-draws the seed).
     */
    GO1_26,
    /** Go 1.27: as 1.26, and a small map becomes a table only when a 9th distinct key arrives. */
    GO1_27;

    /** The newest version, the default of every constructor that takes none. */
    public static final SwissVersion NEWEST = GO1_27;

    /** Whether pruneTombstones runs before a table grows (1.25 and later). */
    boolean prunesTombstones() {
        return this != GO1_24;
    }

    /** Whether the small map stays small on an update while it holds 8 entries (1.27). */
    boolean growsSmallOnlyForNewKey() {
        return this == GO1_27;
    }
}
