package org.hmaplab.harness.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmaplab.harness.run.Summary;
import org.hmaplab.harness.stats.ForkScores;

/**
 * Joins shard archives of one run ({@code hbench run --shard I/N} on one or several machines)
 * into one archive: JSON arrays and CSV rows concatenated in the order given, summary
 * regenerated, metadata of the first shard with a new run id, the earliest start, the latest
 * end, summed counts, {@code shard = merged} and {@code shards} listing every source (run id and
 * shard). Refused, with the reason: a folder that is not a valid archive, shards whose
 * environment or settings differ ({@link #MUST_MATCH}), the same shard twice.
 */
public final class ArchiveMerge {
    private ArchiveMerge() {
    }

    /** Metadata keys that must be equal in every shard: what makes their numbers comparable. */
    static final List<String> MUST_MATCH = List.of(
        "kind", "profile", "jdk_vendor", "jdk_version", "vm_name", "vm_version", "os_name", "os_arch", "cpu_model",
        "cores", "hasher_selected", "git_commit", "jmh_version", "fork_jvm_args", "heap", "warmup", "measurement",
        "forks", "include", "impls", "hashers", "sizes", "key_seed", "probe_seed", "go_seed");

    /** Merges {@code runs} into a new archive under {@code resultsRoot}; returns its folder. */
    public static Path merge(Path resultsRoot, List<Path> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("merge needs at least two run folders, got " + runs.size());
        }
        List<RunMetadata> metas = new ArrayList<>();
        Set<String> shardsSeen = new HashSet<>();
        for (Path run : runs) {
            String problem = ArchiveCheck.check(run);
            if (problem != null) {
                throw new IllegalArgumentException(run + " is not a valid bench archive: " + problem);
            }
            RunMetadata m = RunMetadata.read(run.resolve(RunArchive.METADATA_FILE));
            if (!metas.isEmpty()) {
                RunMetadata first = metas.get(0);
                for (String k : MUST_MATCH) {
                    if (!first.get(k).equals(m.get(k))) {
                        throw new IllegalArgumentException("cannot merge: " + k + " differs between " + runs.get(0)
                            + " ('" + first.get(k) + "') and " + run + " ('" + m.get(k) + "')");
                    }
                }
            }
            if (!shardsSeen.add(m.get("shard"))) {
                throw new IllegalArgumentException("cannot merge: shard " + m.get("shard") + " appears twice ("
                    + run + ")");
            }
            metas.add(m);
        }
        ArrayNode jmh = JsonNodeFactory.instance.arrayNode();
        List<List<String>> results = new ArrayList<>();
        List<List<String>> latency = new ArrayList<>();
        List<List<String>> memory = new ArrayList<>();
        for (Path run : runs) {
            // Through the archive's one reader: a damaged shard is one line naming the run, the file and the line.
            ArchiveReader.Run shard = ArchiveReader.read(run);
            ArchiveReader.jmhJson(run, shard.label()).forEach(jmh::add);
            shard.results().forEach(r -> results.add(values(ArchiveFormat.RESULTS_COLUMNS, r.columns())));
            shard.latency().forEach(r -> latency.add(values(ArchiveFormat.LATENCY_COLUMNS, r.columns())));
            shard.memory().forEach(r -> memory.add(values(ArchiveFormat.MEMORY_COLUMNS, r.columns())));
        }
        RunMetadata first = metas.get(0);
        String runId = RunMetadata.collect(ArchiveFormat.KIND, first.get("profile"), Map.of()).get("run_id");
        Map<String, String> m = new LinkedHashMap<>(first.entries());
        m.put("run_id", runId);
        m.put(ArchiveFormat.VERSION_KEY, Integer.toString(ArchiveFormat.VERSION));
        m.put("start_utc", metas.stream().map(x -> x.get("start_utc")).min(String::compareTo).orElseThrow());
        m.put("end_utc", metas.stream().map(x -> x.get("end_utc")).max(String::compareTo).orElseThrow());
        m.put("shard", "merged");
        List<String> sources = new ArrayList<>();
        for (RunMetadata x : metas) {
            sources.add(x.get("run_id") + " (" + x.get("shard") + ")");
        }
        m.put("shards", String.join(", ", sources));
        m.put("cells_planned", sum(metas, "cells_planned"));
        m.put("cells_run", sum(metas, "cells_run"));
        m.put("jmh_results", Integer.toString(jmh.size()));
        m.put("latency_rows", Integer.toString(latency.size()));
        m.put("memory_rows", Integer.toString(memory.size()));
        RunMetadata merged = RunMetadata.of(m);
        try (RunArchive archive = RunArchive.begin(resultsRoot, merged)) {
            ArchiveWriter.writeDataFiles(archive.dir(), jmh, results, latency, memory);
            ArchiveReader.Run written = ArchiveReader.read(archive.dir());
            String summary = Summary.markdown("hbench " + first.get("profile") + " run " + runId + " (merged from "
                    + metas.size() + " shards)", written.results(), written.latency(), written.memory(),
                ForkScores.fromJmh(jmh), List.of());
            try {
                Files.writeString(archive.file(ArchiveFormat.SUMMARY_MD), summary, StandardCharsets.UTF_8);
                Files.writeString(archive.file(ArchiveFormat.JMH_LOG), "merged from: " + String.join(", ", sources)
                    + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the merged summary: " + e.getMessage(), e);
            }
            Map<String, String> indexExtra = new LinkedHashMap<>();
            indexExtra.put("merged_from", Integer.toString(metas.size()));
            return archive.commit(merged, indexExtra);
        }
    }

    /** A row's cells in the order of the current format's columns ("" for a column the shard lacks). */
    private static List<String> values(List<String> columns, Map<String, String> cells) {
        List<String> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            out.add(cells.getOrDefault(c, ""));
        }
        return out;
    }

    private static String sum(List<RunMetadata> metas, String key) {
        long total = 0;
        for (RunMetadata m : metas) {
            total += Long.parseLong(m.get(key));
        }
        return Long.toString(total);
    }

    /** The JMH array of an archive (for tests). */
    public static JsonNode jmhOf(Path run) {
        return ArchiveReader.jmhJson(run, ArchiveReader.label(run, ArchiveReader.metadata(run)));
    }
}
