package org.hmaplab.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's cells in the JSON formats that continuous-benchmarking tools read.
 *
 * <ul>
 *   <li><b>github-action-benchmark</b>, tools {@code customSmallerIsBetter} and
 *   {@code customBiggerIsBetter}: a JSON array of {@code {name, unit, value, range, extra}}, where
 *   range is a string such as {@code "± 0.42"} (the JMH error) and extra carries the mode and the
 *   run id. One file holds one direction, so time-mode cells (smaller is better) go to the file
 *   given, and throughput cells, when there are any besides, to a sibling file with
 *   {@code -bigger} before the extension (when all cells are throughput, the file given holds them).</li>
 *   <li><b>Bencher</b> (Bencher Metric Format): {@code {"<benchmark>": {"<measure>": {"value",
 *   "lower_value", "upper_value"}}}} with Bencher's built-in measures: time modes as
 *   {@code latency} converted to nanoseconds, throughput as {@code throughput} converted to
 *   operations per second; lower/upper are score -/+ JMH error (left out when JMH gave none).</li>
 * </ul>
 */
public final class BenchmarkExport {

    /** Export formats, by their command-line names. */
    public enum Format {
        GITHUB_ACTION_BENCHMARK("github-action-benchmark"),
        BENCHER("bencher");

        private final String cliName;

        Format(String cliName) {
            this.cliName = cliName;
        }

        /** The name on the command line. */
        public String cliName() {
            return cliName;
        }

        /** The format called {@code name}; unknown names: an error listing the allowed ones. */
        public static Format byName(String name) {
            for (Format f : values()) {
                if (f.cliName.equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown export format '" + name
                + "'; allowed: github-action-benchmark, bencher");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkExport() {
    }

    /** Writes the cells in the format; returns the files written with the tool setting each needs. */
    public static List<String> write(Format format, List<Cell> cells, String runLabel, Path file) throws IOException {
        return switch (format) {
            case GITHUB_ACTION_BENCHMARK -> writeGithub(cells, runLabel, file);
            case BENCHER -> {
                JSON.writeValue(file.toFile(), bencher(cells));
                yield List.of(file + " (Bencher: bencher run --adapter json --file " + file.getFileName() + ")");
            }
        };
    }

    private static List<String> writeGithub(List<Cell> cells, String runLabel, Path file) throws IOException {
        final List<Cell> smaller = new ArrayList<>();
        final List<Cell> bigger = new ArrayList<>();
        for (Cell c : cells) {
            (c.direction() == Direction.LOWER_IS_BETTER ? smaller : bigger).add(c);
        }
        final List<String> written = new ArrayList<>();
        if (smaller.isEmpty()) {
            JSON.writeValue(file.toFile(), githubArray(bigger, runLabel));
            written.add(file + " (tool: customBiggerIsBetter)");
            return written;
        }
        JSON.writeValue(file.toFile(), githubArray(smaller, runLabel));
        written.add(file + " (tool: customSmallerIsBetter)");
        if (!bigger.isEmpty()) {
            final Path other = biggerSibling(file);
            JSON.writeValue(other.toFile(), githubArray(bigger, runLabel));
            written.add(other + " (tool: customBiggerIsBetter)");
        }
        return written;
    }

    /** {@code out.json} to {@code out-bigger.json}. */
    public static Path biggerSibling(Path file) {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String sibling = dot > 0 ? name.substring(0, dot) + "-bigger" + name.substring(dot) : name + "-bigger";
        return file.resolveSibling(sibling);
    }

    /** The github-action-benchmark array for cells of one direction. */
    public static ArrayNode githubArray(List<Cell> cells, String runLabel) {
        final ArrayNode arr = JSON.createArrayNode();
        for (Cell c : cells) {
            final ObjectNode o = arr.addObject();
            o.put("name", c.displayName());
            o.put("unit", c.unit());
            o.put("value", c.score());
            o.put("range", Double.isNaN(c.error()) ? "± n/a"
                : String.format(Locale.ROOT, "± %.4g", c.error()));
            o.put("extra", "mode=" + c.mode() + "; run=" + runLabel + "; CI=99.9% (JMH)");
        }
        return arr;
    }

    /** The Bencher Metric Format object for the cells. */
    public static ObjectNode bencher(List<Cell> cells) {
        final ObjectNode root = JSON.createObjectNode();
        for (Cell c : cells) {
            final boolean time = c.direction() == Direction.LOWER_IS_BETTER;
            final double factor = time ? nanosPerUnitOp(c.unit()) : opsPerSecondFactor(c.unit());
            final ObjectNode bench = root.has(c.displayName())
                ? (ObjectNode) root.get(c.displayName()) : root.putObject(c.displayName());
            final ObjectNode m = bench.putObject(time ? "latency" : "throughput");
            m.put("value", c.score() * factor);
            if (!Double.isNaN(c.error())) {
                m.put("lower_value", (c.score() - c.error()) * factor);
                m.put("upper_value", (c.score() + c.error()) * factor);
            }
        }
        return root;
    }

    private static final Map<String, Double> NANOS_PER = Map.of(
        "ns", 1.0, "us", 1e3, "\u00b5s", 1e3, "ms", 1e6, "s", 1e9, "min", 60e9, "hr", 3600e9);

    /** Factor from "X/op" to nanoseconds per op. */
    public static double nanosPerUnitOp(String unit) {
        final String[] p = unit.split("/");
        final Double f = p.length == 2 && p[1].equals("op") ? NANOS_PER.get(p[0]) : null;
        if (f == null) {
            throw new IllegalArgumentException("time unit '" + unit + "' is not one of ns/op, us/op, ms/op, s/op,"
                + " min/op, hr/op");
        }
        return f;
    }

    /** Factor from "ops/X" to operations per second. */
    public static double opsPerSecondFactor(String unit) {
        final String[] p = unit.split("/");
        final Double f = p.length == 2 && p[0].equals("ops") ? NANOS_PER.get(p[1]) : null;
        if (f == null) {
            throw new IllegalArgumentException("throughput unit '" + unit + "' is not one of ops/ns, ops/us, ops/ms,"
                + " ops/s, ops/min, ops/hr");
        }
        return 1e9 / f;
    }
}
