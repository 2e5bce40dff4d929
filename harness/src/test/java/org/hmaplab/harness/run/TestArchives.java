package org.hmaplab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmaplab.harness.archive.ArchiveFormat;
import org.hmaplab.harness.archive.ArchiveWriter;
import org.hmaplab.harness.archive.CsvFiles;
import org.hmaplab.harness.archive.RunArchive;
import org.hmaplab.harness.archive.RunMetadata;

/**
 * Test fixtures: the JMH JSON, latency and memory CSVs of a real smoke run
 * ({@code ./hbench run --profile smoke} on 2026-11-22, run 20261122T060007Z-bench-3c5cde, JMH 1.37,
 * Temurin 25, 2-core VM; files under src/test/resources/org/hmaplab/harness/run/), and archives
 * built from them the way {@code hbench run} writes them.
 */
final class TestArchives {
    private TestArchives() {
    }

    static final String SAMPLE_JSON = "jmh-smoke-run-20261122.json";
    static final String SAMPLE_LATENCY = "latency-smoke-run-20261122.csv";
    static final String SAMPLE_MEMORY = "memory-smoke-run-20261122.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode sampleJson() {
        try (InputStream in = TestArchives.class.getResourceAsStream(SAMPLE_JSON)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name, Path dir) {
        try (InputStream in = TestArchives.class.getResourceAsStream(name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Elements {@code from..to} of the sample array. */
    static ArrayNode slice(int from, int to) {
        ArrayNode a = JSON.createArrayNode();
        JsonNode all = sampleJson();
        for (int i = from; i < to; i++) {
            a.add(all.get(i));
        }
        return a;
    }

    /** A committed archive under {@code root} holding {@code jmh}, the sample latency and memory rows. */
    static Path archive(Path root, Path scratch, JsonNode jmh, String profile, String shard) {
        List<List<String>> latency = CsvFiles.read(resource(SAMPLE_LATENCY, scratch)).values(
            ArchiveFormat.LATENCY_COLUMNS);
        List<List<String>> memory = CsvFiles.read(resource(SAMPLE_MEMORY, scratch)).values(
            ArchiveFormat.MEMORY_COLUMNS);
        Map<String, String> extra = new LinkedHashMap<>();
        for (String k : ArchiveFormat.METADATA_KEYS) {
            extra.put(k, "x");
        }
        extra.put("shard", shard);
        extra.put("cells_planned", Integer.toString(jmh.size()));
        extra.put("cells_run", Integer.toString(jmh.size()));
        extra.put("jmh_results", Integer.toString(jmh.size()));
        extra.put("latency_rows", Integer.toString(latency.size()));
        extra.put("memory_rows", Integer.toString(memory.size()));
        RunMetadata meta = RunMetadata.collect(ArchiveFormat.KIND, profile, extra);
        try (RunArchive a = RunArchive.begin(root, meta)) {
            ArchiveWriter.writeDataFiles(a.dir(), jmh, ResultsCsv.rows(jmh), latency, memory);
            Files.writeString(a.file(ArchiveFormat.SUMMARY_MD), "# summary\n", StandardCharsets.UTF_8);
            return a.commit(meta, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
