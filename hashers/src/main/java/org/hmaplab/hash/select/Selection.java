package org.hmaplab.hash.select;

/**
 * The outcome of a hasher selection: which hasher, by which policy, and why, in words
 * (e.g. {@code "card: CPU has AES instructions (cpuinfo flag aes) -> aes"}). The name, policy and
 * reason go into every result's metadata.
 *
 * @param hasherName the chosen hasher's registry name
 * @param policy     the policy that chose it ({@code card}, {@code go}), also when overridden
 * @param reason     one line saying what decided
 * @param overridden true when an explicit name ({@code --hasher}, {@code hmap.hasher}) decided
 */
public record Selection(String hasherName, String policy, String reason, boolean overridden) {
}
