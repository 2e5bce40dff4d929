package org.hmaplab.harness.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child process for {@link RunArchiveInterruptTest}: begins a run under the folder given as
 * argument, writes a file into it, prints the temporary folder and waits to be killed.
 */
public final class InterruptProbe {
    private InterruptProbe() {
    }

    public static void main(String[] args) throws Exception {
        RunArchive a = RunArchive.begin(Path.of(args[0]), RunMetadata.of(Map.of("run_id", "probe-run")));
        Files.writeString(a.file("partial.csv"), "half a result\n");
        System.out.println(a.dir());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
