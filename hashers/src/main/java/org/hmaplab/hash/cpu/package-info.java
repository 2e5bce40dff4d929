/**
 * What this machine and this JVM offer the hashers: CPU feature flags from {@code /proc/cpuinfo}
 * ({@link org.hmaplab.hash.cpu.CpuInfo}), the JVM's own view of AES and vector support and the
 * Vector API's preferred width, gathered in one immutable {@link org.hmaplab.hash.cpu.CpuFeatures}
 * snapshot. A feature nobody could confirm is {@link org.hmaplab.hash.cpu.Support#UNKNOWN}, never
 * guessed present.
 */
package org.hmaplab.hash.cpu;
