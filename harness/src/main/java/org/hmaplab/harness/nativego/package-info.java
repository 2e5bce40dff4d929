/**
 * Native Go beside the Java models: the testbed's map workloads run on Go's own runtime maps
 * ({@code map[int64]int64}, {@code map[string]int64}) with the same keys, probe sequences and
 * measurement rules as the JMH cells, and filed in the same archive.
 *
 * <ul>
 *   <li>{@link org.hmaplab.harness.nativego.NativeGoImpl}: the implementations
 *       ({@code native-go119}, {@code native-go124}, {@code native-go124-noswiss}, {@code native-go127})
 *       and {@link org.hmaplab.harness.nativego.NativeHash} the hashes ({@code aeshash},
 *       {@code fallback} = {@code GODEBUG=cpu.aes=off});</li>
 *   <li>{@link org.hmaplab.harness.nativego.GoToolchains}: where the Go releases are found
 *       ({@code build/install-go.sh} installs them from Debian's packages);</li>
 *   <li>{@link org.hmaplab.harness.nativego.NativeInput}: the cell's keys and probes, written from
 *       the Java generators for the Go program ({@code harness/src/main/go/nativebench});</li>
 *   <li>{@link org.hmaplab.harness.nativego.NativeBenchBuild} builds the program per toolchain,
 *       {@link org.hmaplab.harness.nativego.NativeGoRunner} runs it as forks and returns a
 *       JMH-shaped result, {@link org.hmaplab.harness.nativego.NativeBenchOutput} parses one fork.</li>
 * </ul>
 * What is and is not comparable between the two runtimes is written in {@code docs/native-go.md}.
 */
package org.hmaplab.harness.nativego;
