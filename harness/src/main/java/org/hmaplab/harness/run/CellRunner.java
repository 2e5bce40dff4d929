package org.hmaplab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.LinuxPerfNormProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one {@link Cell}: a JMH cell through JMH's Java API (its own fork(s), the {@code gc}
 * profiler always, {@code perfnorm} when hardware counters work), returning JMH's JSON result
 * array; a probe cell as a child JVM with the same JVM options, returning its {@code RESULT}
 * lines. Every fork and probe JVM pre-touches a fixed heap ({@code -Xms} = {@code -Xmx},
 * {@code -XX:+AlwaysPreTouch}): first writes to fresh pages are very slow on these VMs.
 * JMH's and the probes' console output is appended to the archive's {@code jmh.log}.
 */
final class CellRunner {

    /** Where the build writes the project's JVM options (the parent pom's {@code hmap.jvm.options}). */
    static final String JVM_OPTIONS_RESOURCE = "/hmap-jvm.options";

    /** JVM options of every JVM of the project, as the build wrote them from {@code hmap.jvm.options}. */
    static final List<String> PROJECT_JVM_OPTIONS = projectJvmOptions();

    private static List<String> projectJvmOptions() {
        try (java.io.InputStream in = CellRunner.class.getResourceAsStream(JVM_OPTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build's " + JVM_OPTIONS_RESOURCE
                    + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty() || text.contains("${")) {
                throw new IllegalStateException(JVM_OPTIONS_RESOURCE + " was not filled in by the build: '" + text
                    + "'");
            }
            return List.of(text.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** System properties of this JVM passed on to forks (hasher selection, AES backend, FAST64 vector compare). */
    private static final List<String> FORWARDED_PROPERTIES = List.of("hmap.hasher", "hmap.policy", "hmap.aes.backend",
        "hmap.vectorLookup");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Profile profile;
    private final Path workDir;
    private final Path log;
    private final boolean perfnorm;

    CellRunner(Profile profile, Path workDir, Path log, boolean perfnorm) {
        this.profile = profile;
        this.workDir = workDir;
        this.log = log;
        this.perfnorm = perfnorm;
    }

    /** The JVM arguments of every fork and probe of {@code profile}. */
    static List<String> forkJvmArgs(Profile profile) {
        List<String> args = new ArrayList<>(PROJECT_JVM_OPTIONS);
        args.add("-Xms" + profile.heap());
        args.add("-Xmx" + profile.heap());
        args.add("-XX:+AlwaysPreTouch");
        for (String p : FORWARDED_PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                args.add("-D" + p + "=" + v);
            }
        }
        return args;
    }

    /** Runs a JMH cell; returns JMH's result array (one element per result). */
    JsonNode runJmh(Cell cell) {
        Path json = workDir.resolve("cell.json");
        Path out = workDir.resolve("cell.log");
        ChainedOptionsBuilder b = new OptionsBuilder()
            .include("^" + Pattern.quote(cell.target()) + "$")
            .warmupIterations(profile.warmupIterations())
            .warmupTime(TimeValue.milliseconds(profile.warmupMillis()))
            .measurementIterations(profile.measurementIterations())
            .measurementTime(TimeValue.milliseconds(profile.measurementMillis()))
            .forks(profile.forks())
            .jvmArgs(forkJvmArgs(profile).toArray(String[]::new))
            .addProfiler(GCProfiler.class)
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString())
            .output(out.toString())
            .shouldFailOnError(true);
        if (perfnorm) {
            b.addProfiler(LinuxPerfNormProfiler.class);
        }
        for (Map.Entry<String, String> e : cell.params().entrySet()) {
            b.param(e.getKey(), e.getValue());
        }
        if (cell.opsPerInvocation() > 0) {
            b.operationsPerInvocation(cell.opsPerInvocation());
        }
        try {
            runWaitingForTheJmhLock(b, cell);
            JsonNode results = JSON.readTree(json.toFile());
            if (!results.isArray() || results.isEmpty()) {
                throw new IllegalStateException("JMH produced no result for " + cell.id() + "; see " + log);
            }
            return results;
        } catch (RunnerException | RuntimeException e) {
            throw new IllegalStateException("JMH failed on cell '" + cell.id() + "': " + e.getMessage()
                + lastLines(out), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH's result " + json + ": " + e.getMessage(), e);
        } finally {
            appendLog(cell, out);
            deleteQuietly(json);
            deleteQuietly(out);
        }
    }

    /** What JMH says when another JMH run on this machine holds its lock file. */
    static final String JMH_LOCK_MESSAGE = "Another JMH instance might be running";
    /** How long to wait for another benchmark run to finish before giving up. */
    static final long LOCK_WAIT_MILLIS = 30 * 60 * 1000L;
    private static final long LOCK_POLL_MILLIS = 5000;

    /**
     * Runs JMH; while another JMH run on this machine holds JMH's lock (two benchmark runs at once
     * would spoil both), waits and retries, saying so once, for up to {@link #LOCK_WAIT_MILLIS}.
     */
    private static void runWaitingForTheJmhLock(ChainedOptionsBuilder b, Cell cell) throws RunnerException {
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
        boolean told = false;
        while (true) {
            try {
                new Runner(b.build()).run();
                return;
            } catch (RunnerException e) {
                if (e.getMessage() == null || !e.getMessage().contains(JMH_LOCK_MESSAGE)
                    || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                if (!told) {
                    System.err.println("hbench run: another JMH run holds JMH's lock (" + System.getProperty(
                        "java.io.tmpdir") + "/jmh.lock); waiting for it to finish before " + cell.id());
                    told = true;
                }
                try {
                    Thread.sleep(LOCK_POLL_MILLIS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The collectors a latency cell may ask for with its {@code gc} parameter, and their JVM options. */
    static final Map<String, String> GC_OPTIONS = Map.of("g1", "-XX:+UseG1GC", "zgc", "-XX:+UseZGC",
        "parallel", "-XX:+UseParallelGC", "serial", "-XX:+UseSerialGC");

    static String gcOption(String gc) {
        String option = GC_OPTIONS.get(gc);
        if (option == null) {
            throw new IllegalArgumentException("unknown gc '" + gc + "'; valid: "
                + String.join(", ", new TreeSet<>(GC_OPTIONS.keySet())));
        }
        return option;
    }

    /** Runs a probe cell in a child JVM (with the cell's collector, if it names one); returns its result lines. */
    List<String> runProbe(Cell cell, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(forkJvmArgs(profile));
        if (cell.param("gc") != null) {
            cmd.add(gcOption(cell.param("gc")));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(cell.target());
        cmd.addAll(args);
        Path out = workDir.resolve("probe.log");
        List<String> results = new ArrayList<>();
        try {
            Process p = new ProcessBuilder(cmd).redirectError(out.toFile()).start();
            try (BufferedReader r = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(InsertLatencyProbe.RESULT_PREFIX)) {
                        results.add(line.substring(InsertLatencyProbe.RESULT_PREFIX.length()));
                    }
                }
            }
            int exit = p.waitFor();
            if (exit != 0 || results.isEmpty()) {
                throw new IllegalStateException("probe '" + cell.id() + "' failed (exit " + exit + ")"
                    + lastLines(out));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the probe JVM for " + cell.id() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cell.id(), e);
        } finally {
            appendLog(cell, out);
            deleteQuietly(out);
        }
    }

    private void appendLog(Cell cell, Path out) {
        try {
            Files.writeString(log, "==== " + cell.id() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
            if (Files.exists(out)) {
                Files.write(log, Files.readAllBytes(out), StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            System.err.println("hbench: cannot append to " + log + ": " + e.getMessage());
        }
    }

    /** A line that starts a Java stack trace: the exception's class name, then its message. */
    private static final Pattern EXCEPTION_LINE =
        Pattern.compile("^(?:Caused by: )?[a-z][\\w$]*(?:\\.[\\w$]+)+(?:Exception|Error)(?::.*)?$");

    /**
     * The end of a cell's output for an error message, led by the first exception line it holds
     * (JMH prints the benchmark's exception far above its last lines, which only say that the
     * benchmark failed).
     */
    static String lastLines(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String cause = lines.stream().map(String::strip).filter(l -> EXCEPTION_LINE.matcher(l).matches())
                .findFirst().map(l -> "\n--- the exception it reports ---\n" + l).orElse("");
            return cause + "\n--- last lines of its output ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover scratch file inside the temporary run folder is removed with the folder
        }
    }
}
