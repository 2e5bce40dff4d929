package org.hmaplab.harness.nativego;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/**
 * The Go toolchain of the tests that run the real Go program: Go 1.19 if present, else any
 * release of the native implementations. Without one the test is skipped on a developer's
 * machine, and fails under CI (environment variable {@code CI} set), where {@code .ci/run}
 * installs Go with {@code build/install-go.sh} first.
 */
final class RealGo {
    private RealGo() {
    }

    /** Whether the skip has been explained on stderr already (once per test JVM). */
    private static boolean told;

    static synchronized GoToolchain toolchain() {
        GoToolchains all = GoToolchains.fromEnvironment();
        Optional<GoToolchain> t = all.find("1.19");
        for (NativeGoImpl i : NativeGoImpl.values()) {
            if (t.isEmpty()) {
                t = all.find(i.goVersion());
            }
        }
        if (t.isEmpty() && System.getenv("CI") != null) {
            fail("no Go toolchain found under CI; .ci/run should have run " + GoToolchains.INSTALL_COMMAND);
        }
        if (t.isEmpty() && !told) {
            told = true;
            System.err.println("native-Go tests skipped: no Go toolchain found; install one with "
                + GoToolchains.INSTALL_COMMAND + " (or name a GOROOT in HMAP_GO_ROOTS)");
        }
        assumeTrue(t.isPresent(), "no Go toolchain found; run " + GoToolchains.INSTALL_COMMAND);
        return t.get();
    }

    /** The native implementation of the toolchain's release. */
    static NativeGoImpl implOf(GoToolchain t) {
        for (NativeGoImpl i : NativeGoImpl.values()) {
            if (t.isRelease(i.goVersion()) && i.experiment().isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("no native implementation for " + t.version());
    }
}
