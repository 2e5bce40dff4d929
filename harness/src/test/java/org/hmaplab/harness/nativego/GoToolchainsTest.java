package org.hmaplab.harness.nativego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order of Go toolchains, with fake toolchains whose {@code go} prints a version. */
class GoToolchainsTest {
    @TempDir
    Path tmp;

    /** A fake GOROOT whose bin/go answers {@code go env GOVERSION} with {@code version}. */
    private Path fakeRoot(String name, String version) throws IOException {
        Path root = tmp.resolve(name);
        Path go = root.resolve("bin/go");
        Files.createDirectories(go.getParent());
        Files.writeString(go, "#!/bin/sh\n[ \"$1 $2\" = \"env GOVERSION\" ] && echo " + version + "\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    @Test
    void aRootListedInHmapGoRootsComesFirst() throws IOException {
        Path listed = fakeRoot("listed", "go1.24.4");
        Path installed = fakeRoot("home/.cache/hmap-testbed/go/usr/lib/go-1.24", "go1.24.2");
        GoToolchains t = new GoToolchains(Map.of("HMAP_GO_ROOTS", "/nonexistent:" + listed), tmp.resolve("home"),
            tmp.resolve("debian"));
        assertEquals(listed, t.find("1.24").orElseThrow().root());
        GoToolchains noList = new GoToolchains(Map.of(), tmp.resolve("home"), tmp.resolve("debian"));
        GoToolchain found = noList.find("1.24").orElseThrow();
        assertEquals(installed, found.root());
        assertEquals("go1.24.2", found.version());
        assertEquals("$HMAP_GO_DIR/usr/lib/go-1.24", found.shownRoot());
    }

    @Test
    void hmapGoDirReplacesTheDefaultInstallFolder() throws IOException {
        Path dir = tmp.resolve("gohere");
        fakeRoot("gohere/usr/lib/go-1.27", "go1.27.4");
        GoToolchains t = new GoToolchains(Map.of("HMAP_GO_DIR", dir.toString()), tmp.resolve("home"),
            tmp.resolve("debian"));
        assertEquals(dir.resolve("usr/lib/go-1.27"), t.find("1.27").orElseThrow().root());
    }

    @Test
    void aToolchainOfAnotherReleaseIsPassedOver() throws IOException {
        Path goroot = fakeRoot("goroot", "go1.241.0");
        Path debian = fakeRoot("debian/go-1.24", "go1.24.4");
        GoToolchains t = new GoToolchains(Map.of("GOROOT", goroot.toString()), tmp.resolve("home"),
            tmp.resolve("debian"));
        assertEquals(debian, t.find("1.24").orElseThrow().root());
        assertEquals(debian.toString(), t.find("1.24").orElseThrow().shownRoot());
    }

    @Test
    void theGoOnPathIsFoundThroughItsRoot() throws IOException {
        Path root = fakeRoot("pathgo", "go1.19.8");
        GoToolchains t = new GoToolchains(Map.of("PATH", "/nonexistent:" + root.resolve("bin")), tmp.resolve("home"),
            tmp.resolve("debian"));
        assertEquals(root.toRealPath(), t.find("1.19").orElseThrow().root());
    }

    @Test
    void nothingFoundIsEmptyAndNamedOnceInTheMissingList() {
        GoToolchains t = new GoToolchains(Map.of(), tmp.resolve("home"), tmp.resolve("debian"));
        assertFalse(t.find("1.24").isPresent());
        assertEquals(List.of("Go 1.24"), t.missing(List.of(NativeGoImpl.GO124, NativeGoImpl.GO124_NOSWISS)));
    }

    @Test
    void aReleaseMatchesItsPatchVersionsOnly() {
        GoToolchain t = new GoToolchain(Path.of("/x"), "go1.24.4", "/x");
        assertTrue(t.isRelease("1.24"));
        assertFalse(t.isRelease("1.2"));
        assertFalse(new GoToolchain(Path.of("/x"), "go1.241", "/x").isRelease("1.24"));
    }
}
