package org.hmaplab.harness.nativego;

import java.nio.file.Path;

/**
 * One Go installation.
 *
 * @param root      its GOROOT
 * @param version   what {@code go env GOVERSION} prints, e.g. {@code go1.24.4}
 * @param shownRoot the root as the metadata records it: relative to the named root it was found
 *                  under ({@code $HMAP_GO_DIR/usr/lib/go-1.24}), or absolute for system folders
 */
public record GoToolchain(Path root, String version, String shownRoot) {

    /** The {@code go} command of this toolchain. */
    public Path goCommand() {
        return root.resolve("bin").resolve("go");
    }

    /** Whether this is release {@code majorMinor} ("1.24" matches go1.24, go1.24.4, not go1.241). */
    public boolean isRelease(String majorMinor) {
        String want = "go" + majorMinor;
        return version.equals(want) || version.startsWith(want + ".") || version.startsWith(want + "rc");
    }
}
