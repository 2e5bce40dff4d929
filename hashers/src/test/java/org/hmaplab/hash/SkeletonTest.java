package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SkeletonTest {
    @Test
    void unknownHasherNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Hashers.byName("no-such-hasher"));
    }
}
