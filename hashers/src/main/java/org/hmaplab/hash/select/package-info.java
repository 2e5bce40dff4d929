/**
 * Which hasher an experiment runs with when it names none, and why: the {@code hmap.hasher}
 * property wins, else a {@link org.hmaplab.hash.select.SelectionPolicy} turns the CPU's features
 * into a choice (the default {@code card} policy picks {@code aes} when the AES instructions are
 * present). The {@link org.hmaplab.hash.select.Selection} carries the name, the policy and the
 * reason in words, and all three go into every result's metadata.
 */
package org.hmaplab.hash.select;
