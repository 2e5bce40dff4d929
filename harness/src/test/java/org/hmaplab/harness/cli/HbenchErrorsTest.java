package org.hmaplab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hmaplab.hash.Hashers;
import org.hmaplab.hash.select.SelectionPolicy;
import org.junit.jupiter.api.Test;

/** Usage errors: one line on stderr naming what was wrong and what is allowed, exit status 2. */
class HbenchErrorsTest {

    @Test
    void unknownHasherExitsTwoAndListsTheValidNames() {
        CliRun r = CliRun.of("hash", "--hasher", "no-such-hasher", "foobar");
        assertEquals(2, r.exit());
        String line = r.errorLine();
        assertTrue(line.startsWith("hbench hash: unknown hasher 'no-such-hasher' for --hasher; valid: "), line);
        for (String name : Hashers.names()) {
            assertTrue(line.contains(name), name + " missing from: " + line);
        }
        assertEquals("", r.out());
    }

    @Test
    void malformedHexExitsTwoSayingWhatIsAllowed() {
        CliRun odd = CliRun.of("hash", "--hasher", "fnv1a", "--hex", "abc");
        assertEquals(2, odd.exit());
        assertTrue(odd.errorLine().contains("'abc' is not hex bytes: odd number of digits (3)"), odd.err());
        CliRun bad = CliRun.of("hash", "--hasher", "fnv1a", "--hex", "zz");
        assertEquals(2, bad.exit());
        assertTrue(bad.errorLine().contains("only the digits 0-9 and a-f are allowed"), bad.err());
    }

    @Test
    void missingInputExitsTwoListingTheThreeForms() {
        CliRun r = CliRun.of("hash", "--hasher", "fnv1a");
        assertEquals(2, r.exit());
        assertEquals("hbench hash: Missing required argument (specify one of these): (TEXT | --hex=HEX | --long=N)",
            r.errorLine());
    }

    @Test
    void twoInputFormsExitTwo() {
        CliRun r = CliRun.of("hash", "--hasher", "fnv1a", "--long", "1", "--hex", "00");
        assertEquals(2, r.exit());
        assertTrue(r.errorLine().contains("mutually exclusive"), r.err());
    }

    @Test
    void anExtraArgumentExitsTwo() {
        CliRun r = CliRun.of("hash", "--hasher", "fnv1a", "foo", "bar");
        assertEquals(2, r.exit());
        assertEquals("hbench hash: Unmatched argument at index 4: 'bar'; see 'hbench hash --help'", r.errorLine());
    }

    @Test
    void badSeedsExitTwo() {
        CliRun word = CliRun.of("hash", "--hasher", "fnv1a", "--seed", "ten", "x");
        assertEquals(2, word.exit());
        assertTrue(word.errorLine().startsWith("hbench hash: Invalid value for option '--seed': 'ten' is not a number"),
            word.err());
        CliRun tooLong = CliRun.of("hash", "--hasher", "fnv1a", "--seed", "0x10000000000000000", "x");
        assertEquals(2, tooLong.exit());
        assertTrue(tooLong.errorLine().contains("after 0x give 1 to 16 hex digits"), tooLong.err());
        CliRun overflow = CliRun.of("hash", "--hasher", "fnv1a", "--seed", "9223372036854775808", "x");
        assertEquals(2, overflow.exit());
    }

    @Test
    void noSubcommandExitsTwoListingTheSubcommands() {
        CliRun r = CliRun.of();
        assertEquals(2, r.exit());
        assertTrue(r.errorLine().contains("choose one of: hashers, cpu, hash, quality"), r.err());
    }

    @Test
    void unknownHasherInCpuAndQualityExitsTwo() {
        assertEquals(2, CliRun.of("cpu", "--hasher", "nope").exit());
        assertEquals(2, CliRun.of("quality", "--hasher", "nope", "--quick").exit());
    }

    @Test
    void cpuPrintsEveryPolicyWithItsChoiceAndTheDefault() {
        CliRun r = CliRun.of("cpu");
        assertEquals(0, r.exit(), r.err());
        for (String policy : SelectionPolicy.names()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + policy + " ") && l.contains(policy + ": ")),
                policy + " missing:\n" + r.out());
        }
        assertTrue(r.out().contains("default:"), r.out());
        for (String flag : new String[] {"aes", "ssse3", "sse4_1", "avx2", "avx512f", "vaes", "pclmulqdq"}) {
            assertTrue(r.out().contains("  " + flag + " "), flag);
        }
    }

    @Test
    void hashersListsEveryRegisteredName() {
        CliRun r = CliRun.of("hashers");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("NAME"), r.out());
        assertEquals(Hashers.names().size() + 1, r.out().lines().count());
        for (String name : Hashers.names()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), name + " missing:\n" + r.out());
        }
    }
}
