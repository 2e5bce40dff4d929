package org.hmaplab.harness.archive;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * One run's archive folder, written all-or-nothing.
 *
 * <p>{@link #begin} creates {@code <results>/.tmp-<runId>/}; the run writes its files there
 * ({@link #file}); {@link #commit} writes {@code metadata.json}, moves the folder with one atomic
 * rename to {@code <results>/<runId>/} and appends one line to {@code <results>/index.csv}.
 * A run that is not committed ({@link #close} without commit, an exception, Ctrl-C) leaves no
 * folder behind: close deletes the temporary folder, and a JVM shutdown hook does the same when
 * the process is interrupted, printing one line that says so.
 *
 * <p>{@code index.csv} has the fixed header {@link #INDEX_COLUMNS}; it is created with its
 * header when absent and appended to under an exclusive file lock, so parallel runs never
 * interleave lines. Columns only ever grow at the end: an index written by an older version with
 * a header that is a prefix of the current one is rewritten once with the new header (old rows
 * padded with empty cells); any other header is refused with an error naming the file.
 */
public final class RunArchive implements AutoCloseable {

    /** The columns of index.csv, in order. */
    public static final List<String> INDEX_COLUMNS = List.of(
        "run_id", "kind", "profile", "start_utc", "end_utc", "git_commit", "git_dirty", "jdk_version",
        "cpu_model", "cores", "hasher_selected", "folder", "extra");

    /** The index file's name inside the results folder. */
    public static final String INDEX_FILE = "index.csv";
    /** The metadata file's name inside a run folder. */
    public static final String METADATA_FILE = "metadata.json";
    /** Prefix of the temporary folder of a run in progress. */
    public static final String TMP_PREFIX = ".tmp-";

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private enum State { OPEN, COMMITTED, CLOSED }

    private final Path resultsDir;
    private final String runId;
    private final Path tmp;
    private final RunMetadata meta;
    private final Thread cleanupHook;
    private State state = State.OPEN;

    private RunArchive(Path resultsDir, String runId, Path tmp, RunMetadata meta) {
        this.resultsDir = resultsDir;
        this.runId = runId;
        this.tmp = tmp;
        this.meta = meta;
        this.cleanupHook = new Thread(this::interrupted, "hbench-archive-cleanup");
    }

    /** System property {@code hmap.root} (set by ./hbench) + "/results", else ./results. */
    public static Path defaultResultsDir() {
        String root = System.getProperty("hmap.root");
        return (root != null ? Path.of(root) : Path.of(".")).resolve("results").toAbsolutePath().normalize();
    }

    /** Starts a run: creates {@code resultsDir/.tmp-<runId>/} (and resultsDir if needed). */
    public static RunArchive begin(Path resultsDir, RunMetadata meta) {
        String runId = meta.get("run_id");
        if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("metadata has no usable run_id (" + runId
                + "); build it with RunMetadata.collect");
        }
        Path dir = resultsDir.toAbsolutePath().normalize();
        Path tmp = dir.resolve(TMP_PREFIX + runId);
        try {
            Files.createDirectories(dir);
            Files.createDirectory(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + tmp + ": " + e.getMessage(), e);
        }
        RunArchive a = new RunArchive(dir, runId, tmp, meta);
        Runtime.getRuntime().addShutdownHook(a.cleanupHook);
        return a;
    }

    /** The run id, e.g. {@code 20261122T061500Z-bench-3fa9c1}. */
    public String runId() {
        return runId;
    }

    /** The temporary folder the run writes to. */
    public Path dir() {
        return tmp;
    }

    /** {@code dir().resolve(name)}. */
    public Path file(String name) {
        return tmp.resolve(name);
    }

    /** The metadata the run began with. */
    public RunMetadata metadata() {
        return meta;
    }

    /**
     * Finishes the run: writes {@code finalMeta} (with {@code end_utc} set to now when empty, and
     * {@code indexExtra} appended) as metadata.json, moves the folder atomically to
     * {@code resultsDir/<runId>} and appends its line to index.csv. {@code indexExtra} goes into
     * the index's {@code extra} column as {@code key=value} pairs joined by {@code ;}.
     *
     * @return the final folder
     */
    public synchronized Path commit(RunMetadata finalMeta, Map<String, String> indexExtra) {
        if (state != State.OPEN) {
            throw new IllegalStateException("run " + runId + " is already " + state.name().toLowerCase());
        }
        RunMetadata m = finalMeta;
        String end = m.get("end_utc");
        if (end == null || end.isEmpty()) {
            m = m.with("end_utc", RunMetadata.nowUtc());
        }
        Map<String, String> extra = indexExtra == null ? Map.of() : indexExtra;
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (!m.entries().containsKey(e.getKey())) {
                m = m.with(e.getKey(), e.getValue());
            }
        }
        m.write(file(METADATA_FILE));
        Path target = resultsDir.resolve(runId);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("cannot archive run " + runId + ": " + target + " already exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + target + ": " + e.getMessage(), e);
        }
        state = State.COMMITTED;
        removeHook();
        appendIndex(resultsDir.resolve(INDEX_FILE), indexRow(m, extra));
        return target;
    }

    /** When not committed: deletes the temporary folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (state == State.OPEN) {
            state = State.CLOSED;
            removeHook();
            deleteTree(tmp);
        }
    }

    private synchronized void interrupted() {
        if (state == State.OPEN) {
            state = State.CLOSED;
            deleteTree(tmp);
            System.err.println("hbench: interrupted; the partial archive " + tmp
                + " was removed, nothing was archived");
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook sees the new state and does nothing
        }
    }

    private List<String> indexRow(RunMetadata m, Map<String, String> extra) {
        List<String> row = new ArrayList<>();
        for (String col : INDEX_COLUMNS) {
            switch (col) {
                case "folder" -> row.add(runId);
                case "extra" -> {
                    StringBuilder sb = new StringBuilder();
                    for (Map.Entry<String, String> e : extra.entrySet()) {
                        sb.append(sb.isEmpty() ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
                    }
                    row.add(sb.toString());
                }
                default -> row.add(m.entries().getOrDefault(col, RunMetadata.UNKNOWN));
            }
        }
        return row;
    }

    /** Appends {@code row} to the index at {@code index} under an exclusive lock; creates or migrates the header. */
    static void appendIndex(Path index, List<String> row) {
        try (FileChannel ch = FileChannel.open(index, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            String existing = readAll(ch);
            StringBuilder out = new StringBuilder();
            if (existing.isEmpty()) {
                out.append(csvLine(INDEX_COLUMNS));
            } else {
                List<String> header = parseHeader(index, existing);
                if (!header.equals(INDEX_COLUMNS)) {
                    rewriteWithCurrentHeader(index, ch, existing, header);
                }
            }
            out.append(csvLine(row));
            ch.position(ch.size());
            ch.write(ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + index + ": " + e.getMessage(), e);
        }
    }

    private static List<String> parseHeader(Path index, String text) throws IOException {
        try (CSVParser p = CSVParser.parse(text, CSV)) {
            for (CSVRecord r : p) {
                return r.toList();
            }
        }
        throw new IllegalStateException(index + " has no header line");
    }

    private static void rewriteWithCurrentHeader(Path index, FileChannel ch, String existing, List<String> header)
            throws IOException {
        boolean prefix = header.size() < INDEX_COLUMNS.size()
            && INDEX_COLUMNS.subList(0, header.size()).equals(header);
        if (!prefix) {
            throw new IllegalStateException(index + " has the header " + header + ", which is not an older form of "
                + INDEX_COLUMNS + "; move it aside or fix it");
        }
        StringBuilder sb = new StringBuilder(csvLine(INDEX_COLUMNS));
        try (CSVParser p = CSVParser.parse(existing, CSV)) {
            boolean first = true;
            for (CSVRecord r : p) {
                if (first) {
                    first = false;
                    continue;
                }
                List<String> cells = new ArrayList<>(r.toList());
                while (cells.size() < INDEX_COLUMNS.size()) {
                    cells.add("");
                }
                sb.append(csvLine(cells));
            }
        }
        ch.truncate(0);
        ch.position(0);
        ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String readAll(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(ch.size()));
        ch.position(0);
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
            // keep reading until the buffer is full
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static String csvLine(List<String> cells) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSV)) {
            p.printRecord(cells);
        }
        return w.toString();
    }

    /** Reads index.csv as maps from column to value, in file order (for readers and tests). */
    public static List<Map<String, String>> readIndex(Path index) {
        try {
            String text = Files.readString(index, StandardCharsets.UTF_8);
            List<Map<String, String>> rows = new ArrayList<>();
            try (CSVParser p = CSVParser.parse(text, CSV.builder().setHeader().setSkipHeaderRecord(true).get())) {
                for (CSVRecord r : p) {
                    rows.add(new LinkedHashMap<>(r.toMap()));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("hbench: could not remove the partial archive " + dir + ": " + e.getMessage());
        }
    }
}
