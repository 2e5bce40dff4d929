package org.hmaplab.harness.nativego;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Go toolchains of the native-Go cells. For a release such as 1.24 it looks, in order:
 * <ol>
 *   <li>every GOROOT listed in {@code HMAP_GO_ROOTS} (separated by the path separator, {@code :});</li>
 *   <li>{@code $HMAP_GO_DIR/usr/lib/go-1.24}, where {@code build/install-go.sh} unpacks Debian's
 *       packages ({@code HMAP_GO_DIR} defaults to {@code ~/.cache/hmap-testbed/go});</li>
 *   <li>{@code $GOROOT};</li>
 *   <li>the {@code go} on {@code PATH};</li>
 *   <li>Debian's own install folder {@code /usr/lib/go-1.24}.</li>
 * </ol>
 * A candidate counts when its {@code bin/go env GOVERSION} names the release. Nothing is
 * downloaded: {@code GOTOOLCHAIN=local} keeps Go from fetching another toolchain.
 */
public final class GoToolchains {
    /** Where {@code build/install-go.sh} installs, below the user's home, when HMAP_GO_DIR is not set. */
    public static final String DEFAULT_DIR = ".cache/hmap-testbed/go";
    /** The command a user runs to get the toolchains. */
    public static final String INSTALL_COMMAND = "build/install-go.sh";

    private final Map<String, String> env;
    private final Path home;
    private final Path debianRoot;
    private final Map<Path, Optional<String>> versions = new HashMap<>();

    /** Toolchains found from this process's environment. */
    public static GoToolchains fromEnvironment() {
        return new GoToolchains(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("/usr/lib"));
    }

    /** Toolchains found from the given environment, home folder and Debian install root (for tests). */
    public static GoToolchains of(Map<String, String> env, Path home, Path debianRoot) {
        return new GoToolchains(env, home, debianRoot);
    }

    GoToolchains(Map<String, String> env, Path home, Path debianRoot) {
        this.env = env;
        this.home = home;
        this.debianRoot = debianRoot;
    }

    /** The install folder: {@code HMAP_GO_DIR} or {@code ~/.cache/hmap-testbed/go}. */
    public Path installDir() {
        String dir = env.get("HMAP_GO_DIR");
        return dir == null || dir.isBlank() ? home.resolve(DEFAULT_DIR) : Path.of(dir);
    }

    /** The first toolchain of release {@code majorMinor} (e.g. "1.24"), if any. */
    public Optional<GoToolchain> find(String majorMinor) {
        for (Map.Entry<Path, String> c : candidates(majorMinor).entrySet()) {
            Optional<String> v = version(c.getKey());
            if (v.isPresent()) {
                GoToolchain t = new GoToolchain(c.getKey(), v.get(), c.getValue());
                if (t.isRelease(majorMinor)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** Candidate GOROOTs in search order, each with the way the metadata shows it. */
    Map<Path, String> candidates(String majorMinor) {
        Map<Path, String> c = new LinkedHashMap<>();
        String roots = env.get("HMAP_GO_ROOTS");
        if (roots != null) {
            for (String r : roots.split(java.io.File.pathSeparator)) {
                if (!r.isBlank()) {
                    c.putIfAbsent(Path.of(r.trim()), r.trim());
                }
            }
        }
        String rel = "usr/lib/go-" + majorMinor;
        c.putIfAbsent(installDir().resolve(rel), "$HMAP_GO_DIR/" + rel);
        String goroot = env.get("GOROOT");
        if (goroot != null && !goroot.isBlank()) {
            c.putIfAbsent(Path.of(goroot), "$GOROOT");
        }
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path go = Path.of(dir.isEmpty() ? "." : dir, "go");
                if (Files.isExecutable(go)) {
                    try {
                        Path root = go.toRealPath().getParent().getParent();
                        c.putIfAbsent(root, root.toString());
                    } catch (IOException e) {
                        // a dangling link on PATH is not a toolchain
                    }
                    break;
                }
            }
        }
        Path debian = debianRoot.resolve("go-" + majorMinor);
        c.putIfAbsent(debian, debian.toString());
        return c;
    }

    /** What {@code root/bin/go env GOVERSION} prints, cached; empty when it is not a working toolchain. */
    Optional<String> version(Path root) {
        return versions.computeIfAbsent(root, GoToolchains::askVersion);
    }

    private static Optional<String> askVersion(Path root) {
        Path go = root.resolve("bin").resolve("go");
        if (!Files.isExecutable(go)) {
            return Optional.empty();
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(go.toString(), "env", "GOVERSION").redirectErrorStream(true);
            pb.environment().put("GOROOT", root.toString());
            pb.environment().put("GOTOOLCHAIN", "local");
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("go")) {
                return Optional.empty();
            }
            return Optional.of(out.lines().findFirst().orElse(out));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** For each native implementation, its toolchain or empty; in the enum's order. */
    public Map<NativeGoImpl, Optional<GoToolchain>> forAll() {
        Map<NativeGoImpl, Optional<GoToolchain>> m = new LinkedHashMap<>();
        for (NativeGoImpl i : NativeGoImpl.values()) {
            m.put(i, find(i.goVersion()));
        }
        return m;
    }

    /** The releases of {@code impls} with no toolchain, for the one line a run prints. */
    public List<String> missing(List<NativeGoImpl> impls) {
        List<String> missing = new ArrayList<>();
        for (NativeGoImpl i : impls) {
            if (find(i.goVersion()).isEmpty() && !missing.contains("Go " + i.goVersion())) {
                missing.add("Go " + i.goVersion());
            }
        }
        return missing;
    }
}
