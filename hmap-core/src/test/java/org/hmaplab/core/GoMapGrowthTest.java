package org.hmaplab.core;

/** The growth contract ({@link AbstractGoGrowthContract}) for {@code GoMap<Long, Long>}. */
class GoMapGrowthTest extends AbstractGoGrowthContract {
    @Override
    ClassicMapUnderTest.Kind kind() {
        return ClassicMapUnderTest.Kind.BOXED;
    }
}
