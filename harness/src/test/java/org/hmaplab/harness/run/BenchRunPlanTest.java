package org.hmaplab.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.cli.Hbench;
import org.junit.jupiter.api.Test;

/** The run command's validation: bad names and values are refused with what is allowed. */
class BenchRunPlanTest {

    private static String refused(String profile, List<String> impls, List<String> hashers, List<String> sizes,
                                  String shard) {
        return assertThrows(IllegalArgumentException.class,
            () -> BenchRun.plan(profile, null, impls, hashers, sizes, shard)).getMessage();
    }

    @Test
    void anUnknownProfileIsRefusedListingTheValidOnes() {
        String m = refused("fast", null, null, null, "1/1");
        assertTrue(m.contains("'fast'") && m.contains("smoke, quick, nightly, full"), m);
    }

    @Test
    void anUnknownImplementationIsRefusedListingTheValidOnes() {
        String m = refused("quick", List.of("go-swar", "trove"), null, null, "1/1");
        assertTrue(m.contains("'trove'"), m);
        for (String name : MapRegistry.names()) {
            assertTrue(m.contains(name), m);
        }
    }

    @Test
    void anUnknownHasherIsRefusedListingTheValidOnes() {
        String m = refused("quick", null, List.of("md5"), null, "1/1");
        assertTrue(m.contains("'md5'") && m.contains("fnv1a") && m.contains("aes-table"), m);
    }

    @Test
    void badShardsAreRefused() {
        for (String shard : List.of("0/2", "3/2", "1/0", "a/b", "1-2", "1/2/3")) {
            String m = refused("quick", null, null, null, shard);
            assertTrue(m.startsWith("--shard"), shard + ": " + m);
        }
    }

    @Test
    void badSizesAreRefused() {
        for (String size : List.of("0", "-5", "abc", "1e3", "100000000")) {
            String m = refused("quick", null, null, List.of("1024", size), "1/1");
            assertTrue(m.startsWith("--sizes"), size + ": " + m);
        }
    }

    @Test
    void aFilterThatMatchesNothingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BenchRun.plan("smoke", "no-such-operation", null, null, null, "1/1"));
        assertTrue(e.getMessage().startsWith("no cell of profile smoke"), e.getMessage());
    }

    @Test
    void aValidPlanAppliesIncludeAndShard() {
        BenchRun.Plan plan = BenchRun.plan("quick", "^get-", null, null, List.of("2048"), "1/2");
        assertTrue(plan.cells().stream().allMatch(c -> c.operation().startsWith("get-")));
        assertTrue(plan.cells().stream().allMatch(c -> "2048".equals(c.param("size"))));
        assertEquals("1/2", plan.shard());
    }

    @Test
    void theControlWordsFirstLayoutGetsOnlyLongKeyCells() {
        BenchRun.Plan plan = BenchRun.plan("quick", "^get-hit ", List.of("swiss-swar", "swiss-swar-ctrlfirst"), null,
            null, "1/1");
        Set<String> plainKinds = new TreeSet<>();
        Set<String> ctrlFirstKinds = new TreeSet<>();
        for (var c : plan.cells()) {
            ("swiss-swar".equals(c.param("impl")) ? plainKinds : ctrlFirstKinds).add(c.param("keyKind"));
        }
        assertTrue(plainKinds.contains("string-16"), "the quick profile has String-16 get-hit cells: " + plainKinds);
        assertEquals(Set.of("long-random"), ctrlFirstKinds);
    }

    @Test
    void theCommandLineExitsWithTwoOnABadOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Hbench.commandLine().execute("run", "--profile", "smoke", "--shard", "5/4");
        } finally {
            System.setErr(old);
        }
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--shard"), err.toString());
    }
}
