package org.hmaplab.harness.nativego;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hmaplab.harness.bench.Distribution;
import org.hmaplab.harness.bench.KeyKind;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs one native-Go cell: writes the cell's input ({@link NativeInput}), builds the Go program
 * for the cell's toolchain ({@link NativeBenchBuild}), starts it once per fork with the cell's
 * hash ({@code GODEBUG}) and the profile's iterations, and returns a result object shaped like an
 * element of JMH's JSON result array: the same {@code benchmark} name and {@code params} as the
 * Java cell it mirrors, {@code primaryMetric} with the score (mean of every timed iteration of
 * every fork), JMH's 99.9 % error over those iterations ({@link ListStatistics}, as JMH computes
 * it), and {@code rawData} with one row per fork, so everything downstream (results.csv, summaries,
 * reports, JMH Visualizer) reads it like any JMH result. The field {@code nativeGo} records the Go
 * version, the toolchain's root, {@code GOEXPERIMENT}, {@code GODEBUG}, {@code GOGC} and the garbage
 * collections per fork; {@code secondaryMetrics} carries {@code go.gc.count} per iteration.
 */
public final class NativeGoRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JMH benchmark methods the native cells mirror, by the Go program's operation name. */
    static final Map<String, String> OPERATIONS = Map.of(
        "org.hmaplab.harness.bench.GetBench.get", "get",
        "org.hmaplab.harness.bench.UpdateBench.update", "update",
        "org.hmaplab.harness.bench.UpdateBench.mixed", "mixed-90-10",
        "org.hmaplab.harness.bench.PutBench.growth", "put-growth",
        "org.hmaplab.harness.bench.PutBench.presized", "put-presized",
        "org.hmaplab.harness.bench.ChurnBench.churn", "churn",
        "org.hmaplab.harness.bench.IterateBench.forEach", "iterate");

    /** The profile's measurement settings, as JMH gets them. */
    public record Timings(int warmupIterations, long warmupMillis, int measurementIterations, long measurementMillis,
                          int forks) {
    }

    private final GoToolchains toolchains;
    private final NativeBenchBuild build;
    private final Path inputDir;
    private final Timings timings;
    private final Path log;

    /**
     * @param inputDir where cell inputs are written (and reused within the run)
     * @param log      the file the programs' standard error and a line per fork are appended to, or null
     */
    public NativeGoRunner(GoToolchains toolchains, NativeBenchBuild build, Path inputDir, Timings timings, Path log) {
        this.toolchains = toolchains;
        this.build = build;
        this.inputDir = inputDir;
        this.timings = timings;
        this.log = log;
    }

    /** Whether a JMH benchmark method has a native counterpart. */
    public static boolean mirrors(String benchmark) {
        return OPERATIONS.containsKey(benchmark);
    }

    /** Runs the cell and returns its JMH-shaped result. */
    public ObjectNode run(String benchmark, Map<String, String> params) {
        String op = OPERATIONS.get(benchmark);
        if (op == null) {
            throw new IllegalArgumentException("no native-Go counterpart of " + benchmark);
        }
        NativeGoImpl impl = NativeGoImpl.of(params.get("impl")).orElseThrow(() -> new IllegalArgumentException(
            "unknown native implementation '" + params.get("impl") + "'; valid: " + String.join(", ",
                NativeGoImpl.labels())));
        NativeHash hash = NativeHash.of(params.get("hasher")).orElseThrow(() -> new IllegalArgumentException(
            "unknown native hash '" + params.get("hasher") + "'; valid: " + String.join(", ", NativeHash.labels())));
        GoToolchain toolchain = toolchains.find(impl.goVersion()).orElseThrow(() -> new IllegalStateException(
            "no Go " + impl.goVersion() + " toolchain found for " + impl.label() + "; install it with "
                + GoToolchains.INSTALL_COMMAND));
        KeyKind kind = KeyKind.of(params.get("keyKind"));
        int size = Integer.parseInt(params.get("size"));
        Distribution distribution = Distribution.of(params.getOrDefault("distribution", "uniform"));
        int hit = Integer.parseInt(params.getOrDefault("hitRatio", "100"));
        Path input = NativeInput.write(inputDir, kind, size, distribution, op.equals("get") ? hit : 100);
        Path binary = build.binary(toolchain, impl.experiment());

        List<NativeBenchOutput> forks = new ArrayList<>();
        for (int f = 0; f < timings.forks(); f++) {
            forks.add(runFork(binary, input, op, hash, impl, params));
        }
        return result(benchmark, params, impl, hash, toolchain, forks);
    }

    private NativeBenchOutput runFork(Path binary, Path input, String op, NativeHash hash, NativeGoImpl impl,
                                      Map<String, String> params) {
        List<String> cmd = List.of(binary.toString(), "-input", input.toString(), "-op", op,
            "-warmup", Integer.toString(timings.warmupIterations()),
            "-warmup-time", timings.warmupMillis() + "ms",
            "-iterations", Integer.toString(timings.measurementIterations()),
            "-time", timings.measurementMillis() + "ms");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("GODEBUG");
        if (!hash.godebug().isEmpty()) {
            pb.environment().put("GODEBUG", hash.godebug());
        }
        try {
            Path err = Files.createTempFile(inputDir, "fork", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            boolean done = p.waitFor(1, TimeUnit.HOURS);
            String errText = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(err);
            appendLog("native " + impl.label() + " " + params + "\n" + out + errText);
            if (!done || p.exitValue() != 0) {
                throw new IllegalStateException("the native benchmark failed on " + impl.label() + " " + params
                    + " (exit " + (done ? p.exitValue() : "timeout") + "): " + errText.strip());
            }
            NativeBenchOutput o = NativeBenchOutput.parse(out);
            boolean experimentOn = !impl.experiment().isEmpty() && o.goVersion().contains("X:" + impl.experiment());
            if (!new GoToolchain(binary, o.goVersion().split(" ")[0], "").isRelease(impl.goVersion())
                || experimentOn == impl.experiment().isEmpty()) {
                throw new IllegalStateException("the native benchmark for " + impl.label() + " ran on "
                    + o.goVersion());
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the native benchmark " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the native benchmark", e);
        }
    }

    private ObjectNode result(String benchmark, Map<String, String> params, NativeGoImpl impl, NativeHash hash,
                              GoToolchain toolchain, List<NativeBenchOutput> forks) {
        ListStatistics stats = new ListStatistics();
        ArrayNode raw = JSON.createArrayNode();
        ArrayNode gcRaw = JSON.createArrayNode();
        ArrayNode gcsPerFork = JSON.createArrayNode();
        ListStatistics gcStats = new ListStatistics();
        for (NativeBenchOutput o : forks) {
            ArrayNode row = raw.addArray();
            ArrayNode gcRow = gcRaw.addArray();
            long gcs = 0;
            for (NativeBenchOutput.Iteration it : o.measurements()) {
                row.add(it.nsPerOp());
                stats.addValue(it.nsPerOp());
                gcRow.add(it.gcs());
                gcStats.addValue(it.gcs());
                gcs += it.gcs();
            }
            gcsPerFork.add(gcs);
        }
        ObjectNode r = JSON.createObjectNode();
        r.put("jmhVersion", "none (native Go)");
        r.put("benchmark", benchmark);
        r.put("mode", "avgt");
        r.put("threads", 1);
        r.put("forks", forks.size());
        r.put("jvm", toolchain.shownRoot() + "/bin/go");
        r.putArray("jvmArgs");
        r.put("jdkVersion", forks.get(0).goVersion());
        r.put("vmName", "Go runtime");
        r.put("vmVersion", forks.get(0).goVersion());
        r.put("warmupIterations", timings.warmupIterations());
        r.put("warmupTime", timings.warmupMillis() + " ms");
        r.put("warmupBatchSize", 1);
        r.put("measurementIterations", timings.measurementIterations());
        r.put("measurementTime", timings.measurementMillis() + " ms");
        r.put("measurementBatchSize", 1);
        ObjectNode p = r.putObject("params");
        params.forEach(p::put);
        ObjectNode primary = r.putObject("primaryMetric");
        metric(primary, stats, "ns/op", raw);
        ObjectNode secondary = r.putObject("secondaryMetrics");
        metric(secondary.putObject("go.gc.count"), gcStats, "counts", gcRaw);
        ObjectNode go = r.putObject("nativeGo");
        go.put("goVersion", forks.get(0).goVersion());
        go.put("goroot", toolchain.shownRoot());
        go.put("goexperiment", impl.experiment());
        go.put("godebug", hash.godebug());
        go.put("gogc", forks.get(0).gogc());
        go.put("map", impl.swiss() ? "swiss" : "classic");
        go.set("gcsPerFork", gcsPerFork);
        return r;
    }

    private static void metric(ObjectNode m, ListStatistics stats, String unit, ArrayNode raw) {
        m.put("score", stats.getMean());
        double error = stats.getN() > 2 ? stats.getMeanErrorAt(0.999) : Double.NaN;
        if (Double.isNaN(error)) {
            m.put("scoreError", "NaN");
        } else {
            m.put("scoreError", error);
        }
        ArrayNode ci = m.putArray("scoreConfidence");
        double[] interval = stats.getN() > 2 ? stats.getConfidenceIntervalAt(0.999)
            : new double[] {stats.getMean(), stats.getMean()};
        ci.add(interval[0]);
        ci.add(interval[1]);
        ObjectNode pct = m.putObject("scorePercentiles");
        for (double q : new double[] {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0}) {
            String key = q == Math.rint(q) ? String.format("%.1f", q) : Double.toString(q);
            pct.put(key, stats.getPercentile(Math.max(q, 1e-9)));
        }
        m.put("scoreUnit", unit);
        m.set("rawData", raw);
    }

    private void appendLog(String text) {
        if (log == null) {
            return;
        }
        try {
            Files.writeString(log, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("hbench: cannot append to " + log + ": " + e.getMessage());
        }
    }
}
