package org.hmaplab.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hmaplab.hash.Hashers;
import org.junit.jupiter.api.Test;

/** The tophash-filter study on one small table per style. */
class TophashFilterStudyTest {

    @Test
    void filterCutsMissComparisonsToAboutLiveSlotsOver251AndHitsToAboutOne() {
        final TophashFilterStudy.Row r = TophashFilterStudy.measure(13, 8, 1, Hashers.byName("go"));
        // FAST64 hit: the key's position in its chain, lambda/2 + 1 = 4.25 for Poisson loads
        assertEquals(4.25, r.fast64Hit(), 0.3);
        // filtered hit: itself plus earlier slots with its tophash: 1 + about 3.25/251
        assertEquals(1.0 + 3.25 / 251, r.filteredHit(), 0.01);
        // FAST64 miss: all 8 slots of every chain bucket, at least 8
        assertTrue(r.fast64Miss() >= 8.0, "fast64 miss " + r.fast64Miss());
        // filtered miss: expected false matches, live slots / 251 = 6.5 / 251
        assertEquals(6.5 / 251, r.filteredMiss(), 0.01);
        assertTrue(r.savedHitPct() > 70 && r.savedMissPct() > 99, r.toString());
        // the generic path reads tophash bytes up to the hit: the same positions FAST64 compares keys at
        assertEquals(r.fast64Hit(), r.genericHitReads(), 1e-9);
    }
}
