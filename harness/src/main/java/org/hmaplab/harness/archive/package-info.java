/**
 * The run archive: the one owner of its format. Every other package writes and reads archives
 * only through these classes; the format itself (every file and column) is specified in
 * {@code docs/archive-format.md}.
 *
 * <p>A run is one folder, {@code results/<UTC start>-<kind>-<6 hex>}, written under
 * {@code results/.tmp-<run id>/} and moved into place when complete ({@link
 * org.hmaplab.harness.archive.RunArchive}), then listed in {@code results/index.csv}.
 *
 * <table>
 * <caption>Who does what</caption>
 * <tr><th>class</th><th>job</th></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.ArchiveFormat}</td><td>file names, columns, CSV dialect,
 *     the format version ({@code archive_format} in metadata.json)</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.RunMetadata}</td><td>metadata.json: collect, write, read</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.RunArchive}</td><td>the temporary folder, the atomic move,
 *     the index</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.ArchiveWriter}</td><td>jmh-result.json and the three CSVs
 *     of a bench run or a merge</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.ArchiveReader}</td><td>the typed reader: metadata,
 *     {@link org.hmaplab.harness.archive.ArchiveRows} (results with per-fork mean scores, latency,
 *     memory), JMH's JSON and log ({@code jmh.log} or {@code jmh.log.gz})</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.ArchiveException}</td><td>a damaged archive as one line:
 *     {@code run RUN: FILE line N: what is wrong}; commands print it and exit with status 2</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.ArchiveCheck}</td><td>{@code hbench check-archive}: every
 *     file, key, column, number and count of a bench archive</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.ArchiveMerge}</td><td>{@code hbench merge}: shards into one
 *     archive</td></tr>
 * <tr><td>{@link org.hmaplab.harness.archive.CsvFiles}</td><td>the CSV writer (RFC 4180, LF) and the
 *     by-name view used by check and merge</td></tr>
 * </table>
 *
 * <p>Compatibility: columns and metadata keys only grow, and readers look columns up by name, so
 * an older archive reads as a newer one with empty cells. The format version is raised when a file
 * may change form (version 2: {@code jmh.log} may be stored as {@code jmh.log.gz}); a reader
 * accepts every version up to {@link org.hmaplab.harness.archive.ArchiveFormat#VERSION} and
 * refuses a newer one by name. {@code CommittedArchivesTest} reads every archive under
 * {@code results/}, the fixtures of all versions so far.
 */
package org.hmaplab.harness.archive;
