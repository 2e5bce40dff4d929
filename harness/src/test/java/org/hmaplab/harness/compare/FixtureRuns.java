package org.hmaplab.harness.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes hand-made run folders for tests: a results.csv with the harness's documented columns and
 * a flat metadata.json. The numbers are invented to plant a situation (a regression, noise), not
 * measured.
 */
public final class FixtureRuns {

    /** The results.csv header the harness documents. */
    public static final String HEADER = "benchmark,operation,impl,hasher,lookup_style,key_kind,size,distribution,"
        + "hit_ratio,mode,unit,score,error,samples,alloc_bytes_per_op,params";

    private FixtureRuns() {
    }

    /** Default metadata of a run on the invented machine "Test CPU". */
    public static Map<String, String> meta(String runId, String startUtc) {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", "bench");
        m.put("profile", "nightly");
        m.put("run_id", runId);
        m.put("start_utc", startUtc);
        m.put("jdk_vendor", "Eclipse Adoptium");
        m.put("jdk_version", "25.0.1");
        m.put("jvm_args", "-Xms2g -Xmx2g -XX:+AlwaysPreTouch");
        m.put("os_name", "Linux");
        m.put("os_arch", "amd64");
        m.put("cpu_model", "Test CPU @ 2.0GHz");
        m.put("cores", "2");
        m.put("git_commit", "abc1234");
        return m;
    }

    /** A results.csv row for a GoLongLongMap get benchmark at a size. */
    public static String row(String op, String impl, int size, String mode, String unit, double score, double error) {
        return String.format(Locale.ROOT,
            "org.hmaplab.harness.bench.LongMapBench.%s,%s,%s,fnv1a,generic,long,%d,uniform,1.0,%s,%s,%s,%s,10,0,"
                + "impl=%s;size=%d", op, op, impl, size, mode, unit, score, error, impl, size);
    }

    /** Writes a run folder {@code parent/runId} with metadata and rows; returns it. */
    public static Path write(Path parent, Map<String, String> meta, String... rows) throws IOException {
        final Path dir = parent.resolve(meta.get("run_id"));
        Files.createDirectories(dir);
        final StringBuilder json = new StringBuilder("{");
        meta.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
            .append(v).append('"'));
        Files.writeString(dir.resolve("metadata.json"), json.append('}').toString(), StandardCharsets.UTF_8);
        final StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (String r : rows) {
            csv.append(r).append('\n');
        }
        Files.writeString(dir.resolve("results.csv"), csv.toString(), StandardCharsets.UTF_8);
        return dir;
    }
}
