package org.hmaplab.harness.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether hardware performance counters work here, checked once with
 * {@code perf stat -e instructions true} (JMH's perfnorm fails with "No supported events" on
 * these VMs). {@link #status()} is {@code available}, {@code unavailable: <reason>} or
 * {@code not installed}.
 */
final class PerfCheck {
    private PerfCheck() {
    }

    private static final long TIMEOUT_SECONDS = 10;

    /** Whether a {@code perf} executable is on the PATH. */
    static boolean perfInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "perf"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the check. */
    static String status() {
        if (!perfInstalled()) {
            return "not installed";
        }
        try {
            Process p = new ProcessBuilder("perf", "stat", "-e", "instructions", "true").redirectErrorStream(true)
                .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unavailable: perf stat did not finish in " + TIMEOUT_SECONDS + " s";
            }
            String lower = out.toLowerCase(java.util.Locale.ROOT);
            if (p.exitValue() != 0 || lower.contains("not supported") || lower.contains("<not counted>")) {
                String reason = out.lines().map(String::trim).filter(l -> l.toLowerCase(java.util.Locale.ROOT)
                    .contains("not supported") || l.contains("<not counted>")).findFirst()
                    .orElse(out.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst()
                        .orElse("exit " + p.exitValue()));
                return "unavailable: " + reason.replaceAll("\\s+", " ");
            }
            return "available";
        } catch (IOException e) {
            return "unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable: interrupted";
        }
    }
}
