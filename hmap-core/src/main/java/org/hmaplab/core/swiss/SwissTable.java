package org.hmaplab.core.swiss;

import static org.hmaplab.core.swiss.SwissCtrl.SLOTS;

/**
 * One Swiss table (Go's {@code table}, table.go:34-72) as the state machine of
 * {@link AbstractSwissMap} sees it: a power-of-two number of groups, each with one control word
 * (slot i's control byte in bits 8i..8i+7), and Go's counters.
 *
 * <p>Where the control words, keys and values live is the subclass's business:
 * {@code SwissLongLongMap.Table} keeps Go's 136-byte groups in one {@code long[]} (or the control
 * words first), {@code SwissMap.Table} keeps the control words in a {@code long[]} and the
 * references in an {@code Object[]}. The state machine reads and writes only what is declared
 * here; the key and value of a slot it reaches through its map's storage hooks. The hot paths read
 * the subclass's arrays directly.
 */
abstract class SwissTable {
    /** Slots (table.capacity): a power of two from 8 to {@link SwissRules#MAX_TABLE_CAPACITY}. */
    final int capacity;
    /** Groups - 1 (table.groups.lengthMask): the probe sequence is taken modulo groups. */
    final int lengthMask;
    /** Full slots (table.used). */
    int used;
    /** Slots that may still be filled before a rehash (table.growthLeft). */
    int growthLeft;
    /** Hash bits that select this table in the directory (table.localDepth). */
    int localDepth;
    /** First directory index; -1 once the table has been replaced (stale). */
    int index;

    /** An empty table of {@code tableCapacity(requestedCapacity)} slots; the subclass allocates the groups. */
    SwissTable(long requestedCapacity, int index, int localDepth) {
        this.capacity = SwissRules.tableCapacity(requestedCapacity);
        this.lengthMask = capacity / SLOTS - 1;
        this.growthLeft = SwissRules.maxGrowthLeft(capacity);
        this.index = index;
        this.localDepth = localDepth;
    }

    /** The control word of group g. */
    abstract long ctrl(int g);

    /** Replaces the control word of group g. */
    abstract void setCtrl(int g, long word);

    /** table.Clear's storage part: every control byte empty, every key and value dropped. */
    abstract void reset();
}
