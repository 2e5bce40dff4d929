package org.hmaplab.core;

/** Receives one long key and its long value; the primitive map's forEach takes it. */
@FunctionalInterface
public interface LongLongConsumer {
    void accept(long key, long value);
}
