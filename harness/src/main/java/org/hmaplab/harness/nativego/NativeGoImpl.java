package org.hmaplab.harness.nativego;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The native-Go implementations: Go's own runtime map of a Go release, named like every other
 * implementation in the CSV's {@code impl} column.
 */
public enum NativeGoImpl {
    /** Go 1.19's classic bucket map, the map the classic Java model follows. */
    GO119("native-go119", "1.19", ""),
    /** Go 1.24's Swiss table, the first release that shipped it. */
    GO124("native-go124", "1.24", ""),
    /** Go 1.24 built with {@code GOEXPERIMENT=noswissmap}: the classic map in the 1.24 runtime and compiler. */
    GO124_NOSWISS("native-go124-noswiss", "1.24", "noswissmap"),
    /** The newest Go Debian packages, Swiss table only. */
    GO127("native-go127", "1.27", "");

    private final String label;
    private final String goVersion;
    private final String experiment;

    NativeGoImpl(String label, String goVersion, String experiment) {
        this.label = label;
        this.goVersion = goVersion;
        this.experiment = experiment;
    }

    /** The name in the {@code impl} column. */
    public String label() {
        return label;
    }

    /** The Go release, major.minor. */
    public String goVersion() {
        return goVersion;
    }

    /** The {@code GOEXPERIMENT} the program is built with, empty for none. */
    public String experiment() {
        return experiment;
    }

    /** Whether the map is Go's Swiss table (else the classic bucket map). */
    public boolean swiss() {
        return !goVersion.equals("1.19") && experiment.isEmpty();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(NativeGoImpl::label).toList();
    }

    /** The implementation called {@code label}, if it is a native one. */
    public static Optional<NativeGoImpl> of(String label) {
        return Arrays.stream(values()).filter(i -> i.label.equals(label)).findFirst();
    }

    /** Whether {@code label} names a native-Go implementation. */
    public static boolean isNative(String label) {
        return label != null && of(label).isPresent();
    }
}
