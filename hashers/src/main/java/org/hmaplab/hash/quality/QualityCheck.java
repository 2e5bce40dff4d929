package org.hmaplab.hash.quality;

import java.util.List;
import org.hmaplab.hash.Hasher;

/** One family of hash-quality checks; each returns one row per case it runs. */
public interface QualityCheck {

    /** The test's name as it appears in the report ({@code avalanche}, ...). */
    String name();

    /** Runs every case of this test on {@code hasher}. */
    List<QualityRow> run(Hasher hasher, QualityMode mode);
}
