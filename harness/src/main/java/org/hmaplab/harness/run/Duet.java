package org.hmaplab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.stats.Ratios;

/**
 * Duet benchmarking (Bulej et al., "Duet benchmarking: improving measurement accuracy in the
 * cloud", ICPE 2020): an implementation and the reference it is compared with run at the same
 * time, one JMH fork each, each process pinned to its own core with {@code taskset}, so that what
 * disturbs the machine during the pair (another tenant, a frequency change, the host's own work)
 * disturbs both. The ratio of a pair's two fork means then carries only the noise the two did not
 * share, and the pairs' ratios give a paired interval ({@link Ratios#paired}).
 *
 * <p>The two sides swap cores every round, so a core that is faster than the other (a noisy
 * neighbour on its hyper-thread, an interrupt affinity) weighs on both sides alike; the rounds are
 * therefore even. Each side is a separate {@code java org.openjdk.jmh.Main} process with the
 * profile's timings and fork JVM options, one fork; JMH's lock file, which keeps two JMH runs from
 * disturbing each other, is what duet mode wants to bypass ({@code -Djmh.ignoreLock=true}).
 */
public final class Duet {
    /** The default number of rounds: each pair twice on each core arrangement. */
    public static final int DEFAULT_ROUNDS = 4;
    /** The heap of the JMH host processes (the forks get the profile's heap). */
    static final String HOST_HEAP = "-Xmx256m";
    /** The longest a pair of processes may take before the duet gives up. */
    static final long PAIR_TIMEOUT_MINUTES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Duet() {
    }

    /** An implementation's cell and the reference's cell of the same workload. */
    public record Pair(Cell impl, Cell reference) {
        /** The workload and the implementation, e.g. {@code get-hit impl=go-fast64 hasher=aes ...}. */
        public String id() {
            return impl.id();
        }
    }

    /**
     * One round of a pair: the fork mean of each side and the core each ran on.
     *
     * @param round         0-based
     * @param implCore      the implementation's core
     * @param referenceCore the reference's core
     * @param implMean      the implementation's fork mean (the profile's unit, ns/op)
     * @param referenceMean the reference's fork mean
     */
    public record Round(int round, int implCore, int referenceCore, double implMean, double referenceMean) {
    }

    /**
     * The pairs of {@code cells}: every cell of an implementation other than {@code reference} (A/A
     * controls left out) with the reference's cell of the same workload; cells without one are left out.
     */
    public static List<Pair> pairs(List<Cell> cells, String reference) {
        Map<String, Cell> refs = new TreeMap<>();
        for (Cell c : cells) {
            if (reference.equals(c.param("impl")) && c.kind() == Cell.Kind.JMH) {
                refs.put(workload(c), c);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (Cell c : cells) {
            String impl = c.param("impl");
            if (c.kind() != Cell.Kind.JMH || impl == null || reference.equals(impl) || MapRegistry.isAaControl(impl)) {
                continue;
            }
            Cell ref = refs.get(workload(c));
            if (ref != null) {
                out.add(new Pair(c, ref));
            }
        }
        return out;
    }

    /**
     * The pairs of a profile's cells, filtered as {@code hbench run} filters them (the same options,
     * the same errors), with {@code reference} added to the implementations.
     */
    public static List<Pair> plan(String profile, String include, List<String> impls, List<String> hashers,
                                  String reference) {
        List<String> all = new ArrayList<>(impls);
        if (!all.contains(reference)) {
            all.add(reference);
        }
        List<Pair> pairs = pairs(BenchRun.plan(profile, include, all, hashers, null, "1/1").cells(), reference);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no cell of profile " + profile + " has both " + impls + " and the "
                + "reference " + reference + "; check --impl, --include and --reference");
        }
        return pairs;
    }

    /** A cell's workload: its benchmark and parameters without the implementation and hasher. */
    static String workload(Cell c) {
        Map<String, String> p = new TreeMap<>(c.params());
        p.remove("impl");
        p.remove("hasher");
        return c.target() + "|" + p;
    }

    /**
     * The command that runs one fork of {@code cell} pinned to {@code core}: {@code taskset -c core
     * java ... org.openjdk.jmh.Main} with the profile's timings, writing JMH's JSON to {@code json}
     * and its output to {@code log}.
     */
    static List<String> command(Cell cell, Profile profile, int core, Path json, Path log) {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", Integer.toString(core),
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), HOST_HEAP,
            "-Djmh.ignoreLock=true", "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main",
            "^" + Pattern.quote(cell.target()) + "$",
            "-wi", Integer.toString(profile.warmupIterations()), "-w", profile.warmupMillis() + "ms",
            "-i", Integer.toString(profile.measurementIterations()), "-r", profile.measurementMillis() + "ms",
            "-f", "1", "-jvmArgs", String.join(" ", CellRunner.forkJvmArgs(profile)),
            "-rf", "json", "-rff", json.toString(), "-o", log.toString()));
        for (Map.Entry<String, String> e : cell.params().entrySet()) {
            cmd.add("-p");
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        if (cell.opsPerInvocation() > 0) {
            cmd.add("-opi");
            cmd.add(Integer.toString(cell.opsPerInvocation()));
        }
        return cmd;
    }

    /** Which core the implementation runs on in {@code round}: the sides swap every round. */
    static int implCore(int round, int[] cores) {
        return cores[round % 2];
    }

    /**
     * Runs every pair {@code rounds} times, the two sides at once on {@code cores[0]} and
     * {@code cores[1]}, swapping each round; JMH's output of every fork is appended to {@code jmhLog}.
     *
     * @return each pair's rounds, in the order of {@code pairs}
     */
    public static Map<Pair, List<Round>> run(List<Pair> pairs, Profile profile, int rounds, int[] cores, Path work,
                                             Path jmhLog, PrintWriter progress) {
        Map<Pair, List<Round>> out = new LinkedHashMap<>();
        int step = 0;
        for (int r = 0; r < rounds; r++) {
            for (Pair p : pairs) {
                step++;
                int ci = implCore(r, cores);
                int cr = ci == cores[0] ? cores[1] : cores[0];
                progress.printf("[%d/%d] round %d/%d %s against %s (cores %d and %d)%n", step, rounds * pairs.size(),
                    r + 1, rounds, p.id(), p.reference().param("impl"), ci, cr);
                progress.flush();
                double[] means = runPair(p, profile, ci, cr, work, jmhLog);
                out.computeIfAbsent(p, k -> new ArrayList<>()).add(new Round(r, ci, cr, means[0], means[1]));
            }
        }
        return out;
    }

    private static double[] runPair(Pair p, Profile profile, int implCore, int refCore, Path work, Path jmhLog) {
        Path ja = work.resolve("impl.json");
        Path jb = work.resolve("reference.json");
        Path la = work.resolve("impl.log");
        Path lb = work.resolve("reference.log");
        try {
            Process a = new ProcessBuilder(command(p.impl(), profile, implCore, ja, la))
                .redirectErrorStream(true).redirectOutput(work.resolve("impl.out").toFile()).start();
            Process b = new ProcessBuilder(command(p.reference(), profile, refCore, jb, lb))
                .redirectErrorStream(true).redirectOutput(work.resolve("reference.out").toFile()).start();
            int ea = waitFor(a);
            int eb = waitFor(b);
            appendLog(jmhLog, p.impl().id() + " on core " + implCore, la);
            appendLog(jmhLog, p.reference().id() + " on core " + refCore, lb);
            if (ea != 0 || eb != 0) {
                throw new IllegalStateException("a duet fork failed (exit " + ea + " and " + eb + ") on " + p.id()
                    + "; see " + jmhLog);
            }
            return new double[] {forkMean(ja), forkMean(jb)};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the duet of " + p.id() + ": " + e.getMessage(), e);
        }
    }

    private static int waitFor(Process p) {
        try {
            if (!p.waitFor(PAIR_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("a duet fork took more than " + PAIR_TIMEOUT_MINUTES + " minutes");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The mean of the timed iterations of the single fork in a JMH result file. */
    static double forkMean(Path json) throws IOException {
        JsonNode results = JSON.readTree(json.toFile());
        JsonNode raw = results.path(0).path("primaryMetric").path("rawData");
        if (raw.size() != 1 || raw.get(0).size() == 0) {
            throw new IllegalStateException(json + ": expected one fork's timed iterations, got " + raw);
        }
        double s = 0;
        for (JsonNode v : raw.get(0)) {
            s += v.asDouble();
        }
        return s / raw.get(0).size();
    }

    private static void appendLog(Path jmhLog, String title, Path log) throws IOException {
        String text = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)\n";
        Files.writeString(jmhLog, "=== " + title + " ===\n" + text, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
