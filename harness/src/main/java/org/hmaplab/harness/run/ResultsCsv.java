package org.hmaplab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.harness.archive.ArchiveFormat;

/**
 * Derives the rows of {@code results.csv} ({@link ArchiveFormat#RESULTS_COLUMNS}) from JMH's JSON
 * result array: one row per JMH result, the parameters spread into columns, the operation named
 * from the benchmark method (and the hit ratio for gets), the allocation from the {@code gc}
 * profiler's {@code gc.alloc.rate.norm}, and for hasher benchmarks the input length and bytes/ns.
 */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    private static final String BENCH = MatrixBuilder.BENCH;
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";
    /** The impl column of the limit rows ({@code limit-1line}, {@code limit-2lines}). */
    public static final String LIMIT_IMPL = "limit";

    /** The rows for every element of {@code jmhArray}, in order. */
    public static List<List<String>> rows(JsonNode jmhArray) {
        if (!jmhArray.isArray()) {
            throw new IllegalArgumentException("JMH result is not a JSON array");
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : jmhArray) {
            rows.add(row(r));
        }
        return rows;
    }

    /** The row of one JMH result object. */
    static List<String> row(JsonNode r) {
        String benchmark = text(r, "benchmark");
        Map<String, String> params = new TreeMap<>();
        JsonNode p = r.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        String operation = operation(benchmark, params);
        JsonNode primary = r.path("primaryMetric");
        if (primary.isMissingNode()) {
            throw new IllegalArgumentException("JMH result for " + benchmark + " has no primaryMetric");
        }
        double score = primary.path("score").asDouble(Double.NaN);
        String unit = primary.path("scoreUnit").asText("");
        String impl = params.getOrDefault("impl", operation.equals("baseline") ? "baseline"
            : MatrixBuilder.LIMITS.containsKey(operation) ? LIMIT_IMPL : "");
        String lookupStyle = impl.isEmpty() || impl.equals("baseline") || impl.equals(LIMIT_IMPL) ? ""
            // an extension's style is left empty, as for any name the registry may not know when
            // the archive is read again (native Go, an extension not on the reader's class path)
            : MapRegistry.names().contains(impl) && !MapRegistry.isExtension(impl) ? MapRegistry.lookupStyle(impl)
            : "";
        String inputBytes = switch (operation) {
            case "hash-long" -> Integer.toString(Long.BYTES);
            case "hash-bytes", "baseline-hash" -> params.getOrDefault("length", "");
            default -> "";
        };
        String bytesPerNs = "";
        if (!inputBytes.isEmpty() && !operation.startsWith("baseline") && unit.equals("ns/op") && score > 0) {
            bytesPerNs = format(Integer.parseInt(inputBytes) / score);
        }
        List<String> row = new ArrayList<>();
        row.add(benchmark);
        row.add(operation);
        row.add(impl);
        row.add(params.getOrDefault("hasher", ""));
        row.add(lookupStyle);
        row.add(params.getOrDefault("keyKind", ""));
        row.add(params.getOrDefault("size", ""));
        row.add(params.getOrDefault("distribution", ""));
        row.add(params.getOrDefault("hitRatio", ""));
        row.add(text(r, "mode"));
        row.add(unit);
        row.add(format(score));
        row.add(format(primary.path("scoreError").asDouble(Double.NaN)));
        row.add(Integer.toString(samples(primary)));
        row.add(alloc(r));
        row.add(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
        row.add(inputBytes);
        row.add(bytesPerNs);
        return row;
    }

    /** The CSV operation of a JMH benchmark method. */
    static String operation(String benchmark, Map<String, String> params) {
        if (benchmark.equals(BENCH + "GetBench.get")) {
            String hit = params.get("hitRatio");
            if (hit == null) {
                throw new IllegalArgumentException("GetBench.get result without a hitRatio parameter");
            }
            return MatrixBuilder.getOperation(Integer.parseInt(hit));
        }
        for (Map.Entry<String, String> e : MatrixBuilder.FAMILIES.entrySet()) {
            if (e.getValue().equals(benchmark)) {
                return e.getKey();
            }
        }
        for (Map.Entry<String, String> e : MatrixBuilder.LIMITS.entrySet()) {
            if (e.getValue().equals(benchmark)) {
                return e.getKey();
            }
        }
        return switch (benchmark.startsWith(BENCH) ? benchmark.substring(BENCH.length()) : benchmark) {
            case "BaselineBench.loop" -> "baseline";
            case "HasherBench.hashLong" -> "hash-long";
            case "HasherBench.hashBytes" -> "hash-bytes";
            case "HasherBench.baseline" -> "baseline-hash";
            case "HasherBench.multiplyLatency" -> MatrixBuilder.MULTIPLY_LATENCY_OPERATION;
            default -> throw new IllegalArgumentException("unknown benchmark '" + benchmark + "'");
        };
    }

    private static int samples(JsonNode primary) {
        int n = 0;
        for (JsonNode fork : primary.path("rawData")) {
            n += fork.size();
        }
        return n;
    }

    private static String alloc(JsonNode r) {
        JsonNode secondary = r.path("secondaryMetrics");
        for (Iterator<Map.Entry<String, JsonNode>> it = secondary.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith(ALLOC_NORM)) {
                return format(e.getValue().path("score").asDouble(Double.NaN));
            }
        }
        return "";
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("JMH result has no '" + field + "' field: " + r);
        }
        return n.asText();
    }

    /** A number as the CSVs write it: plain decimal, {@code NaN} when JMH has none. */
    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "NaN";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }
}
