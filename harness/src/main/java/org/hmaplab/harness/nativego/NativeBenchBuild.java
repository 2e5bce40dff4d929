package org.hmaplab.harness.nativego;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Go benchmark program ({@code harness/src/main/go/nativebench}, shipped in the jar
 * under {@code go/nativebench/}) with one toolchain and one {@code GOEXPERIMENT}, once: the binary
 * is cached under a folder named by the Go version, the experiment and a digest of the sources,
 * so a changed program is rebuilt and an unchanged one is not.
 */
public final class NativeBenchBuild {
    /** The program's source files, as resources of the jar. */
    static final List<String> SOURCES = List.of("go.mod", "main.go", "input.go", "int64.go", "strings.go");
    private static final String RESOURCE_DIR = "/go/nativebench/";

    private final Path cacheDir;

    /** Builds into {@code cacheDir} (default: {@code java.io.tmpdir/hmap-testbed-nativebench}). */
    public NativeBenchBuild(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public static NativeBenchBuild inTempDir() {
        return new NativeBenchBuild(Path.of(System.getProperty("java.io.tmpdir"), "hmap-testbed-nativebench"));
    }

    /** The program built with {@code toolchain} and {@code experiment} (empty for none); builds it if needed. */
    public synchronized Path binary(GoToolchain toolchain, String experiment) {
        Map<String, byte[]> sources = sources();
        String tag = toolchain.version() + (experiment.isEmpty() ? "" : "-" + experiment) + "-" + digest(sources);
        Path dir = cacheDir.resolve(tag);
        Path binary = dir.resolve("nativebench");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try {
            Path src = dir.resolve("src");
            Files.createDirectories(src);
            for (Map.Entry<String, byte[]> e : sources.entrySet()) {
                Files.write(src.resolve(e.getKey()), e.getValue());
            }
            Path partial = dir.resolve("nativebench.part");
            ProcessBuilder pb = new ProcessBuilder(toolchain.goCommand().toString(), "build", "-o", partial.toString(),
                ".").directory(src.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("GOROOT", toolchain.root().toString());
            env.put("GOTOOLCHAIN", "local");
            env.put("GO111MODULE", "on");
            env.put("GOFLAGS", "-mod=mod");
            env.put("GOCACHE", cacheDir.resolve("gocache").toString());
            env.put("GOPATH", cacheDir.resolve("gopath").toString());
            env.remove("GOEXPERIMENT");
            if (!experiment.isEmpty()) {
                env.put("GOEXPERIMENT", experiment);
            }
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("go build of the native benchmark with " + toolchain.version()
                    + (experiment.isEmpty() ? "" : " GOEXPERIMENT=" + experiment) + " failed: " + out);
            }
            Files.move(partial, binary, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the native benchmark in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the native benchmark", e);
        }
    }

    static Map<String, byte[]> sources() {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        for (String name : SOURCES) {
            try (InputStream in = NativeBenchBuild.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("the native benchmark source " + name + " is missing from the "
                        + "class path (expected resource " + RESOURCE_DIR + name + ")");
                }
                m.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m;
    }

    private static String digest(Map<String, byte[]> sources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : sources.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
