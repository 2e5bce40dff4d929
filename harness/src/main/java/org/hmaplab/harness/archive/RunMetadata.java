package org.hmaplab.harness.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hmaplab.baselines.MapRegistry;
import org.hmaplab.hash.Hashers;
import org.hmaplab.hash.aes.AesHasher;
import org.hmaplab.hash.cpu.CpuFeatures;
import org.hmaplab.hash.select.Selection;
import org.openjdk.jmh.util.Version;

/**
 * The description of one archived run: an immutable, insertion-ordered list of String keys and
 * String values, written as {@code metadata.json} beside the run's files.
 *
 * <p>{@link #collect(String, String, Map)} gathers everything a reader needs to reproduce or
 * judge a figure: the JDK and its arguments, OS and CPU (model, flags), the hasher the default
 * selection picked and why, git commit and whether the tree was dirty, JMH version, host, plus the
 * caller's extras (seeds, parameters). The keys, in order, are listed in {@link #STANDARD_KEYS};
 * anything unknown is recorded as {@value #UNKNOWN} rather than left out, so every file has every
 * key.
 */
public final class RunMetadata {

    /** Value recorded for anything that could not be determined. */
    public static final String UNKNOWN = "unknown";

    /** Version of the metadata.json layout; raised when a key changes meaning (keys only grow). */
    public static final String FORMAT_VERSION = "1";

    /** The keys {@link #collect} always writes, in order; caller extras follow. */
    public static final List<String> STANDARD_KEYS = java.util.List.of(
        "metadata_format", "kind", "profile", "run_id", "start_utc", "end_utc",
        "jdk_vendor", "jdk_version", "vm_name", "vm_version", "jvm_args",
        "os_name", "os_version", "os_arch", "cpu_model", "cpu_flags", "cpu_flags_all", "vector_bits",
        "cores", "heap_max",
        "hasher_selected", "hasher_policy", "hasher_reason", "aes_backend", "aes_backend_reason",
        "git_commit", "git_dirty", "jmh_version", "hostname");

    /**
     * The hashers that other jars on the class path added (name=class@jar;...), written only when
     * there are any, so that a run's numbers trace back to the code that made them.
     */
    public static final String HASHER_EXTENSIONS = "hasher_extensions";

    /** The map implementations that other jars on the class path added, as {@link #HASHER_EXTENSIONS}. */
    public static final String MAP_EXTENSIONS = "map_extensions";

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ISO_INSTANT;
    private static final DateTimeFormatter ID_TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int ID_RANDOM_BYTES = 3;
    private static final long GIT_TIMEOUT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> entries;

    private RunMetadata(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Metadata holding exactly {@code entries} (in their iteration order); for tests and readers. */
    public static RunMetadata of(Map<String, String> entries) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("metadata keys and values must not be null: " + e);
            }
        }
        return new RunMetadata(entries);
    }

    /**
     * Collects the metadata of a run starting now.
     *
     * @param kind    what runs ({@code bench}, {@code quality}, ...): lower-case letters, digits and
     *                '-', as it becomes part of the folder name
     * @param profile the run profile ({@code quick}, {@code full}, ...)
     * @param extra   caller entries appended after the standard keys (e.g. {@code seeds}); a key
     *                that is also a standard key replaces that key's value in place
     */
    public static RunMetadata collect(String kind, String profile, Map<String, String> extra) {
        checkKind(kind);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("metadata_format", FORMAT_VERSION);
        m.put("kind", kind);
        m.put("profile", profile);
        m.put("run_id", ID_TIME.format(start) + "-" + kind + "-"
            + HexFormat.of().formatHex(randomBytes()));
        m.put("start_utc", ISO_SECONDS.format(start));
        m.put("end_utc", "");
        m.put("jdk_vendor", prop("java.vendor"));
        m.put("jdk_version", prop("java.version"));
        m.put("vm_name", prop("java.vm.name"));
        m.put("vm_version", prop("java.vm.version"));
        m.put("jvm_args", jvmArgs());
        m.put("os_name", prop("os.name"));
        m.put("os_version", prop("os.version"));
        m.put("os_arch", prop("os.arch"));
        CpuFeatures cpu = CpuFeatures.detect();
        m.put("cpu_model", cpu.cpuModel());
        m.put("cpu_flags", cpu.presentFlagsLine());
        m.put("cpu_flags_all", cpu.cpuinfoRead() ? String.join(" ", cpu.allCpuinfoFlags()) : UNKNOWN);
        m.put("vector_bits", cpu.vectorBitSize().isPresent() ? Integer.toString(cpu.vectorBitSize().getAsInt())
            : UNKNOWN);
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("heap_max", Long.toString(Runtime.getRuntime().maxMemory()));
        Selection sel = Hashers.defaultSelection();
        m.put("hasher_selected", sel.hasherName());
        m.put("hasher_policy", sel.policy());
        m.put("hasher_reason", sel.reason());
        m.put("aes_backend", aesBackend());
        m.put("aes_backend_reason", aesBackendReason());
        String extensions = Hashers.extensionsDescription();
        if (!extensions.isEmpty()) {
            m.put(HASHER_EXTENSIONS, extensions); // only when a jar on the class path added hashers
        }
        String mapExtensions = MapRegistry.extensionsDescription();
        if (!mapExtensions.isEmpty()) {
            m.put(MAP_EXTENSIONS, mapExtensions); // only when a jar on the class path added maps
        }
        Path root = projectRoot();
        String commit = git(root, "rev-parse", "HEAD");
        m.put("git_commit", commit == null ? UNKNOWN : commit.trim());
        m.put("git_dirty", commit == null ? UNKNOWN : gitDirty(root));
        m.put("jmh_version", jmhVersion());
        m.put("hostname", hostname());
        if (extra != null) {
            for (Map.Entry<String, String> e : extra.entrySet()) {
                m.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return new RunMetadata(m);
    }

    /** The entries, in insertion order (unmodifiable). */
    public Map<String, String> entries() {
        return entries;
    }

    /** The value of {@code key}, or null. */
    public String get(String key) {
        return entries.get(key);
    }

    /** A copy with {@code key} set to {@code value} (in place when present, else appended). */
    public RunMetadata with(String key, String value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("metadata key and value must not be null (key " + key + ")");
        }
        Map<String, String> m = new LinkedHashMap<>(entries);
        m.put(key, value);
        return new RunMetadata(m);
    }

    /** The current time as archived ({@code 2026-11-22T06:15:00Z}). */
    public static String nowUtc() {
        return ISO_SECONDS.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Writes the entries as pretty-printed JSON (one object, String values). */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The entries as pretty-printed JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a {@code metadata.json}. It must hold one JSON object whose values are all strings;
     * anything else gives an IllegalArgumentException naming the file and what was wrong.
     * A missing or unreadable file gives an UncheckedIOException naming it.
     */
    public static RunMetadata read(Path metadataJson) {
        String text;
        try {
            text = Files.readString(metadataJson, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("metadata file " + metadataJson + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metadata file " + metadataJson + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed metadata file " + metadataJson + ": not valid JSON ("
                + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("malformed metadata file " + metadataJson
                + ": expected one JSON object of string values, found "
                + (root == null ? "nothing" : root.getNodeType()));
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("malformed metadata file " + metadataJson + ": value of '"
                    + e.getKey() + "' is " + e.getValue().getNodeType() + ", expected a string");
            }
            m.put(e.getKey(), e.getValue().textValue());
        }
        return new RunMetadata(m);
    }

    /** {@code git rev-parse HEAD} in the project root, or "unknown" when git or the repository is absent. */
    public static String gitCommit() {
        String commit = git(projectRoot(), "rev-parse", "HEAD");
        return commit == null ? UNKNOWN : commit.trim();
    }

    /**
     * Whether the work tree under {@code root} differs from HEAD, leaving out {@code results/}:
     * archives are what runs produce, not what they run, so an archive not yet committed does not
     * make the next run's code "dirty". "unknown" when git cannot tell.
     */
    static String gitDirty(Path root) {
        String status = git(root, "status", "--porcelain", "--", ".", ":(exclude)results");
        return status == null ? UNKNOWN : Boolean.toString(!status.isBlank());
    }

    /** The project root: system property {@code hmap.root} (set by ./hbench), else the working directory. */
    static Path projectRoot() {
        String root = System.getProperty("hmap.root");
        return Path.of(root != null ? root : System.getProperty("user.dir", "."));
    }

    static void checkKind(String kind) {
        if (kind == null || !kind.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("run kind '" + kind
                + "' is not allowed; use lower-case letters, digits and '-' (e.g. bench, quality)");
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[ID_RANDOM_BYTES];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String prop(String key) {
        return System.getProperty(key, UNKNOWN);
    }

    private static String jvmArgs() {
        try {
            return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        } catch (RuntimeException | LinkageError e) {
            return UNKNOWN;
        }
    }

    private static String aesBackend() {
        try {
            return AesHasher.defaultBackend().label();
        } catch (RuntimeException | LinkageError e) {
            return UNKNOWN;
        }
    }

    private static String aesBackendReason() {
        try {
            return AesHasher.defaultBackendReason();
        } catch (RuntimeException | LinkageError e) {
            return UNKNOWN;
        }
    }

    private static String jmhVersion() {
        try {
            return Version.getPlainVersion();
        } catch (RuntimeException | LinkageError e) {
            return UNKNOWN;
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : UNKNOWN;
        }
    }

    /** Output of {@code git args...} run in {@code dir}, or null when git or the repository is absent. */
    static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunMetadata other && other.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "RunMetadata" + entries;
    }
}
