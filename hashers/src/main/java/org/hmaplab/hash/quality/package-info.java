/**
 * An SMHasher-style quality suite: avalanche, bucket distribution as a Go map sees it (the low bits
 * of the hash), collisions over structured key families, seed independence and zero-filled keys,
 * each a {@link org.hmaplab.hash.quality.QualityCheck} run by {@link org.hmaplab.hash.quality.QualitySuite}.
 * Every check fixes the probability that a perfect random function fails it and derives its
 * threshold from the sampling error ({@link org.hmaplab.hash.quality.Stats}), so a row's verdict
 * means the same for every hasher; {@code hbench quality} prints the table.
 */
package org.hmaplab.hash.quality;
