package org.hmaplab.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The machine-state readers on fixture texts as the kernel writes them. */
class MachineStateTest {
    private static final String STAT_START = "cpu  330636 0 70336 7800591 1575 0 2064 100 0 0\n"
        + "cpu0 165000 0 35000 3900000 700 0 1000 50 0 0\nintr 1 2 3\n";
    private static final String STAT_END = "cpu  331636 0 70836 7801091 1575 0 2064 600 0 0\n";

    @Test
    void readsTheLoadAveragesThpModeAndCpuCounters() {
        assertEquals(Optional.of("2.39 3.14 2.60"), MachineState.parseLoadAverage("2.39 3.14 2.60 3/152 19352\n"));
        assertEquals(Optional.of("madvise"), MachineState.parseThp("always [madvise] never\n"));
        assertEquals(Optional.empty(), MachineState.parseThp("garbage"));
        long[] t = MachineState.parseCpuTicks(STAT_START).orElseThrow();
        assertEquals(330636, t[0]);
        assertEquals(100, t[MachineState.STEAL]);
    }

    @Test
    void stealAndIdleSharesComeFromTheDifferenceOfTwoSnapshots() {
        MachineState a = new MachineState(Optional.empty(), MachineState.parseCpuTicks(STAT_START), Optional.empty(),
            Optional.empty());
        MachineState b = new MachineState(Optional.empty(), MachineState.parseCpuTicks(STAT_END), Optional.empty(),
            Optional.empty());
        // deltas: user 1000, system 500, idle 500, steal 500: total 2500
        assertEquals(0.2, MachineState.stealShare(a, b).orElseThrow(), 1e-12);
        assertEquals(0.2, MachineState.idleShare(a, b).orElseThrow(), 1e-12);
        Map<String, String> m = MachineState.runMetadata(a, b);
        assertEquals("20.00 %", m.get("machine_steal"));
        assertEquals("unavailable", m.get("machine_start_loadavg"));
    }

    @Test
    void aMachineWithoutTheFilesGivesUnavailableNotAnError() {
        MachineState none = new MachineState(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertTrue(MachineState.stealShare(none, none).isEmpty());
        assertEquals("unavailable", none.metadata("x_").get("x_thp"));
        assertTrue(MachineState.parseCpuTicks("cpu 1 2 three 4 5 6 7 8").isEmpty());
        assertTrue(MachineState.parseLoadAverage("").isEmpty());
    }
}
