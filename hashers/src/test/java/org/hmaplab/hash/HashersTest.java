package org.hmaplab.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashersTest {
    @Test
    void namesAreListedInTheirFixedOrder() {
        assertEquals(List.of("fnv1a", "rc6", "aes", "go", "xxh3", "xxh64", "wyhash", "murmur3", "farmhash",
                "city", "metro", "fastutil-mix", "agrona-hash", "jdk-spread", "wymix"), Hashers.names());
    }

    @Test
    void namesListIsImmutableAndTheSameEveryCall() {
        assertSame(Hashers.names(), Hashers.names());
        assertThrows(UnsupportedOperationException.class, () -> Hashers.names().add("x"));
    }

    @Test
    void unknownNameIsRejectedWithTheBadNameAndEveryValidName() {
        final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Hashers.byName("no-such-hasher"));
        assertTrue(e.getMessage().contains("'no-such-hasher'"), e.getMessage());
        for (String valid : Hashers.names()) {
            assertTrue(e.getMessage().contains(valid), () -> e.getMessage() + " lacks " + valid);
        }
    }

    @Test
    void byNameIsCaseSensitive() {
        assertThrows(IllegalArgumentException.class, () -> Hashers.byName("FNV1A"));
    }

    @Test
    void byNameReturnsTheSameSingletonEveryTime() {
        for (String name : Hashers.names()) {
            assertSame(Hashers.byName(name), Hashers.byName(name));
        }
    }

    @Test
    void familiesAreNamedForListings() {
        assertEquals("fnv", Hashers.byName("fnv1a").family());
        assertEquals("rc6", Hashers.byName("rc6").family());
        assertEquals("go", Hashers.byName("go").family());
        assertEquals("xxhash", Hashers.byName("xxh3").family());
        assertEquals("xxhash", Hashers.byName("xxh64").family());
        assertEquals("wyhash", Hashers.byName("wyhash").family());
        assertEquals("murmur", Hashers.byName("murmur3").family());
        assertEquals("farmhash", Hashers.byName("farmhash").family());
        assertEquals("cityhash", Hashers.byName("city").family());
        assertEquals("metrohash", Hashers.byName("metro").family());
        assertEquals("fastutil", Hashers.byName("fastutil-mix").family());
        assertEquals("agrona", Hashers.byName("agrona-hash").family());
        assertEquals("jdk", Hashers.byName("jdk-spread").family());
        assertEquals("wyhash", Hashers.byName("wymix").family());
    }

    @Test
    void defaultHasherIsTheOneTheProcessWideSelectionPicks() {
        final org.hmaplab.hash.select.Selection selection = Hashers.defaultSelection();
        assertSame(Hashers.byName(selection.hasherName()), Hashers.defaultHasher(), selection.reason());
    }
}
