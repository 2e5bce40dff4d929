package org.hmaplab.core.swiss;

/**
 * Where a table keeps its control words within its one {@code long[]} of 17 longs per group. Both
 * layouts hold the same bytes (136 per group, one array per table) and follow every rule the same
 * way: the same slot, group, probe sequence, tombstone and growth decisions, the same stats. They
 * differ only in which cache lines a probe touches, so the layout is a measured option, never a
 * change of the model's behaviour.
 */
public enum SwissLayout {
    /**
     * Go's group (the layout of {@code map[int64]int64}, abi.SwissMapGroup): each group's control
     * word followed by its 8 key/value pairs, 17 consecutive longs.
     */
    GO_GROUPS(1 + 2 * SwissCtrl.SLOTS, 1 + 2 * SwissCtrl.SLOTS),
    /**
     * Not Go's: the control words of all groups first (8 bytes per group, 8 groups to a cache line),
     * then the groups' key/value pairs (16 longs per group). A miss that stops at its first group
     * reads one control word from a region an eighth of the table's size, which stays in cache
     * where Go's interleaved words do not; a hit reads the control word and then the key's line.
     */
    CONTROL_WORDS_FIRST(1, 2 * SwissCtrl.SLOTS);

    /** The layout every constructor without one uses: Go's. */
    public static final SwissLayout DEFAULT = GO_GROUPS;

    private final int ctrlStride;
    private final int slotStride;

    SwissLayout(int ctrlStride, int slotStride) {
        this.ctrlStride = ctrlStride;
        this.slotStride = slotStride;
    }

    /** Longs from one group's control word to the next group's. */
    int ctrlStride() {
        return ctrlStride;
    }

    /** Longs from one group's key/value pairs to the next group's. */
    int slotStride() {
        return slotStride;
    }

    /**
     * Group 0's slot base in a table of {@code groups} groups: key i of group g is at
     * {@code g * slotStride() + slotStart(groups) + 1 + 2i}.
     */
    int slotStart(int groups) {
        return this == GO_GROUPS ? 0 : groups - 1;
    }
}
